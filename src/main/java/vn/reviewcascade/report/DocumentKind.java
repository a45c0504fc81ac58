package vn.reviewcascade.report;

/** What a run of the approval process produces; the type code is the one of the document's number. */
public enum DocumentKind {
    GUIDANCE("HD", "kế hoạch hướng dẫn sơ kết", false),
    REPORT("BC", "báo cáo sơ kết", true);

    private final String typeCode;
    private final String title;
    private final boolean reviewed;

    DocumentKind(String typeCode, String title, boolean reviewed) {
        this.typeCode = typeCode;
        this.title = title;
        this.reviewed = reviewed;
    }

    public String typeCode() {
        return typeCode;
    }

    /** How task names call the document: "Dự thảo báo cáo sơ kết – Huyện ủy Vĩnh Linh". */
    public String title() {
        return title;
    }

    /** Whether a reviewer checks the draft before the leader signs (reports), or the leader signs at once. */
    public boolean reviewed() {
        return reviewed;
    }
}
