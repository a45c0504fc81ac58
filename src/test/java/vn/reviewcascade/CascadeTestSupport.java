package vn.reviewcascade;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.test.context.ActiveProfiles;

import vn.reviewcascade.approval.TaskCompletion;
import vn.reviewcascade.approval.TaskWork;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.campaign.StartCampaign;
import vn.reviewcascade.campaign.UnitReviewStarter;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.ContentVersion;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.ReportService;

/**
 * What the cascade tests share: one application context on an in-memory database with the job executor off,
 * so tests move the engine clock and execute due jobs themselves. Campaigns are placed in 2030; each test
 * starts its own and touches only its jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestMailServer.class)
public abstract class CascadeTestSupport {

    protected static final int YEAR = 2030;
    protected static final String KH_117 = "117-KH/TU";
    private static final AtomicInteger CAMPAIGNS = new AtomicInteger();

    @Autowired protected CampaignService campaigns;
    @Autowired protected ReportService reportService;
    @Autowired protected ReportRepository reports;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected ManagementService managementService;
    @Autowired protected HistoryService historyService;
    @Autowired protected IdentityService identityService;
    @Autowired protected TaskWork taskWork;

    @AfterEach
    void resetClockAndUser() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    protected Campaign start(String rootUnit) {
        return start(rootUnit, null);
    }

    /** A campaign of KH 117 from the unit, with the given deadlines per level ({"BASE": {"report": …}}). */
    protected Campaign start(String rootUnit, Map<String, Map<String, String>> deadlines) {
        return start(KH_117, rootUnit, deadlines);
    }

    protected Campaign start(String plan, String rootUnit, Map<String, Map<String, String>> deadlines) {
        // Tests share one database: each campaign is titled apart, or a second would be refused as a duplicate.
        Campaign campaign = campaigns.start(new StartCampaign(plan, null, "Thử nghiệm số " + CAMPAIGNS.incrementAndGet(),
                rootUnit, YEAR, deadlines, null), "tester");
        runJobs(campaign);
        return campaign;
    }

    protected static void moveClockTo(String offsetDateTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(offsetDateTime).toInstant()));
    }

    protected static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Executes this campaign's due jobs, and the jobs they create, until none is due. */
    protected void runJobs(Campaign campaign) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = dueJobs(campaign);
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                // An earlier job of the round may have ended this one's process (a submission ends its timers).
                if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
                    managementService.executeJob(job.getId());
                }
            }
        }
        throw new AssertionError("Jobs keep falling due: a loop in the process?");
    }

    protected List<Job> dueJobs(Campaign campaign) {
        Set<String> instances = instanceIds(campaign);
        Date now = ClockUtil.getCurrentTime();
        return managementService.createJobQuery().executable().list().stream()
                .filter(job -> instances.contains(job.getProcessInstanceId()))
                .filter(job -> job.getDuedate() == null || !job.getDuedate().after(now))
                .toList();
    }

    protected Set<String> instanceIds(Campaign campaign) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(campaign.id() + "/%").list()
                .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    protected ProcessInstance unitProcess(Campaign campaign, String unitCode) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitReviewStarter.PROCESS_KEY)
                .processInstanceBusinessKey(ReviewKey.unit(campaign.id(), unitCode).toString()).singleResult();
    }

    /** The open task of the given step of the unit's approval (guidance or report, whichever runs). */
    protected Task task(Campaign campaign, String unitCode, String taskKey) {
        return taskService.createTaskQuery()
                .processInstanceBusinessKeyLike(ReviewKey.unit(campaign.id(), unitCode) + "/%")
                .taskDefinitionKey(taskKey).singleResult();
    }

    /**
     * Completes the task as a member of its candidate groups would, through the application (the form's and the API's
     * one route): the input is saved by the application's services and the task completed without variables. The
     * input is given flat, as the form's fields are named: the plan's sections and figures and {@code version} for a
     * report's draft, {@code guidanceText} and {@code version} for guidance's, {@code approved} and {@code comment} for
     * a review or sign-off.
     */
    protected void complete(Campaign campaign, String unitCode, String taskKey, Map<String, Object> input) {
        Task task = task(campaign, unitCode, taskKey);
        if (task == null) {
            throw new AssertionError("No task " + taskKey + " for " + unitCode);
        }
        // Authorization is on: act as a member of the task's candidate groups, as a real user would.
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        EngineLogin.as(identityService, "user." + unitCode, groups);
        try {
            taskWork.complete(task.getId(), completion(campaigns.find(campaign.id()).plan(), input));
        } finally {
            identityService.clearAuthentication();
        }
        issueSignedDocument(task.getProcessInstanceId());
    }

    /** The flat input as the body of {@code POST /api/tasks/{id}/complete}. */
    private static TaskCompletion completion(Plan plan, Map<String, Object> input) {
        Map<String, Object> sections = new HashMap<>();
        Map<String, Object> figures = new HashMap<>();
        input.forEach((key, value) -> {
            if (plan.section(key).isPresent()) {
                sections.put(key, value);
            } else if (plan.indicator(key).isPresent()) {
                figures.put(key, value);
            } else if (!List.of("version", "guidanceText", "approved", "comment").contains(key)) {
                throw new AssertionError("Not an input of a task: " + key);
            }
        });
        Object version = input.get("version");
        return new TaskCompletion(version == null ? null : ContentVersion.of(version, "version"),
                sections.isEmpty() ? null : sections, figures.isEmpty() ? null : figures, input.get("guidanceText"),
                input.get("approved"), input.get("comment"));
    }

    /**
     * Runs what the job executor runs right after a sign-off: the issuing of the document (numbered, rendered,
     * signed), an asynchronous continuation so the leader's click returns at once. Only the given approval's, so
     * threads completing tasks at once each issue their own.
     */
    protected void issueSignedDocument(String approvalInstanceId) {
        for (Job job : managementService.createJobQuery().processInstanceId(approvalInstanceId).activityId("IssueDocument")
                .list()) {
            managementService.executeJob(job.getId());
        }
    }

    protected void approve(Campaign campaign, String unitCode, String taskKey) {
        complete(campaign, unitCode, taskKey, Map.of("approved", true));
    }

    protected void sendBack(Campaign campaign, String unitCode, String taskKey, String comment) {
        complete(campaign, unitCode, taskKey, Map.of("approved", false, "comment", comment));
    }

    /** Guidance is drafted and signed, without review; its signal reaches each subordinate in a job. */
    protected void issueGuidance(Campaign campaign, String unitCode) {
        complete(campaign, unitCode, "DraftDocument", guidance());
        approve(campaign, unitCode, "SignDocument");
        runJobs(campaign);
    }

    /** Drafts, reviews and signs a report; the draft carries the given figures (on top of any pre-filled). */
    protected void submitReport(Campaign campaign, String unitCode, Map<String, Object> draft) {
        complete(campaign, unitCode, "DraftDocument", draft);
        approve(campaign, unitCode, "ReviewDraft");
        approve(campaign, unitCode, "SignDocument");
    }

    /** What a guidance draft is completed with: its text. */
    protected static Map<String, Object> guidance() {
        return Map.of("guidanceText", "Kế hoạch hướng dẫn sơ kết: các đơn vị báo cáo theo đề cương, nộp đúng hạn.");
    }

    /** A complete, consistent KH 117 draft whose figures are all derived from {@code scale}. */
    protected static Map<String, Object> draft(long scale) {
        return draft(TestPlans.kh117(), scale);
    }

    /** A complete, consistent draft of the plan's report whose figures are all derived from {@code scale}. */
    protected static Map<String, Object> draft(Plan plan, long scale) {
        Map<String, Object> variables = sections(plan);
        for (Plan.Indicator indicator : plan.indicators()) {
            // Wholes get 10 × scale, parts 2 × scale, so every part stays within its whole.
            variables.put(indicator.key(), indicator.partOf() == null ? 10 * scale : 2 * scale);
        }
        return variables;
    }

    /** A user in one group, created once per context (test classes share it, so each picks its own ids). */
    protected void user(String id, String email, String password, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("Người thử");
            user.setEmail(email);
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
    }

    /**
     * A person with a name, as the user import stores one (the given name first, the family and middle names last),
     * created once per context: the tests act as {@code user.<unit>}, and a user of that id gets its name here.
     */
    protected void person(String id, String givenName, String familyAndMiddleNames) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(givenName);
            user.setLastName(familyAndMiddleNames);
            user.setPassword("Mat-Khau-2030!");
            identityService.saveUser(user);
        }
    }

    protected static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /** A file as a browser's file input sends it: the multipart part "file", with its name. */
    protected static HttpEntity<Object> fileUpload(String fileName, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return multipart(form);
    }

    protected static HttpEntity<Object> multipart(MultiValueMap<String, Object> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }

    protected static Map<String, Object> sections() {
        return sections(TestPlans.kh117());
    }

    protected static Map<String, Object> sections(Plan plan) {
        Map<String, Object> variables = new HashMap<>();
        for (Plan.Section section : plan.sections()) {
            variables.put(section.key(), "Nội dung mục " + section.number() + ": số liệu cụ thể để chứng minh.");
        }
        return variables;
    }
}
