package vn.reviewcascade.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A report as its readers see it: its own text and figures, the sum of its subordinates' submitted figures,
 * where the two differ, and every review decision so far.
 *
 * @param version     the version of the content shown: saving changes to it refuses if someone saved since
 * @param subordinateTotals the sum of the subordinates' submitted figures ({@link Rollup#totals})
 * @param differences own figure minus subordinates' sum where they are not equal ({@link Rollup#differences}): for a
 *                    unit with subordinates, even if none has submitted
 */
public record ReportView(UnitReport unit, int version, Map<String, String> sections, Map<String, Long> figures,
                         Map<String, Long> subordinateTotals, Map<String, Long> differences,
                         List<Subordinate> subordinates, List<ReviewComment> comments, DocumentInfo document) {

    /**
     * @param lateAddition submitted after the parent had started consolidating: counted, and shown as such
     * @param figures      what it contributes to {@code subordinateTotals}: its figures once submitted, else none
     */
    public record Subordinate(String unitCode, String unitName, UnitStatus status, Instant submittedAt,
                              boolean overdue, boolean submittedLate, boolean lateAddition, Map<String, Long> figures) {

        public Subordinate {
            figures = Map.copyOf(figures);
        }
    }

    /** @param uploadedBy the user id of who attached it; {@code uploadedByName} their name, as people read it */
    public record DocumentInfo(String fileName, String contentType, long sizeBytes, Instant uploadedAt, String uploadedBy,
                               String uploadedByName) {
    }
}
