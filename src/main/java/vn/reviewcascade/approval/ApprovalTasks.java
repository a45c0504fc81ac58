package vn.reviewcascade.approval;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReviewComment.Decision;
import vn.reviewcascade.report.ReviewDecisions;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

/**
 * What {@code documentApproval.bpmn} asks of each of its steps — who works the task, by when, whether the draft
 * is reviewed, whether a task may be completed, whether the reviewer or signer approved — decided from the approval's
 * business key and the application's tables. No process variable takes part: a task's user can write variables, so
 * none may name a group, a deadline, a kind of document or a decision.
 */
@Component("approvals")
public class ApprovalTasks {

    /** The approval process every document of every unit runs. */
    public static final String PROCESS_KEY = "documentApproval";

    private final UnitTree tree;
    private final ReportService reports;
    private final CampaignService campaigns;
    private final ApprovalCompletions completions;
    private final ReviewDecisions decisions;

    public ApprovalTasks(UnitTree tree, ReportService reports, CampaignService campaigns, ApprovalCompletions completions,
                         ReviewDecisions decisions) {
        this.tree = tree;
        this.reports = reports;
        this.campaigns = campaigns;
        this.completions = completions;
        this.decisions = decisions;
    }

    /** The candidate group of a step (DRAFT, REVIEW, SIGN), as the unit tree names it now. */
    public String candidateGroup(DelegateExecution execution, String step) {
        return candidateGroup(ReviewKey.of(execution), ApprovalStep.valueOf(step));
    }

    /** The candidate group of the step of the approval with this key (the reminders find a task's holders by it). */
    public String candidateGroup(ReviewKey key, ApprovalStep step) {
        UnitRole role = switch (step) {
            case DRAFT -> key.kind() == DocumentKind.GUIDANCE ? UnitRole.GUIDANCE_DRAFTER : UnitRole.DRAFTER;
            case REVIEW -> UnitRole.REVIEWER;
            case SIGN -> UnitRole.SIGNER;
        };
        return tree.groupId(key.unitCode(), role);
    }

    /** When the document is due: the guidance or report deadline of the unit's level in the campaign. */
    public Date due(DelegateExecution execution) {
        return Date.from(dueOf(ReviewKey.of(execution)));
    }

    public Instant dueOf(ReviewKey key) {
        UnitReport unit = reports.unit(key.campaignId(), key.unitCode());
        return key.kind() == DocumentKind.GUIDANCE ? campaigns.find(key.campaignId()).deadlines().guidanceDue(unit.level())
                : unit.reportDue();
    }

    public boolean needsReview(DelegateExecution execution) {
        return ReviewKey.of(execution).kind().reviewed();
    }

    /**
     * The {@code complete} listener of every user task: refuses a completion whose draft is not complete as saved,
     * or whose decision was not recorded on this task — one made through the engine's own API, say, bypassing the
     * application. Refusing rolls the completion back.
     */
    public void checkCompletion(DelegateTask task) {
        ApprovalStep step = ApprovalStep.ofTask(task.getTaskDefinitionKey()).orElseThrow(() ->
                new IllegalStateException(task.getTaskDefinitionKey() + " is not a step of an approval"));
        completions.requireRecorded(ReviewKey.of(task), step, task.getId());
    }

    /**
     * Whether the reviewer or signer approved, for the gateway after their task (REVIEW or SIGN): the decision
     * recorded last at that step, which is the one recorded on the task just completed (see {@link #checkCompletion}).
     */
    public boolean approved(DelegateExecution execution, String step) {
        ReviewKey key = ReviewKey.of(execution);
        Decision decision = decisions.latest(key.campaignId(), key.unitCode(), key.kind(), ApprovalStep.valueOf(step))
                .orElseThrow(() -> new IllegalStateException("No decision recorded at " + step + " of " + key));
        return decision == Decision.APPROVED;
    }
}
