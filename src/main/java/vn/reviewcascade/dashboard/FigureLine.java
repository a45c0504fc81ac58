package vn.reviewcascade.dashboard;

/**
 * One figure of the plan's annex at a unit.
 *
 * @param own          what the unit's own report says, or null before it has the figure
 * @param subordinates the sum over the units directly under it that have submitted ({@code Rollup#totals})
 * @param difference   own minus subordinates where they are not equal, else null ({@code Rollup#differences}): what
 *                     the unit added or left out when consolidating
 * @param lateAddition the part of {@code subordinates} submitted after the unit consolidated, so not in its report
 */
public record FigureLine(String key, String label, String unit, String group, Long own, long subordinates,
                         Long difference, long lateAddition) {
}
