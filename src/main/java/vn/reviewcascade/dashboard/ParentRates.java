package vn.reviewcascade.dashboard;

/** The reporting rates of the units directly under one unit: what that unit waits for. */
public record ParentRates(String unitCode, String unitName, String level, String levelName, Rates rates) {
}
