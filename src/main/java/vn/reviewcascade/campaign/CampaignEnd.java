package vn.reviewcascade.campaign;

import java.time.Instant;

/** A campaign ended before its units had all reported: who ended it, when, and why. */
public record CampaignEnd(long campaignId, Instant endedAt, String endedBy, String reason) {
}
