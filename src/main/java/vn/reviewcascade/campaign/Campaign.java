package vn.reviewcascade.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.reviewcascade.unit.Level;

/** One run of a plan over a unit tree, with how long before each deadline each level is reminded. */
public record Campaign(long id, String planNumber, String title, String rootUnit, String organisingGroup, int year,
                       Deadlines deadlines, Map<Level, List<Duration>> reminders, Instant startedAt, String startedBy) {

    public List<Duration> remindersFor(Level level) {
        return reminders.getOrDefault(level, List.of());
    }
}
