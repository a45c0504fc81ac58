package vn.reviewcascade.approval;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.Vietnam;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.people.People;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.ContentVersion;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.GuidanceService;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReportStructure;
import vn.reviewcascade.report.ReportValidator;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.report.ReviewDecisions;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.security.AccessDeniedException;

/**
 * A user's work on a task of a document's approval, as the task forms in Tasklist and API clients do it: read
 * what the form shows, and complete the task with what the user entered. Completing saves the input through the
 * application's services — the draft into the report's or guidance's tables, a decision into the comment history —
 * then completes the task as the user (who must be allowed to work it) without any variable, all in one
 * transaction: the gateways read what was saved, and the task's {@code complete} listener checks it is there.
 */
@Service
public class TaskWork {

    private static final int COMPLETION_ATTEMPTS = 3;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final SystemContext system;
    private final ReportService reports;
    private final CampaignService campaigns;
    private final GuidanceService guidance;
    private final ReviewDecisions decisions;
    private final ApprovalCompletions completions;
    private final TransactionTemplate transaction;
    private final People people;

    TaskWork(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
             SystemContext system, ReportService reports, CampaignService campaigns, GuidanceService guidance,
             ReviewDecisions decisions, ApprovalCompletions completions, PlatformTransactionManager transactionManager,
             People people) {
        this.people = people;
        this.guidance = guidance;
        this.decisions = decisions;
        this.completions = completions;
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
        List<GuidanceService.GuidanceView> chain = guidance.chain(key.campaignId(), key.unitCode());
        GuidanceService.GuidanceView received = chain.isEmpty() || !chain.get(0).unitCode().equals(unit.parentCode())
                ? null : chain.get(0);
        Task task = open.task();
        boolean canWork = canWork(task);
        return new TaskForm(task.getId(), task.getName(), open.step(), open.step().verb(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(),
                people.userName(task.getAssignee()), canWork,
                claim(task, unit), campaign.id(), campaign.title(), campaign.planNumber(), unit.unitCode(),
                unit.unitName(), key.kind(), key.kind().title(campaign.plan()),
                report ? ReportStructure.of(campaign.plan()) : null, report ? view : null,
                report ? null : guidance.view(key.campaignId(), key.unitCode()), received, chain, planInfo(campaign.plan()),
                history, Vietnam.ZONE.getId());
    }

    private static TaskForm.PlanInfo planInfo(Plan plan) {
        String file = UriComponentsBuilder.fromPath("/api/plans/file").queryParam("number", plan.number())
                .queryParam("version", plan.version()).encode().toUriString();
        return new TaskForm.PlanInfo(plan.number(), plan.version(), plan.title(), plan.kind(), plan.issuer(),
                plan.issuedOn(), file);
    }

    /**
     * Whether the form claims the task as it opens, or what it says while Tasklist greys it. Tasklist lets only the
     * task's assignee type into its form; a task whose candidates come down to the one user opening it is claimed
     * for them, since nobody else could take it. The engine's users and groups are read as the system: a drafter may
     * not list their group's members, and only a count and the groups' names leave this method.
     */
    private TaskForm.Claim claim(Task task, UnitReport unit) {
        String user = currentUser();
        String holder = task.getAssignee() == null ? null : personName(task.getAssignee());
        if (task.getAssignee() != null && task.getAssignee().equals(user)) {
            return new TaskForm.Claim(false, holder, null);
        }
        if (!isCandidate(task)) {
            return new TaskForm.Claim(false, holder, "Bạn chỉ được xem việc này: việc của " + unit.unitName()
                    + " do người của đơn vị đó nhận và xử lý" + (holder == null ? "." : " (hiện do " + holder + " xử lý)."));
        }
        if (holder != null) {
            return new TaskForm.Claim(false, holder, "Việc này đang do " + holder + " xử lý: chỉ người đó sửa và hoàn thành"
                    + " được. Muốn làm thay, hãy đề nghị người đó bấm “Bỏ nhận việc” để trả việc về nhóm.");
        }
        List<IdentityLink> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        List<String> groupIds = candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().toList();
        Set<String> workers = new HashSet<>();
        candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).forEach(workers::add);
        List<String> groupNames = system.call(() -> {
            // Two members are enough to know the task is shared.
            for (String group : groupIds) {
                identityService.createUserQuery().memberOfGroup(group).listPage(0, 2).forEach(member -> workers.add(member.getId()));
            }
            return groupIds.isEmpty() ? List.<String>of() : identityService.createGroupQuery()
                    .groupIdIn(groupIds.toArray(String[]::new)).list().stream()
                    .map(group -> group.getName() == null ? group.getId() : group.getName()).sorted().toList();
        });
        if (workers.size() == 1 && workers.contains(user)) {
            return new TaskForm.Claim(true, null, "Bạn là người duy nhất xử lý việc này: hệ thống đang nhận việc cho bạn."
                    + " Nếu biểu mẫu vẫn mờ, hãy bấm “Nhận việc”.");
        }
        String shared = groupNames.isEmpty() ? "giao chung cho nhiều người"
                : "giao chung cho nhóm " + groupNames.stream().map(name -> "“" + name + "”").collect(Collectors.joining(", "));
        return new TaskForm.Claim(false, null, "Biểu mẫu đang mờ vì việc này " + shared + " và chưa ai nhận. Bấm “Nhận việc”"
                + " để nhận và bắt đầu làm; những người khác trong nhóm sẽ thấy việc do bạn xử lý.");
    }

