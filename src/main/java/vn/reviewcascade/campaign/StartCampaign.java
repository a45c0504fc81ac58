package vn.reviewcascade.campaign;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;

import vn.reviewcascade.Limits;
import vn.reviewcascade.PlainText;

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
public record StartCampaign(
        @NotBlank(message = "Thiếu số hiệu kế hoạch (plan)") String plan,
        Integer planVersion,
        // One to MAX_CAMPAIGN_TITLE characters once the spaces around it are cut.
        @Pattern(regexp = "(?s)\\s*\\S(.{0," + (Limits.MAX_CAMPAIGN_TITLE - 2) + "}\\S)?\\s*",
                message = "Tên đợt phải có từ 1 đến " + Limits.MAX_CAMPAIGN_TITLE + " ký tự")
        @PlainText.Clean(message = "Tên đợt") String title,
        @NotBlank(message = "Thiếu mã đơn vị chủ trì đợt (rootUnit)") String rootUnit,
        @NotNull(message = "Thiếu năm thực hiện (year): các hạn của kế hoạch được đặt vào năm này")
        @Range(min = Limits.FIRST_YEAR, max = Limits.LAST_YEAR, message = "Năm ${validatedValue} không hợp lệ ({min}–{max})")
        Integer year,
        Map<String, Map<String, String>> deadlines,
        Map<String, List<String>> reminders) {

    /** The latest version of the plan with its own deadlines and reminders. */
    public static StartCampaign of(String plan, String title, String rootUnit, int year) {
        return new StartCampaign(plan, null, title, rootUnit, year, null, null);
    }
}
