package vn.reviewcascade.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parent's figures against its subordinates': what each subordinate contributes, their sum, the part of it that
 * came as late additions, and where the parent's own figures differ. Everything that shows a roll-up — the report
 * view, the dashboard's drill-down, the written document's annex and the annex workbook — takes it from here, so no
 * two of them can disagree.
 *
 * <p>The rules, for the organising board reading the figures:
 * <ul>
 *   <li>Only submitted reports count: a subordinate that has not submitted contributes nothing, whatever its draft
 *       holds, and a figure no submitted subordinate gave sums to 0.</li>
 *   <li>A late addition is a subordinate that submitted after the parent started consolidating: it is counted in the
 *       sum, but the parent's own figures, pre-filled at consolidation, cannot include it.</li>
 *   <li>A parent with subordinates in the campaign has a difference for each figure it gave that is not the sum,
 *       even when none of its subordinates has submitted: the sum is then 0 and the difference the whole figure.
 *       A figure the parent states that no submitted report backs is exactly what the board must see; showing no
 *       difference there would make an unbacked figure look like an agreed sum.</li>
 *   <li>A unit without subordinates in the campaign has nothing to differ from, so no difference.</li>
 * </ul>
 */
public final class Rollup {

    /** What marks a late addition beside a unit's name, and what the mark means. */
    public static final String LATE_ADDITION_MARK = " (*)";
    public static final String LATE_ADDITION_NOTE = "(*) Báo cáo gửi sau khi đơn vị đã tổng hợp; số liệu vẫn được cộng vào.";

    /**
     * A unit directly under the parent.
     *
     * @param submittedAt when its report was submitted, or null if it has not been
     * @param figures     what its report gives (ignored until it is submitted)
     */
    public record Subordinate(String unitCode, Instant submittedAt, Map<String, Long> figures) {

        public Subordinate {
            figures = Map.copyOf(figures);
        }
    }

    private final Map<String, Map<String, Long>> contributions;
    private final Set<String> lateAdditionUnits;
    private final Map<String, Long> totals;
    private final Map<String, Long> lateAdditions;
    private final Map<String, Long> differences;

    private Rollup(Map<String, Map<String, Long>> contributions, Set<String> lateAdditionUnits, Map<String, Long> totals,
                   Map<String, Long> lateAdditions, Map<String, Long> differences) {
        this.contributions = Collections.unmodifiableMap(contributions);
        this.lateAdditionUnits = Collections.unmodifiableSet(lateAdditionUnits);
        this.totals = Collections.unmodifiableMap(totals);
        this.lateAdditions = Collections.unmodifiableMap(lateAdditions);
        this.differences = Collections.unmodifiableMap(differences);
    }

    /**
     * Rolls the subordinates up into the parent.
     *
     * @param own            the parent's own figures, as the caller shows them
     * @param consolidatedAt when the parent started consolidating, or null if it has not
     * @param subordinates   every unit directly under the parent in the campaign, submitted or not
     */
    public static Rollup of(Map<String, Long> own, Instant consolidatedAt, List<Subordinate> subordinates) {
        Map<String, Map<String, Long>> contributions = new LinkedHashMap<>();
        Set<String> lateUnits = new LinkedHashSet<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, Long> lateAdditions = new LinkedHashMap<>();
        for (Subordinate subordinate : subordinates) {
            if (subordinate.submittedAt() == null) {
                continue;
            }
            contributions.put(subordinate.unitCode(), subordinate.figures());
            boolean late = lateAddition(consolidatedAt, subordinate.submittedAt());
            if (late) {
                lateUnits.add(subordinate.unitCode());
            }
            subordinate.figures().forEach((indicator, figure) -> {
                totals.merge(indicator, figure, Long::sum);
                if (late) {
                    lateAdditions.merge(indicator, figure, Long::sum);
                }
            });
        }
        Map<String, Long> differences = new LinkedHashMap<>();
        if (!subordinates.isEmpty()) {
            own.forEach((indicator, figure) -> {
                long sum = totals.getOrDefault(indicator, 0L);
                if (figure != sum) {
                    differences.put(indicator, figure - sum);
                }
            });
        }
        return new Rollup(contributions, lateUnits, totals, lateAdditions, differences);
    }

    /**
     * Whether a report submitted at {@code submittedAt} is a late addition to a parent that started consolidating
     * at {@code parentConsolidatedAt}. {@link #of} applies it to each subordinate; it is open for a unit whose parent
     * is not rolled up alongside it (the top of an annex workbook).
     */
    public static boolean lateAddition(Instant parentConsolidatedAt, Instant submittedAt) {
        return parentConsolidatedAt != null && submittedAt != null && submittedAt.isAfter(parentConsolidatedAt);
    }

    /** The figures of each subordinate that counts (has submitted), in the order given. */
    public Map<String, Map<String, Long>> contributions() {
        return contributions;
    }

    /** Whether the subordinate counts as a late addition. */
    public boolean lateAddition(String unitCode) {
        return lateAdditionUnits.contains(unitCode);
    }

    /** How many subordinates have submitted. */
    public int reported() {
        return contributions.size();
    }

    /** The sum of each figure over the subordinates that have submitted, late additions included. */
    public Map<String, Long> totals() {
        return totals;
    }

    /** The part of each of {@link #totals} that late additions contributed: not in the parent's own figures. */
    public Map<String, Long> lateAdditions() {
        return lateAdditions;
    }

    /** Own figure minus the subordinates' sum, for each figure the parent gave where the two are not equal. */
    public Map<String, Long> differences() {
        return differences;
    }
}
