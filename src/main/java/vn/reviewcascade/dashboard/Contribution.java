package vn.reviewcascade.dashboard;

import java.util.Map;

/**
 * The figures one submitted subordinate contributes to its parent's roll-up.
 *
 * @param lateAddition submitted after the parent consolidated: its figures are not in the parent's report
 */
public record Contribution(String unitCode, String unitName, Map<String, Long> figures, boolean lateAddition) {

    public Contribution {
        figures = Map.copyOf(figures);
    }
}
