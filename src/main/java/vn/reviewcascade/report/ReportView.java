package vn.reviewcascade.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A report as its readers see it: its own text and figures, the sum of its subordinates' submitted figures,
 * where the two differ, and every review decision so far.
 *
 * @param version     the version of the content shown: saving changes to it refuses if someone saved since
 * @param differences own figure minus subordinates' sum, for each figure where the unit changed the sum
 */
public record ReportView(UnitReport unit, int version, Map<String, String> sections, Map<String, Long> figures,
                         Map<String, Long> subordinateTotals, Map<String, Long> differences,
                         List<Subordinate> subordinates, List<ReviewComment> comments, DocumentInfo document) {

    /** @param lateAddition submitted after the parent had started consolidating: counted, and shown as such */
    public record Subordinate(String unitCode, String unitName, UnitStatus status, Instant submittedAt,
                              boolean overdue, boolean submittedLate, boolean lateAddition) {
    }

    public record DocumentInfo(String fileName, String contentType, long sizeBytes, Instant uploadedAt, String uploadedBy) {
    }
}
