package vn.reviewcascade.campaign;

/** Published inside the transaction that started the campaign, for work that runs beside the cascade. */
public record CampaignStarted(Campaign campaign) {
}
