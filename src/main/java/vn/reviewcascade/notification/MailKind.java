package vn.reviewcascade.notification;

/** What a mail is; each kind has its templates under {@code mail/}. */
public enum MailKind {
    REMINDER("reminder"),
    ESCALATION("escalation"),
    OVERDUE_DIGEST("overdue-digest"),
    DISTRIBUTION("distribution");

    private final String template;

    MailKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
