package vn.reviewcascade.unit;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person does for a unit; each role of each unit is a Camunda group. A unit that names no group for a
 * role in the tree file gets its own, {@code <code>.<suffix>} ("VL-HOXA.drafters"), built here and nowhere else.
 */
public enum UnitRole {
    DRAFTER("drafters", "Dự thảo", "chuyên viên dự thảo"),
    REVIEWER("reviewers", "Thẩm định", "người thẩm định"),
    SIGNER("signers", "Ký duyệt", "lãnh đạo ký duyệt"),
    // Guidance is drafted by the unit's drafters unless the tree names an advising board (Ban Tổ chức).
    GUIDANCE_DRAFTER("drafters", "Dự thảo", "người dự thảo hướng dẫn"),
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

    /** The unit's own group for this role: {@code VL-HOXA.drafters}, "Dự thảo – Đảng ủy thị trấn Hồ Xá". */
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
