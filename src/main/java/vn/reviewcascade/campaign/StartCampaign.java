package vn.reviewcascade.campaign;

import java.util.List;
import java.util.Map;

/**
 * A request to start a campaign.
 *
 * @param plan      the plan number of a template, e.g. {@code 117-KH/TU}
 * @param title     optional; the template's title by default
 * @param rootUnit  the unit the campaign covers with everything below it
 * @param year      optional; the template's days are placed in this year (the plan's own year by default)
 * @param deadlines optional overrides by name (guidance, base, district, submission, province): a date
 *                  {@code 2019-09-30} or a date-time with offset
 * @param reminders optional, by level (PROVINCE, DISTRICT, BASE): how long before each deadline to remind,
 *                  as ISO-8601 durations ({@code ["P7D", "P1D"]}); the template's by default
 */
public record StartCampaign(String plan, String title, String rootUnit, Integer year, Map<String, String> deadlines,
                            Map<String, List<String>> reminders) {

    public StartCampaign(String plan, String title, String rootUnit, Integer year, Map<String, String> deadlines) {
        this(plan, title, rootUnit, year, deadlines, null);
    }
}
