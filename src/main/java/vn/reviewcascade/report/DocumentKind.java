package vn.reviewcascade.report;

/** What a run of the approval process produces; the type code is the one of the document's number. */
public enum DocumentKind {
    GUIDANCE("HD", "kế hoạch hướng dẫn sơ kết"),
    REPORT("BC", "báo cáo sơ kết");

    private final String typeCode;
    private final String title;

    DocumentKind(String typeCode, String title) {
        this.typeCode = typeCode;
        this.title = title;
    }

    public String typeCode() {
        return typeCode;
    }

    /** How task names call the document: "Dự thảo báo cáo sơ kết – Huyện ủy Vĩnh Linh". */
    public String title() {
        return title;
    }
}
