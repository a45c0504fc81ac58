package vn.reviewcascade.unit;

import java.util.Locale;
import java.util.Optional;

/** What a person does for a unit; each role of each unit is a Camunda group. */
public enum UnitRole {
    DRAFTER("chuyên viên dự thảo"),
    REVIEWER("người thẩm định"),
    SIGNER("lãnh đạo ký duyệt"),
    GUIDANCE_DRAFTER("người dự thảo hướng dẫn"),
    CLERK("văn thư");

    private final String label;

    UnitRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
