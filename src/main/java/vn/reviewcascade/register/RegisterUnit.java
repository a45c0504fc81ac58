package vn.reviewcascade.register;

/** A unit whose registers the user may open, with the unit above it to tell namesakes apart. */
public record RegisterUnit(String unitCode, String unitName, String parentName) {
}
