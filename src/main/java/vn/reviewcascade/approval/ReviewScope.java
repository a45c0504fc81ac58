package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.VariableScope;

import vn.reviewcascade.report.DocumentKind;

/** The variables every review process carries, read in one place so the delegates agree on their names. */
record ReviewScope(long campaignId, String unitCode, String parentCode) {

    static ReviewScope of(VariableScope execution) {
        return new ReviewScope(((Number) execution.getVariable("campaignId")).longValue(),
                (String) execution.getVariable("unitCode"), (String) execution.getVariable("parentCode"));
    }

    static DocumentKind documentKind(VariableScope execution) {
        return DocumentKind.valueOf((String) execution.getVariable("documentKind"));
    }
}
