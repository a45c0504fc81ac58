package vn.reviewcascade.approval;

import java.time.Instant;

/**
 * A unit missed its deadline. Published once per missed deadline, inside the engine's transaction;
 * listeners that send anything should act after commit.
 *
 * @param parentCode       the unit that is told, with the organising board; null for the root unit
 * @param organisingGroup  the Camunda group of the plan's organising board (Ban Dân vận for KH 117)
 * @param reportTitle      how the plan names the report the unit owes ("báo cáo sơ kết")
 */
public record EscalationRaised(long campaignId, String planNumber, String unitCode, String unitName, String parentCode,
                               String organisingGroup, String reportTitle, Instant deadline, Instant raisedAt) {
}
