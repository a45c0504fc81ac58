package vn.reviewcascade.unit;

/**
 * One Party organisation of the tree.
 *
 * @param level  the key of its level in the tree ({@code COMMUNE})
 * @param symbol the issuer symbol of its documents in the 36-HD style (TU, HU, ĐU, CB…)
 * @param place  where its documents are dated from ("Vĩnh Linh"), or null to take its parent's
 * @param clerks the unit's văn thư, who files its documents
 * @param guidanceDrafters who drafts the unit's guidance for its subordinates (the province's is advised by
 *                         Ban Tổ chức while its report is drafted by Ban Dân vận)
 */
public record Unit(String code, String name, String level, String parentCode, String symbol, String place,
                   UnitGroup drafters, UnitGroup reviewers, UnitGroup signers, UnitGroup guidanceDrafters,
                   UnitGroup clerks) {

    public boolean isRoot() {
        return parentCode == null;
    }
}
