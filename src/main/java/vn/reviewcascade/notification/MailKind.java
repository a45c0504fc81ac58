package vn.reviewcascade.notification;

/** What a mail is; each kind has its templates under {@code mail/}. */
public enum MailKind {
    REMINDER("reminder", "Nhắc hạn"),
    ESCALATION("escalation", "Báo quá hạn"),
    OVERDUE_DIGEST("overdue-digest", "Tổng hợp đơn vị quá hạn"),
    DISTRIBUTION("distribution", "Gửi báo cáo đã ký");

    private final String template;
    private final String label;

    MailKind(String template, String label) {
        this.template = template;
        this.label = label;
    }

    public String template() {
        return template;
    }

    /** What the sent log calls it. */
    public String label() {
        return label;
    }
}
