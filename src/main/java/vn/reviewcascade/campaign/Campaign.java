package vn.reviewcascade.campaign;

import java.time.Instant;

/** One run of a plan over a unit tree. */
public record Campaign(long id, String planNumber, String title, String rootUnit, String organisingGroup,
                       Deadlines deadlines, Instant startedAt, String startedBy) {
}
