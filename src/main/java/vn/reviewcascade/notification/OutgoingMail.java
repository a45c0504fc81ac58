package vn.reviewcascade.notification;

/**
 * A mail the cascade decided to send.
 *
 * @param key            what makes it the same mail if decided again: campaign, unit, deadline and kind
 * @param attachmentUnit the unit whose report goes with the mail as its document, or null
 */
public record OutgoingMail(String key, long campaignId, String unitCode, MailKind kind,
                           MailRecipients.Resolved recipients, RenderedMail content, String attachmentUnit) {
}
