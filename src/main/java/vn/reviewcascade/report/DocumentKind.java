package vn.reviewcascade.report;

import vn.reviewcascade.plan.Plan;

/** What a run of the approval process produces; the type code is the one of the document's number. */
public enum DocumentKind {
    GUIDANCE("HD", false),
    REPORT("BC", true);

    private final String typeCode;
    private final boolean reviewed;

    DocumentKind(String typeCode, boolean reviewed) {
        this.typeCode = typeCode;
        this.reviewed = reviewed;
    }

    public String typeCode() {
        return typeCode;
    }

    /** How the plan calls the document, for task names and mails: "báo cáo sơ kết". */
    public String title(Plan plan) {
        return this == GUIDANCE ? plan.documents().guidance() : plan.documents().report();
    }

    /** Whether a reviewer checks the draft before the leader signs (reports), or the leader signs at once. */
    public boolean reviewed() {
        return reviewed;
    }
}
