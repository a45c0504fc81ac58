package vn.reviewcascade.report;

import java.time.Instant;
import java.util.Map;

/**
 * A unit's line in an annex that rolls figures up a subtree: where it stands and the figures it submitted.
 *
 * @param figures                what its submitted report gives; empty until it is submitted, since a draft is not a
 *                               report and the parent's sums count submitted reports only
 * @param parentConsolidatedAt   when the unit's parent started consolidating, or null: whether the top of a subtree is
 *                               a late addition, its parent not being rolled up with it
 * @param hasSubordinates        whether units below it take part in the campaign
 */
public record UnitFigures(String unitCode, String unitName, String level, UnitStatus status, Instant submittedAt,
                          Instant consolidatedAt, Instant parentConsolidatedAt, boolean hasSubordinates,
                          Map<String, Long> figures) {

    public UnitFigures {
        figures = Map.copyOf(figures);
    }

    public UnitFigures withFigures(Map<String, Long> figures) {
        return new UnitFigures(unitCode, unitName, level, status, submittedAt, consolidatedAt, parentConsolidatedAt,
                hasSubordinates, figures);
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    /** What the unit gives its parent's {@link Rollup}. */
    public Rollup.Subordinate asSubordinate() {
        return new Rollup.Subordinate(unitCode, submittedAt, figures);
    }
}
