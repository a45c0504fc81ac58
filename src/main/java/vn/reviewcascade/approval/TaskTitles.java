package vn.reviewcascade.approval;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.DeadlineFormat;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.report.ReviewCommentRepository;
import vn.reviewcascade.report.UnitReport;

/**
 * Names each task for the person who sees it in Tasklist: the step, the document, the unit and the campaign
 * ("Dự thảo báo cáo sơ kết – Huyện ủy Vĩnh Linh (đợt 3)": a unit in two campaigns has two tasks told apart), with the
 * campaign's title, the plan and the deadline in its description, and, for a draft that came back, who returned it,
 * (by name), when and why. The BPMN keeps short element names so the diagram stays readable.
 *
 * <p>What needs attention first is marked at the head of the name, where Tasklist's list shows it, and raised in
 * priority, by which the list sorts: a draft that came back ({@value #RETURNED}) and any task of a unit whose report
 * is overdue ({@value #OVERDUE}). Both stay true for the task's life: a return creates a new draft task, and an
 * overdue unit stays overdue until its report is submitted, which ends its tasks; tasks open when the deadline
 * passes are marked then ({@link OverdueTaskMarks}).
 */
@Component("taskTitles")
public class TaskTitles {

    private static final int QUOTED = 300;
    /** The marks at the head of a task's name, as Tasklist's list shows them. */
    public static final String OVERDUE = "[Quá hạn] ";
    public static final String RETURNED = "[Bị trả lại] ";
    /** The engine's default priority, and the raised ones: overdue above returned above the rest. */
    static final int NORMAL_PRIORITY = 50;
    static final int RETURNED_PRIORITY = 70;
    static final int OVERDUE_PRIORITY = 90;

    private final ReportService reports;
    private final CampaignService campaigns;
    private final ReviewCommentRepository comments;

    public TaskTitles(ReportService reports, CampaignService campaigns, ReviewCommentRepository comments) {
        this.reports = reports;
        this.campaigns = campaigns;
        this.comments = comments;
    }

    public void apply(DelegateTask task) {
        ReviewKey key = ReviewKey.of(task);
        ApprovalStep step = ApprovalStep.ofTask(task.getTaskDefinitionKey()).orElseThrow();
        UnitReport unit = reports.unit(key.campaignId(), key.unitCode());
        Campaign campaign = campaigns.find(key.campaignId());
        String document = key.kind().title(campaign.plan());
        String returned = returned(key, step);
        task.setName((unit.overdue() ? OVERDUE : "") + (returned.isEmpty() ? "" : RETURNED) + step.verb() + " " + document
                + " – " + unit.unitName() + " (đợt " + campaign.id() + ")");
        task.setPriority(unit.overdue() ? OVERDUE_PRIORITY : returned.isEmpty() ? NORMAL_PRIORITY : RETURNED_PRIORITY);
        task.setDescription(returned + "Đợt " + campaign.plan().kind() + " số " + campaign.id() + " ("
                + campaign.title() + "), Kế hoạch " + campaign.planNumber() + ": " + step.verb().toLowerCase() + " "
                + document + " của " + unit.unitName() + ". Hạn: " + DeadlineFormat.label(task.getDueDate().toInstant()) + ".");
    }

    /** "Bị trả lại để sửa: …" when the draft comes back, with the last decision on it; empty otherwise. */
    private String returned(ReviewKey key, ApprovalStep step) {
        if (step != ApprovalStep.DRAFT) {
            return "";
        }
        List<ReviewComment> decisions = comments.findAll(key.campaignId(), key.unitCode()).stream()
                .filter(comment -> comment.documentKind() == key.kind()).toList();
        if (decisions.isEmpty() || decisions.get(decisions.size() - 1).decision() != ReviewComment.Decision.RETURNED) {
            return "";
        }
        ReviewComment last = decisions.get(decisions.size() - 1);
        String comment = last.comment() == null ? "" : last.comment().length() > QUOTED
                ? last.comment().substring(0, QUOTED) + "…" : last.comment();
        return "Bị trả lại để sửa ở bước " + last.step().verb().toLowerCase() + " (" + (last.authorName() == null
                ? "không rõ người" : last.authorName()) + ", " + DeadlineFormat.label(last.createdAt()) + "): “" + comment + "”. ";
    }
}
