package vn.reviewcascade.unit;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person does for a unit; each role of each unit is a Camunda group. A unit that names no group for a
 * role in the tree file gets its own, {@code <code>.<suffix>} ("VL-HOXA.drafters"), built here and nowhere else.
 */
public enum UnitRole {
    DRAFTER("drafters", "Chuyên viên dự thảo", "chuyên viên dự thảo"),
    REVIEWER("reviewers", "Người thẩm định", "người thẩm định"),
    SIGNER("signers", "Lãnh đạo ký duyệt", "lãnh đạo ký duyệt"),
    // Guidance is drafted by the unit's drafters unless the tree names an advising board (Ban Tổ chức); their own
    // group is the drafters' group, so it is named as theirs.
    GUIDANCE_DRAFTER("drafters", "Chuyên viên dự thảo", "người dự thảo hướng dẫn"),
    CLERK("clerks", "Văn thư", "văn thư");

    private final String groupSuffix;
    private final String groupLabel;
    private final String label;

    UnitRole(String groupSuffix, String groupLabel, String label) {
        this.groupSuffix = groupSuffix;
        this.groupLabel = groupLabel;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The unit's own group for this role: {@code VL-HOXA.drafters}, named by role and unit as people say it
     * ("Chuyên viên dự thảo – Đảng ủy thị trấn Hồ Xá"), the name Tasklist, Admin, the dashboard and mails show.
     */
    public UnitGroup defaultGroup(String unitCode, String unitName) {
        return new UnitGroup(unitCode + "." + groupSuffix, groupLabel + " – " + unitName);
    }

    public UnitGroup groupOf(Unit unit) {
        return switch (this) {
            case DRAFTER -> unit.drafters();
            case REVIEWER -> unit.reviewers();
            case SIGNER -> unit.signers();
            case GUIDANCE_DRAFTER -> unit.guidanceDrafters();
            case CLERK -> unit.clerks();
        };
    }

    /** Parses a role as written in import files: the enum name, case-insensitive. */
    public static Optional<UnitRole> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
