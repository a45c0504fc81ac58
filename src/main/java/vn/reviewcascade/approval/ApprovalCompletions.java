package vn.reviewcascade.approval;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.GuidanceService;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReportValidator;
import vn.reviewcascade.report.ReviewDecisions;

/**
 * When a task of a document's approval may be completed: what it completes must already be in the application's
 * tables — a draft saved whole, a decision recorded on this very task — since the task is completed without
 * variables and the gateways after it read those tables. The task's {@code complete} listener asks this in the
 * engine's transaction, so no completion slips through, by whatever route; this application's API and the check of
 * completions sent to {@code /engine-rest} ask it first, to answer a refusal with a 400 in Vietnamese (the engine
 * turns whatever a task listener throws into a server error).
 */
@Component
public class ApprovalCompletions {

    private final CampaignService campaigns;
    private final ReportService reports;
    private final GuidanceService guidance;
    private final ReviewDecisions decisions;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final AuthorizationService authorizationService;
    private final IdentityService identityService;
    private final ProcessEngine engine;
    private final SystemContext system;

    public ApprovalCompletions(CampaignService campaigns, ReportService reports, GuidanceService guidance,
                               ReviewDecisions decisions, ProcessEngine engine, SystemContext system) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.guidance = guidance;
        this.decisions = decisions;
        this.engine = engine;
        this.runtimeService = engine.getRuntimeService();
        this.repositoryService = engine.getRepositoryService();
        this.authorizationService = engine.getAuthorizationService();
        this.identityService = engine.getIdentityService();
        this.system = system;
    }

    /**
     * Refuses to complete the task of this step unless what it completes is recorded: a draft must be complete as
     * saved (the check of {@link ReportService#completeDraft} with nothing more given), a review or a sign-off must
     * have its decision recorded on this task.
     *
     * @throws CompletionRefused naming what is missing
     */
    public void requireRecorded(ReviewKey key, ApprovalStep step, String taskId) {
        try {
            switch (step) {
                case DRAFT -> {
                    if (key.kind() == DocumentKind.GUIDANCE) {
                        guidance.completeDraft(key.campaignId(), key.unitCode(), null, null);
                    } else {
                        Plan plan = campaigns.find(key.campaignId()).plan();
                        reports.completeDraft(plan, key.campaignId(), key.unitCode(), ReportValidator.parse(plan, Map.of(),
                                Map.of()), null);
                    }
                }
                case REVIEW, SIGN -> {
                    if (decisions.decisionOn(taskId).isEmpty()) {
                        throw new CompletionRefused(List.of(new FieldError(ReviewDecisions.APPROVED, "Chưa có ý kiến "
                                + step.verb().toLowerCase() + " cho việc này: hãy chọn Đồng ý hoặc Trả lại để sửa trong biểu mẫu"
                                + " của hệ thống (Danh sách việc), hoặc gửi POST /api/tasks/" + taskId + "/complete")));
                    }
                }
            }
        } catch (vn.reviewcascade.InvalidInputException e) {
            throw e instanceof CompletionRefused refused ? refused : new CompletionRefused(e.errors());
        }
    }

    /**
     * The check of {@link #requireRecorded} for a task found by its id, as a completion sent to the engine's REST API
     * names it; a task outside the approvals has nothing to check.
     */
    public void requireRecorded(Task task) {
        Optional<ApprovalStep> step = ApprovalStep.ofTask(task.getTaskDefinitionKey());
        if (task.getProcessInstanceId() == null || step.isEmpty()) {
            return;
        }
        String businessKey = system.call(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
        requireRecorded(ReviewKey.parse(businessKey), step.get(), task.getId());
    }

    /**
     * Whether the task is in one of the current user's engine tenants, or in none (a root unit's, a task without a
     * process): the engine's tenant check, which refuses any other with a server error rather than a 403.
     */
    public boolean withinTenants(Task task) {
        var authentication = identityService.getCurrentAuthentication();
        if (task.getTenantId() == null || authentication == null || authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
            return true;
        }
        return authentication.getTenantIds() != null && authentication.getTenantIds().contains(task.getTenantId());
    }

    /**
     * Whether the engine lets the current user complete the task: the rule of its own check (its tenant among the
     * user's; TASK_WORK or UPDATE on the task, TASK_WORK or UPDATE_TASK on its process definition; administrators
     * always), read through the public
     * authorization API. It decides whether a refusal of the input or the engine's 403 answers a user, so a user who
     * may not work a task learns nothing about what it lacks, as before any input was checked.
     */
    public boolean mayWork(Task task) {
        var authentication = identityService.getCurrentAuthentication();
        if (!engine.getProcessEngineConfiguration().isAuthorizationEnabled() || authentication == null) {
            return true;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        if (groups.contains(Groups.CAMUNDA_ADMIN)) {
            return true;
        }
        if (!withinTenants(task)) {
            return false;
        }
        String user = authentication.getUserId();
        return system.call(() -> {
            if (authorizationService.isUserAuthorized(user, groups, TaskPermissions.TASK_WORK, Resources.TASK, task.getId())
                    || authorizationService.isUserAuthorized(user, groups, TaskPermissions.UPDATE, Resources.TASK, task.getId())) {
                return true;
            }
            if (task.getProcessDefinitionId() == null) {
                return false;
            }
            String definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
            return authorizationService.isUserAuthorized(user, groups, ProcessDefinitionPermissions.TASK_WORK,
                    Resources.PROCESS_DEFINITION, definition)
                    || authorizationService.isUserAuthorized(user, groups, ProcessDefinitionPermissions.UPDATE_TASK,
                    Resources.PROCESS_DEFINITION, definition);
        });
    }
}
