package vn.reviewcascade.approval;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.Vietnam;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.ContentVersion;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.GuidanceService;
import vn.reviewcascade.report.GuidanceService.GuidanceFields;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReportStructure;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.report.UnitReport;

/**
 * A user's work on a task of a document's approval, as the task forms in Tasklist and API clients do it: read
 * what the form shows, and complete the task with what the user entered. Completing goes through the engine as
 * the user (who must be allowed to work the task), with the input handed over as transient variables, so the
 * same guard and delegates check and store it as for a completion through the engine's own REST API.
 */
@Service
class TaskWork {

    private static final int COMPLETION_ATTEMPTS = 3;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final SystemContext system;
    private final ReportService reports;
    private final CampaignService campaigns;
    private final GuidanceService guidance;
    private final TransactionTemplate transaction;

    TaskWork(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
                    SystemContext system, ReportService reports, CampaignService campaigns, GuidanceService guidance,
                    PlatformTransactionManager transactionManager) {
        this.guidance = guidance;
        this.transaction = new TransactionTemplate(transactionManager);
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.system = system;
        this.reports = reports;
        this.campaigns = campaigns;
    }

    /** A task the current user may see, with the review it belongs to. */
    record OpenTask(Task task, ReviewKey key, ApprovalStep step) {
    }

    OpenTask find(String taskId) {
        // The engine's authorization decides what the user may see: a task of another unit is simply not found.
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            throw new NotFoundException("Không có việc '" + taskId + "', hoặc bạn không được xem việc này");
        }
        ApprovalStep step = ApprovalStep.ofTask(task.getTaskDefinitionKey()).orElseThrow(() ->
                new NotFoundException("Việc '" + taskId + "' không phải một bước dự thảo, thẩm định hay ký duyệt văn bản"));
        String businessKey = system.call(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
        return new OpenTask(task, ReviewKey.parse(businessKey), step);
    }

    @Transactional(readOnly = true)
    TaskForm form(String taskId) {
        OpenTask open = find(taskId);
        ReviewKey key = open.key();
        Campaign campaign = campaigns.find(key.campaignId());
        UnitReport unit = reports.unit(key.campaignId(), key.unitCode());
        boolean report = key.kind() == DocumentKind.REPORT;
        ReportView view = reports.view(key.campaignId(), key.unitCode());
        List<ReviewComment> history = view.comments().stream().filter(c -> c.documentKind() == key.kind())
                .sorted(Comparator.comparing(ReviewComment::createdAt).reversed()).toList();
        Task task = open.task();
        return new TaskForm(task.getId(), task.getName(), open.step(), open.step().verb(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(), canWork(task),
                campaign.id(), campaign.title(), campaign.planNumber(), unit.unitCode(), unit.unitName(), key.kind(),
                key.kind().title(campaign.plan()), report ? ReportStructure.of(campaign.plan()) : null, report ? view : null,
                report ? null : guidance.view(key.campaignId(), key.unitCode()),
                report ? guidance.received(key.campaignId(), key.unitCode()).orElse(null) : null, history,
                Vietnam.ZONE.getId());
    }

    /**
     * Completes the task with the user's input: for a report's draft {@code {"version", "sections", "figures"}},
     * for review and sign-off {@code {"approved", "comment"}}. A task someone else has claimed is theirs to finish.
     * A completion that meets a job of the same process (a reminder falling due that very moment) is tried again,
     * in a new transaction, rather than turned into an error for the user.
     */
    void complete(String taskId, TaskCompletion body) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> completeOnce(taskId, body));
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == COMPLETION_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void completeOnce(String taskId, TaskCompletion body) {
        OpenTask open = find(taskId);
        String user = currentUser();
        if (open.task().getAssignee() != null && !open.task().getAssignee().equals(user)) {
            throw new TaskTakenException("Việc này đang do " + open.task().getAssignee() + " xử lý; chỉ người đó hoàn thành"
                    + " được, hoặc người đó phải trả lại việc trước.");
        }
        taskService.complete(taskId, inputs(open, body));
    }

    /** Whether the current user holds the task or one of its candidate groups. */
    private boolean canWork(Task task) {
        String user = currentUser();
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user);
        }
        var authentication = identityService.getCurrentAuthentication();
        List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
                : authentication.getGroupIds();
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        && (user != null && user.equals(link.getUserId()) || groups.contains(link.getGroupId())));
    }

    private String currentUser() {
        var authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /**
     * The input as transient variables, refusing the fields the task's step does not take. A report's draft takes
     * {@code version}, {@code sections}, {@code figures}; guidance's {@code version} and {@code text}; review and
     * sign-off {@code approved} and {@code comment}.
     */
    private static VariableMap inputs(OpenTask open, TaskCompletion input) {
        boolean draft = open.step() == ApprovalStep.DRAFT;
        boolean guidanceDraft = draft && open.key().kind() == DocumentKind.GUIDANCE;
        List<String> accepted = guidanceDraft ? List.of("text", "version")
                : draft ? List.of("figures", "sections", "version") : List.of(TaskInputs.APPROVED, TaskInputs.COMMENT);
        List<FieldError> errors = input.given().keySet().stream().filter(name -> !accepted.contains(name))
                .map(name -> new FieldError(name, "Không có trường '" + name + "'; việc này nhận: " + String.join(", ", accepted)))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        VariableMap variables = Variables.createVariables();
        Integer version = ContentVersion.number(input.version());
        if (guidanceDraft) {
            put(variables, GuidanceFields.TEXT, input.text());
            put(variables, GuidanceFields.VERSION, version);
        } else if (draft) {
            // Here a null is given: it clears the section or figure.
            Stream.of(input.sections(), input.figures()).filter(Objects::nonNull).forEach(values -> values.forEach(
                    (key, value) -> variables.putValueTyped(key, Variables.untypedValue(value, true))));
            put(variables, TaskInputs.REPORT_VERSION, version);
        } else {
            put(variables, TaskInputs.APPROVED, input.approved());
            put(variables, TaskInputs.COMMENT, input.comment());
        }
        return variables;
    }

    /** A transient variable for a value given; one not given is left out, as the engine's REST API would. */
    private static void put(VariableMap variables, String name, Object value) {
        if (value != null) {
            variables.putValueTyped(name, Variables.untypedValue(value, true));
        }
    }
}
