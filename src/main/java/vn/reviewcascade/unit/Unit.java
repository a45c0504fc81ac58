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

    /** A unit a reorganisation makes: each role held by a group of its own, its documents dated from its parent's place. */
    public static Unit withOwnGroups(String code, String name, String level, String parentCode, String symbol) {
        UnitGroup drafters = UnitRole.DRAFTER.defaultGroup(code, name);
        return new Unit(code, name, level, parentCode, symbol, null, drafters, UnitRole.REVIEWER.defaultGroup(code, name),
                UnitRole.SIGNER.defaultGroup(code, name), drafters, UnitRole.CLERK.defaultGroup(code, name));
    }

    public boolean isRoot() {
        return parentCode == null;
    }

    /**
     * The unit as a reorganisation leaves it (renamed, moved): the groups of its own take its new name; a group the
     * tree file named for a role (a board, another unit's) stays as it is.
     */
    public Unit reorganised(String newName, String newParentCode, String newSymbol) {
        return new Unit(code, newName, level, newParentCode, newSymbol, place, renamed(drafters, UnitRole.DRAFTER, newName),
                renamed(reviewers, UnitRole.REVIEWER, newName), renamed(signers, UnitRole.SIGNER, newName),
                renamed(guidanceDrafters, UnitRole.GUIDANCE_DRAFTER, newName), renamed(clerks, UnitRole.CLERK, newName));
    }

    private UnitGroup renamed(UnitGroup group, UnitRole role, String newName) {
        return group.equals(role.defaultGroup(code, name)) ? role.defaultGroup(code, newName) : group;
    }
}
