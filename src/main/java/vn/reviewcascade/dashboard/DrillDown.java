package vn.reviewcascade.dashboard;

import java.util.List;

/**
 * A unit opened on the dashboard: the unit, the way down to it from the top the user may see, the units it continues
 * after a merge in the campaign (each with what it reported), a page of the units directly under it, its annex figures
 * rolled up with the contribution of each subordinate on the page.
 */
public record DrillDown(long campaignId, UnitNode node, List<PathStep> path, List<UnitNode> predecessors,
                        Page<UnitNode> children,
                        List<FigureLine> figures, List<Contribution> contributions) {

    /** A unit above the opened one, for the breadcrumb. */
    public record PathStep(String unitCode, String unitName) {
    }
}
