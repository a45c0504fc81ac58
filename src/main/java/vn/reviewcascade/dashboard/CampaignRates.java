package vn.reviewcascade.dashboard;

import java.util.List;

/** The reporting rates of a unit's subtree in a campaign: per level, and per unit waiting for reports (paged). */
public record CampaignRates(long campaignId, String scopeUnit, String scopeName, Rates total, List<LevelRates> levels,
                           Page<ParentRates> parents) {
}
