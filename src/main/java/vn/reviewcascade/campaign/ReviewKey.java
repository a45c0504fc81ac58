package vn.reviewcascade.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import vn.reviewcascade.report.DocumentKind;

/**
 * Which campaign, unit and document a process instance works for, written in its business key: a unit's
 * review is {@code 7/VL-HOXA}, each document it approves {@code 7/VL-HOXA/REPORT} or {@code 7/VL-HOXA/GUIDANCE}.
 * A task's user can set process variables but never a business key, so the delegates, listeners and forms read
 * the unit, the campaign and the kind of document from here and from nothing a user can write.
 *
 * @param documentKind null for the unit's review itself
 */
public record ReviewKey(long campaignId, String unitCode, DocumentKind documentKind) {

    public static ReviewKey unit(long campaignId, String unitCode) {
        return new ReviewKey(campaignId, unitCode, null);
    }

    public ReviewKey document(DocumentKind kind) {
        return new ReviewKey(campaignId, unitCode, kind);
    }

    /** The unit's review this key belongs to (itself, or the review that approves this document). */
    public ReviewKey review() {
        return unit(campaignId, unitCode);
    }

    public static ReviewKey of(DelegateExecution execution) {
        return parse(execution.getProcessBusinessKey());
    }

    public static ReviewKey of(DelegateTask task) {
        return of(task.getExecution());
    }

    /** @throws IllegalStateException for a key no review was started with: a programming error, not user input */
    public static ReviewKey parse(String businessKey) {
        String[] parts = businessKey == null ? new String[0] : businessKey.split("/", -1);
        try {
            if (parts.length == 2) {
                return unit(Long.parseLong(parts[0]), parts[1]);
            }
            if (parts.length == 3) {
                return new ReviewKey(Long.parseLong(parts[0]), parts[1], DocumentKind.valueOf(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new IllegalStateException("Not the business key of a unit's review: " + businessKey);
    }

    /** The document kind, for keys of an approval. */
    public DocumentKind kind() {
        if (documentKind == null) {
            throw new IllegalStateException("The review " + this + " is not the approval of a document");
        }
        return documentKind;
    }

    @Override
    public String toString() {
        return campaignId + "/" + unitCode + (documentKind == null ? "" : "/" + documentKind.name());
    }
}
