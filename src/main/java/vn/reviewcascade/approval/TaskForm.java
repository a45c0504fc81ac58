package vn.reviewcascade.approval;

import java.time.Instant;
import java.util.List;

import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.GuidanceService.GuidanceView;
import vn.reviewcascade.report.ReportStructure;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.ReviewComment;

/**
 * Everything a task's form shows, read from the application when the form opens, never from process variables.
 *
 * @param assignee         the user id of who has claimed the task, or null
 * @param assigneeName     who has claimed it, as people read it ("Nguyễn Thị Hoa")
 * @param canWork          whether the current user may complete the task (a parent unit's reviewer may only read it)
 * @param report           the report as stored, with its version; null for guidance
 * @param guidance         the guidance as stored, with its version; null for a report
 * @param receivedGuidance the guidance the unit received from the unit above, once issued; shown with its report
 * @param history          the decisions and comments on this document so far, newest first, each with its
 *                         author's id and name
 * @param timeZone         the zone the form shows every time in: Vietnam's
 */
record TaskForm(String taskId, String taskName, ApprovalStep step, String stepLabel, Instant due, String assignee,
                       String assigneeName, boolean canWork, long campaignId, String campaignTitle, String planNumber, String unitCode,
                       String unitName, DocumentKind documentKind, String documentTitle, ReportStructure structure,
                       ReportView report, GuidanceView guidance, GuidanceView receivedGuidance,
                       List<ReviewComment> history, String timeZone) {
}
