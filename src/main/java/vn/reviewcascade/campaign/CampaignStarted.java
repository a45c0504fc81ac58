package vn.reviewcascade.campaign;

/**
 * Published inside the transaction that starts the campaign's root review, once all its units are written (the
 * starting request's, or the last job of a large campaign's opening), for work that runs beside the cascade.
 */
public record CampaignStarted(Campaign campaign) {
}
