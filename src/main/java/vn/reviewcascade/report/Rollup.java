package vn.reviewcascade.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a parent's figures relate to its subordinates': the report view, the written document and the annex workbook
 * all mark late additions and differences by these rules, so the three never disagree.
 */
public final class Rollup {

    /** What marks a late addition beside a unit's name, and what the mark means. */
    public static final String LATE_ADDITION_MARK = " (*)";
    public static final String LATE_ADDITION_NOTE = "(*) Báo cáo gửi sau khi đơn vị đã tổng hợp; số liệu vẫn được cộng vào.";

    private Rollup() {
    }

    /**
     * A subordinate's report that reached its parent after the parent had started consolidating: it is still
     * counted in the parent's sums, but the parent's own figures may not include it.
     */
    public static boolean lateAddition(Instant parentConsolidatedAt, Instant submittedAt) {
        return parentConsolidatedAt != null && submittedAt != null && submittedAt.isAfter(parentConsolidatedAt);
    }

    /**
     * Own figure minus the subordinates' sum, for each figure the parent gives where the two differ; a figure no
     * subordinate gave sums to 0.
     */
    public static Map<String, Long> differences(Map<String, Long> own, Map<String, Long> subordinateTotals) {
        Map<String, Long> differences = new LinkedHashMap<>();
        own.forEach((indicator, figure) -> {
            long sum = subordinateTotals.getOrDefault(indicator, 0L);
            if (figure != sum) {
                differences.put(indicator, figure - sum);
            }
        });
        return differences;
    }
}
