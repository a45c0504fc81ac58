package vn.reviewcascade.report;

/** The six items of section II of the plan that every report must cover. */
public enum Section {
    SITUATION_BEFORE("Tình hình tổ chức đảng, đảng viên và các tổ chức chính trị - xã hội trong doanh nghiệp ngoài nhà nước trước khi Đề án ban hành"),
    DISSEMINATION("Tình hình quán triệt Đề án; việc xây dựng chương trình, kế hoạch và văn bản chỉ đạo thực hiện"),
    LEADERSHIP("Vai trò lãnh đạo của cấp ủy, sự phối hợp của chính quyền và trách nhiệm của các tổ chức chính trị - xã hội"),
    RESULTS("Kết quả phát triển tổ chức đảng, đảng viên và các tổ chức chính trị - xã hội (số liệu cụ thể)"),
    ASSESSMENT("Đánh giá tổng quát: kết quả, hạn chế, nguyên nhân và bài học kinh nghiệm"),
    DIRECTIONS("Mục tiêu, phương hướng, nhiệm vụ thời gian tới");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    /** 1 to 6, as numbered in the plan. */
    public int number() {
        return ordinal() + 1;
    }

    /** The name of the section in JSON bodies, form fields and task variables: section1 … section6. */
    public String key() {
        return "section" + number();
    }

    public String title() {
        return title;
    }
}
