package vn.reviewcascade.dashboard;

import java.time.Instant;

/** The reporting rates of one level of the plan within the scope, with that level's report deadline. */
public record LevelRates(String level, String levelName, Instant reportDue, Rates rates) {
}
