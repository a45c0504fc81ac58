package vn.reviewcascade.audit;

/** What the organising board or an administrator did, with the words the office page shows for it. */
public enum AuditAction {
    CAMPAIGN_STARTED("Bắt đầu đợt"),
    CAMPAIGN_ENDED("Kết thúc đợt"),
    CAMPAIGN_OPENING_RETRIED("Mở tiếp các đơn vị của đợt"),
    PLAN_REGISTERED("Đăng ký kế hoạch"),
    USERS_IMPORTED("Nhập người dùng"),
    REORGANISATION_APPLIED("Áp dụng sắp xếp tổ chức"),
    UNIT_TREE_APPLIED("Nạp cây đơn vị");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
