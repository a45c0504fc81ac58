package vn.reviewcascade.dashboard;

import java.time.Instant;

import vn.reviewcascade.report.UnitStatus;

/**
 * A unit as the dashboard shows it.
 *
 * @param daysLeft      whole days in Vietnam from today to its report deadline, negative when past; null once
 *                      submitted
 * @param deadlineWords in words: "còn 3 ngày", "hạn hôm nay, còn 5 giờ", "quá hạn 2 ngày 3 giờ", "nộp đúng hạn",
 *                      "nộp muộn 1 ngày"
 * @param subordinates  how many units report to it in the campaign
 * @param subordinateRates where those stand (null for a unit without any)
 * @param openTask      the task its guidance or report waits on, or null
 */
public record UnitNode(String unitCode, String unitName, String level, String levelName, String parentCode,
                       UnitStatus status, String statusLabel, Instant reportDue, Integer daysLeft, String deadlineWords,
                       boolean overdue, Instant submittedAt, boolean submittedLate, String documentNumber,
                       long subordinates, Rates subordinateRates, OpenTask openTask) {
}
