package vn.reviewcascade.campaign;

import java.util.List;
import java.util.Map;

/**
 * A request to start a campaign.
 *
 * @param plan        the number of a registered plan, e.g. {@code 117-KH/TU}
 * @param planVersion optional; the latest version of the plan by default
 * @param title       optional; the plan's title by default
 * @param rootUnit    the unit the campaign covers, with the units below it that the plan reaches
 * @param year        the year the plan's days are placed in
 * @param deadlines   optional overrides per level and kind: {@code {"BASE": {"report": "2031-09-25"}}}, a date
 *                    (the end of that day in Vietnam) or a date-time with offset
 * @param reminders   optional, per level: how long before each deadline to remind, as ISO-8601 durations
 *                    ({@code ["P7D", "P1D"]}); the plan's by default
 */
public record StartCampaign(String plan, Integer planVersion, String title, String rootUnit, Integer year,
                            Map<String, Map<String, String>> deadlines, Map<String, List<String>> reminders) {

    /** The latest version of the plan with its own deadlines and reminders. */
    public static StartCampaign of(String plan, String title, String rootUnit, int year) {
        return new StartCampaign(plan, null, title, rootUnit, year, null, null);
    }
}
