package vn.reviewcascade.report;

import java.util.Map;

/** How far a campaign's units are: per status, and how many are overdue or were submitted late. */
public record CampaignProgress(long units, Map<UnitStatus, Long> countsByStatus, long overdue, long submittedLate) {
}
