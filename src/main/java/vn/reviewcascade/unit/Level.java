package vn.reviewcascade.unit;

/** The three tiers of the cascade, top to bottom. */
public enum Level {
    PROVINCE("cấp tỉnh"),
    DISTRICT("cấp huyện"),
    BASE("cấp cơ sở");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level directly below this one, or null for base units. */
    public Level below() {
        return this == BASE ? null : values()[ordinal() + 1];
    }
}
