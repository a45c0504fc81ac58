package vn.reviewcascade.notification;

/** A mail's subject and its two bodies, plain text and HTML. */
public record RenderedMail(String subject, String text, String html) {
}
