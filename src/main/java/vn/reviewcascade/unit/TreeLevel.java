package vn.reviewcascade.unit;

/**
 * A level of a unit tree, as its file names it: {@code COMMUNE} = "Đảng ủy cấp xã". Trees name their own levels,
 * two to five of them; plans reach the levels they name by the same keys.
 */
public record TreeLevel(String key, String name) {

    /** How a level's key is written, in a tree and in a plan alike: capitals without diacritics, digits, '_'. */
    public static final String KEY_PATTERN = "[A-Z][A-Z0-9_]{0,15}";
}
