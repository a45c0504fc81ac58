package vn.reviewcascade.report;

/** Where a unit stands in a campaign, in the order the cascade moves through. */
public enum UnitStatus {
    NOT_STARTED("Chưa bắt đầu"),
    WAITING_FOR_GUIDANCE("Chờ hướng dẫn của cấp trên"),
    DRAFTING_GUIDANCE("Đang dự thảo kế hoạch hướng dẫn"),
    SIGNING_GUIDANCE("Đang ký ban hành hướng dẫn"),
    WAITING_FOR_SUBORDINATES("Chờ báo cáo của đơn vị cấp dưới"),
    DRAFTING("Đang dự thảo báo cáo"),
    IN_REVIEW("Đang thẩm định báo cáo"),
    SIGNING("Đang ký duyệt báo cáo"),
    SUBMITTED("Đã gửi báo cáo"),
    /** Its campaign was ended early by the organising board before it sent its report. */
    ENDED("Dừng do đợt đã kết thúc"),
    /**
     * Abolished or merged into another unit by a reorganisation before it sent its report: it owes none any more,
     * and what it wrote stays as history.
     */
    RETIRED("Đã giải thể hoặc sáp nhập");

    private final String label;

    UnitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Once a report is under review or gone, its text and figures change only by returning it to the drafter. */
    public boolean locksReport() {
        return this == IN_REVIEW || this == SIGNING || this == SUBMITTED || this == ENDED || this == RETIRED;
    }
}