    /** A user's full name, or the login when the engine holds no name. */
    private String personName(String userId) {
        return people.userName(userId);
    }

    /**
     * Completes the task with the user's input: for a report's draft {@code {"version", "sections", "figures"}},
     * for guidance's {@code {"version", "text"}}, for review and sign-off {@code {"approved", "comment"}}. A task
     * someone else has claimed is theirs to finish. A completion that meets a job of the same process (a reminder
     * falling due that very moment) is tried again, in a new transaction, rather than turned into an error for the user.
     */
    public void complete(String taskId, TaskCompletion body) {
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
            throw new TaskTakenException("Việc này đang do " + people.userName(open.task().getAssignee()) + " xử lý; chỉ người đó hoàn thành"
                    + " được, hoặc người đó phải trả lại việc trước.");
        }
        // Whoever may only read the task (a parent unit's reviewer, an observer) is refused before their input is
        // read, as the engine would refuse them.
        if (!completions.mayWork(open.task())) {
            throw new AccessDeniedException("Bạn chỉ được xem việc này, không được hoàn thành nó.");
        }
        save(open, body, user);
        try {
            taskService.complete(taskId);
        } catch (ProcessEngineException e) {
            // The complete listener's refusal, which the engine wraps: said as the refusal it is.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CompletionRefused refused) {
                    throw refused;
                }
            }
            throw e;
        }
    }

    /**
     * Saves the input through the application's services, refusing the fields the task's step does not take: a
     * report's draft is saved and must be complete, guidance must have its text, a decision is recorded on the task.
     * A draft written on an older version than the one saved is refused (409), as a save through the API is.
     */
    private void save(OpenTask open, TaskCompletion input, String user) {
        ReviewKey key = open.key();
        boolean draft = open.step() == ApprovalStep.DRAFT;
        boolean guidanceDraft = draft && key.kind() == DocumentKind.GUIDANCE;
        List<String> accepted = guidanceDraft ? List.of("text", "version")
                : draft ? List.of("figures", "sections", "version") : List.of(ReviewDecisions.APPROVED, ReviewDecisions.COMMENT);
        List<FieldError> errors = input.given().keySet().stream().filter(name -> !accepted.contains(name))
                .map(name -> new FieldError(name, "Không có trường '" + name + "'; việc này nhận: " + String.join(", ", accepted)))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Integer version = ContentVersion.number(input.version());
        if (guidanceDraft) {
            guidance.completeDraft(key.campaignId(), key.unitCode(), input.text(), version);
        } else if (draft) {
            Plan plan = campaigns.find(key.campaignId()).plan();
            reports.completeDraft(plan, key.campaignId(), key.unitCode(), ReportValidator.parse(plan,
                    orEmpty(input.sections()), orEmpty(input.figures())), version);
        } else {
            decisions.record(key.campaignId(), key.unitCode(), key.kind(), open.step(), open.task().getId(),
                    input.approved(), input.comment(), user);
        }
    }

    private static Map<String, Object> orEmpty(Map<String, Object> values) {
        return values == null ? Map.of() : values;
    }

    /** Whether the current user holds the task or one of its candidate groups. */
    private boolean canWork(Task task) {
        return task.getAssignee() != null ? task.getAssignee().equals(currentUser()) : isCandidate(task);
    }

    /** Whether the task is offered to the current user, by name or through one of their groups. */
    private boolean isCandidate(Task task) {
        String user = currentUser();
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
}
