package vn.reviewcascade.report;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A unit's place in one campaign: the snapshot of the unit taken at start and its progress since.
 *
 * @param level       the key of its level in the tree and the plan
 * @param reportDue   its level's report deadline in the campaign
 * @param escalatedAt when its missed deadline was escalated, or null
 */
public record UnitReport(long campaignId, String unitCode, String unitName, String level, String parentCode,
                         String symbol, UnitStatus status, Instant reportDue, Instant guidanceReceivedAt,
                         String guidanceNumber, Instant guidanceIssuedAt, Instant consolidatedAt, Instant submittedAt,
                         Instant escalatedAt, String documentNumber, String processInstanceId) {

    public boolean submitted() {
        return submittedAt != null;
    }

    /** Not submitted, and its deadline has been missed (the engine raised an escalation for it). */
    @JsonProperty
    public boolean overdue() {
        return escalatedAt != null && submittedAt == null;
    }

    @JsonProperty
    public boolean submittedLate() {
        return submittedAt != null && submittedAt.isAfter(reportDue);
    }
}
