package vn.reviewcascade.approval;

import java.time.Instant;
import java.time.LocalDate;
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
 * @param claim            whether the form claims the task for the user as it opens, or what it tells them to do
 * @param report           the report as stored, with its version; null for guidance
 * @param guidance         the guidance as stored, with its version; null for a report
 * @param receivedGuidance the guidance the unit received from the unit above, once issued
 * @param guidanceChain    the guidance issued by every level above the unit in the campaign, nearest first; shown
 *                         above the form with the plan
 * @param plan             the plan the campaign runs, which every level's guidance and report answers
 * @param history          the decisions and comments on this document so far, newest first, each with its
 *                         author's id and name
 * @param timeZone         the zone the form shows every time in: Vietnam's
 */
record TaskForm(String taskId, String taskName, ApprovalStep step, String stepLabel, Instant due, String assignee,
                String assigneeName, boolean canWork, Claim claim, long campaignId, String campaignTitle, String planNumber, String unitCode,
                String unitName, DocumentKind documentKind, String documentTitle, ReportStructure structure,
                ReportView report, GuidanceView guidance, GuidanceView receivedGuidance, List<GuidanceView> guidanceChain,
                PlanInfo plan, List<ReviewComment> history, String timeZone) {

    /**
     * Who works the task, as the form explains it. Tasklist greys the form until the task is claimed; a task with one
     * possible worker is claimed as that worker opens it ({@code onOpen}), any other gets a sentence saying why the
     * form is greyed and what to do.
     *
     * @param onOpen       the current user is the only one who may work the unclaimed task: the form claims it
     * @param assigneeName who holds the task, by name, when someone does
     * @param notice       what the user reads while the form is greyed; null when the task is theirs
     */
    record Claim(boolean onOpen, String assigneeName, String notice) {
    }

    /**
     * The plan, as the top of every draft names it.
     *
     * @param fileUrl the registered plan file ({@code GET /api/plans/file}), which every signed-in user may read
     */
    record PlanInfo(String number, int version, String title, String kind, String issuer, LocalDate issuedOn,
                    String fileUrl) {
    }
}
