package vn.reviewcascade.report;

import java.time.Instant;

/**
 * A unit's place in one campaign: the snapshot of the unit taken at start and its progress since, with where it
 * stands derived as {@link UnitStates} derives it.
 *
 * @param level         the key of its level in the tree and the plan
 * @param reportDue     its level's report deadline in the campaign
 * @param escalatedAt   when its missed deadline was escalated, or null
 * @param overdue       not submitted, and its deadline missed (the engine raised an escalation for it)
 * @param submittedLate submitted after its deadline
 */
public record UnitReport(long campaignId, String unitCode, String unitName, String level, String parentCode,
                         String symbol, UnitStatus status, Instant reportDue, Instant guidanceReceivedAt,
                         String guidanceNumber, Instant guidanceIssuedAt, Instant consolidatedAt, Instant submittedAt,
                         Instant escalatedAt, String documentNumber, String processInstanceId, boolean overdue,
                         boolean submittedLate) {

    public boolean submitted() {
        return submittedAt != null;
    }
}
