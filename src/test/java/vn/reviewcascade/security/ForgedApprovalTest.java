package vn.reviewcascade.security;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holder of each kind of task — the drafter of guidance and of a report, the reviewer, the signer — tries to
 * change what the system decides (unit, campaign, plan, kind of document, deadline, the groups that work the next
 * steps) by every route the engine offers them: completing with variables, kept or transient; submitting the form;
 * setting task, local, process or execution variables; this application's own completion; throwing a BPMN error;
 * and more. Every attempt is refused, and afterwards the task is still open, no variable is stored, the report is
 * as it was, and the task keeps its candidate groups and its due date.
 */
class ForgedApprovalTest extends CascadeTestSupport {

    private static final String PASSWORD = "Gia-Mao-Thu-2030";
    private static final List<String> SYSTEM_VALUES = List.of("unitCode", "campaignId", "planNumber", "documentKind",
            "dueDate", "drafters", "reviewers", "signers", "parentCode", "decision");

    @Autowired TestRestTemplate anonymous;

    private Campaign campaign;

    @BeforeEach
    void usersAndACampaign() {
        user("fg.a.dt", "VL-A.drafters");
        user("fg.a.td", "VL-A.reviewers");
        user("fg.a.kd", "VL-A.signers");
        user("fg.b.dt", "VL-B.drafters");
        user("fg.vl.dt", "VL.drafters");
        user("fg.vl.kd", "VL.signers");
        campaign = start("VL");
    }

    /** A task as its holder sees it, and what must not change about it. */
    private record Held(String user, Task task, Set<String> candidateGroups, Date due) {
    }

    @Test
    void noHolderOfAnyTaskChangesWhatTheSystemDecides() {
        List<String> wrong = new ArrayList<>();
        Held guidanceDraft = held("fg.vl.dt", "VL", "DraftDocument");
        attackEverywhere(guidanceDraft, wrong);
        complete(campaign, "VL", "DraftDocument", guidance());

        Held guidanceSign = held("fg.vl.kd", "VL", "SignDocument");
        attackEverywhere(guidanceSign, wrong);
        approve(campaign, "VL", "SignDocument");
        runJobs(campaign);

        Held reportDraft = held("fg.a.dt", "VL-A", "DraftDocument");
        attackEverywhere(reportDraft, wrong);
        complete(campaign, "VL-A", "DraftDocument", draft(1));

        Held review = held("fg.a.td", "VL-A", "ReviewDraft");
        attackEverywhere(review, wrong);
        approve(campaign, "VL-A", "ReviewDraft");

        Held sign = held("fg.a.kd", "VL-A", "SignDocument");
        attackEverywhere(sign, wrong);

        assertThat(wrong).isEmpty();
        assertThat(taskService.getIdentityLinksForTask(sign.task().getId())).extracting(IdentityLink::getGroupId)
                .as("after all attempts the leader's task is still the leaders'").containsExactly("VL-A.signers");
    }

    @Test
    void aDrafterCannotWriteASiblingsReportNorReviewItsOwn() {
        complete(campaign, "VL", "DraftDocument", guidance());
        approve(campaign, "VL", "SignDocument");
        runJobs(campaign);
        Task ownDraft = task(campaign, "VL-A", "DraftDocument");
        Map<String, Object> variables = new HashMap<>();
        draft(1).forEach((key, value) -> variables.put(key, transientValue(value)));
        variables.put("unitCode", transientValue("VL-B"));
        variables.put("reviewers", transientValue("VL-A.drafters"));

        ResponseEntity<String> refused = as("fg.a.dt").exchange("/engine-rest/task/" + ownDraft.getId() + "/complete",
                HttpMethod.POST, json(Map.of("variables", variables)), String.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("Không nhận biến 'unitCode'").contains("Không nhận biến 'reviewers'")
                .contains("hoàn thành qua biểu mẫu của hệ thống");
        assertThat(reportService.view(campaign.id(), "VL-B").figures()).as("the sibling's report is untouched").isEmpty();
        assertThat(reportService.view(campaign.id(), "VL-A").figures()).as("nothing of the drafter's is stored").isEmpty();
        assertThat(task(campaign, "VL-A", "DraftDocument")).as("the draft is still open").isNotNull();

        // The one route: the draft saved through the application, then the task completed with nothing more.
        Map<String, Object> sections = new HashMap<>();
        Map<String, Object> figures = new HashMap<>();
        draft(1).forEach((key, value) -> (value instanceof String ? sections : figures).put(key, value));
        assertThat(as("fg.a.dt").exchange("/api/tasks/" + ownDraft.getId() + "/complete", HttpMethod.POST,
                json(Map.of("sections", sections, "figures", figures)), String.class).getStatusCode().value()).isEqualTo(204);
        Task review = task(campaign, "VL-A", "ReviewDraft");
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("VL-A.reviewers");
        assertThat(as("fg.a.dt").exchange("/engine-rest/task/" + review.getId() + "/claim", HttpMethod.POST,
                json(Map.of("userId", "fg.a.dt")), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as("fg.a.dt").exchange("/api/tasks/" + review.getId() + "/complete", HttpMethod.POST,
                json(Map.of("approved", true)), String.class).getStatusCode().value())
                .as("the drafter does not even see the reviewers' task").isEqualTo(404);
        assertThat(reports.find(campaign.id(), "VL-A").orElseThrow().status()).isEqualTo(UnitStatus.IN_REVIEW);
    }

    @Test
    void aReviewerCannotSignAndNoOneEndsAnApprovalUnsigned() {
        complete(campaign, "VL", "DraftDocument", guidance());
        approve(campaign, "VL", "SignDocument");
        runJobs(campaign);
        complete(campaign, "VL-A", "DraftDocument", draft(1));
        approve(campaign, "VL-A", "ReviewDraft");
        Task sign = task(campaign, "VL-A", "SignDocument");

        assertThat(as("fg.a.td").exchange("/engine-rest/task/" + sign.getId() + "/complete", HttpMethod.POST,
                json(Map.of("variables", Map.of("approved", transientValue(true)))), String.class).getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<String> unsigned = as("fg.a.kd").exchange("/engine-rest/task/" + sign.getId() + "/complete",
                HttpMethod.POST, json(Map.of()), String.class);
        assertThat(unsigned.getStatusCode().value()).as("a completion without a recorded decision").isEqualTo(400);
        assertThat(unsigned.getBody()).contains("Chưa có ý kiến ký duyệt cho việc này");
        ResponseEntity<String> error = as("fg.a.kd").exchange("/engine-rest/task/" + sign.getId() + "/bpmnError",
                HttpMethod.POST, json(Map.of("errorCode", "skip")), String.class);
        assertThat(error.getStatusCode().value()).isEqualTo(403);
        assertThat(task(campaign, "VL-A", "SignDocument")).isNotNull();
        assertThat(reports.find(campaign.id(), "VL-A").orElseThrow().submitted()).isFalse();
    }

    @Test
    void jobsWithoutAProcessAndSignalsAreForAdministratorsOnly() {
        if (historyService.findHistoryCleanupJobs().isEmpty()) {
            historyService.cleanUpHistoryAsync(true);
        }
        String cleanup = historyService.findHistoryCleanupJobs().get(0).getId();
        TestRestTemplate base = as("fg.a.dt");
        assertThat(base.exchange("/engine-rest/job/" + cleanup + "/suspended", HttpMethod.PUT,
                json(Map.of("suspended", true)), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(base.exchange("/engine-rest/job/" + cleanup + "/retries", HttpMethod.PUT,
                json(Map.of("retries", 0)), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(managementService.createJobQuery().jobId(cleanup).singleResult().isSuspended()).isFalse();
        assertThat(base.exchange("/engine-rest/signal", HttpMethod.POST,
                json(Map.of("name", "guidance-" + campaign.id() + "-VL")), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(base.exchange("/engine-rest/message", HttpMethod.POST, json(Map.of("messageName",
                "subordinateReportsReceived", "businessKey", ReviewKey.unit(campaign.id(), "VL").toString())), String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(base.exchange("/engine-rest/process-definition/key/unitReview/start", HttpMethod.POST,
                json(Map.of("businessKey", campaign.id() + "/VL-A")), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(unitProcess(campaign, "VL")).as("the unit still waits for its guidance to be drafted").isNotNull();
        assertThat(as("admin-fg").exchange("/engine-rest/job/" + cleanup + "/retries", HttpMethod.PUT,
                json(Map.of("retries", 3)), String.class).getStatusCode().value()).as("an administrator may").isEqualTo(204);
    }

    private void attackEverywhere(Held held, List<String> wrong) {
        String id = held.task().getId();
        String processInstance = held.task().getProcessInstanceId();
        String execution = held.task().getExecutionId();
        TestRestTemplate http = as(held.user());
        for (String name : SYSTEM_VALUES) {
            Object forged = "dueDate".equals(name) ? "2030-01-01T00:00:00.000+0700" : "VL-B";
            expect(wrong, held, "complete, kept " + name, http.exchange("/engine-rest/task/" + id + "/complete", HttpMethod.POST,
                    json(Map.of("variables", Map.of(name, Map.of("value", forged)))), String.class), 400);
            expect(wrong, held, "complete, transient " + name, http.exchange("/engine-rest/task/" + id + "/complete",
                    HttpMethod.POST, json(Map.of("variables", Map.of(name, transientValue(forged)))), String.class), 400);
            expect(wrong, held, "submit-form " + name, http.exchange("/engine-rest/task/" + id + "/submit-form", HttpMethod.POST,
                    json(Map.of("variables", Map.of(name, Map.of("value", forged)))), String.class), 403);
            expect(wrong, held, "task variable " + name, http.exchange("/engine-rest/task/" + id + "/variables/" + name,
                    HttpMethod.PUT, json(Map.of("value", forged)), String.class), 403);
            expect(wrong, held, "task variables " + name, http.exchange("/engine-rest/task/" + id + "/variables",
                    HttpMethod.POST, json(Map.of("modifications", Map.of(name, Map.of("value", forged)))), String.class), 403);
            expect(wrong, held, "task local variable " + name, http.exchange("/engine-rest/task/" + id + "/localVariables/" + name,
                    HttpMethod.PUT, json(Map.of("value", forged)), String.class), 403);
            expect(wrong, held, "process variable " + name, http.exchange("/engine-rest/process-instance/" + processInstance
                    + "/variables/" + name, HttpMethod.PUT, json(Map.of("value", forged)), String.class), 403);
            expect(wrong, held, "execution variable " + name, http.exchange("/engine-rest/execution/" + execution
                    + "/localVariables/" + name, HttpMethod.PUT, json(Map.of("value", forged)), String.class), 403);
            expect(wrong, held, "api completion " + name, http.exchange("/api/tasks/" + id + "/complete", HttpMethod.POST,
                    json(Map.of(name, forged)), String.class), 400);
        }
        expect(wrong, held, "bpmn error", http.exchange("/engine-rest/task/" + id + "/bpmnError", HttpMethod.POST,
                json(Map.of("errorCode", "done")), String.class), 403);
        expect(wrong, held, "bpmn escalation", http.exchange("/engine-rest/task/" + id + "/bpmnEscalation", HttpMethod.POST,
                json(Map.of("escalationCode", "done")), String.class), 403);
        expect(wrong, held, "task update", http.exchange("/engine-rest/task/" + id, HttpMethod.PUT,
                json(Map.of("name", "x", "due", "2030-01-01T00:00:00.000+0700")), String.class), 403);
        expect(wrong, held, "identity link", http.exchange("/engine-rest/task/" + id + "/identity-links", HttpMethod.POST,
                json(Map.of("groupId", "VL-B.drafters", "type", "candidate")), String.class), 403);
        expect(wrong, held, "delegate", http.exchange("/engine-rest/task/" + id + "/delegate", HttpMethod.POST,
                json(Map.of("userId", "fg.b.dt")), String.class), 403);
        expect(wrong, held, "assignee", http.exchange("/engine-rest/task/" + id + "/assignee", HttpMethod.POST,
                json(Map.of("userId", "fg.b.dt")), String.class), 403);
        expect(wrong, held, "attachment", http.exchange("/engine-rest/task/" + id + "/attachment/create", HttpMethod.POST,
                multipart("attachment-name", "x"), String.class), 403);
        unchanged(held, wrong);
    }

    private void expect(List<String> wrong, Held held, String what, ResponseEntity<String> response, int status) {
        if (response.getStatusCode().value() != status) {
            wrong.add("%s on %s: expected %d, got %d %s".formatted(what, held.task().getTaskDefinitionKey(), status,
                    response.getStatusCode().value(), response.getBody()));
        }
    }

    private void unchanged(Held held, List<String> wrong) {
        Task now = taskService.createTaskQuery().taskId(held.task().getId()).singleResult();
        String where = held.task().getTaskDefinitionKey() + " of " + held.task().getProcessInstanceId();
        if (now == null) {
            wrong.add(where + ": the task is no longer open");
            return;
        }
        if (!runtimeService.getVariables(now.getProcessInstanceId()).isEmpty()) {
            wrong.add(where + ": variables stored " + runtimeService.getVariables(now.getProcessInstanceId()));
        }
        if (!candidateGroups(now).equals(held.candidateGroups())) {
            wrong.add(where + ": candidate groups now " + candidateGroups(now));
        }
        if (!now.getDueDate().equals(held.due())) {
            wrong.add(where + ": due date now " + now.getDueDate());
        }
        if (now.getAssignee() != null && !now.getAssignee().equals(held.user())) {
            wrong.add(where + ": assigned to " + now.getAssignee());
        }
    }

    private Held held(String user, String unit, String taskKey) {
        Task task = task(campaign, unit, taskKey);
        return new Held(user, task, candidateGroups(task), task.getDueDate());
    }

    private Set<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).collect(Collectors.toSet());
    }

    private static HttpEntity<Object> multipart(String name, String content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(name, content);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }

    private static Map<String, Object> transientValue(Object value) {
        return Map.of("value", value, "valueInfo", Map.of("transient", true));
    }

    private TestRestTemplate as(String user) {
        if ("admin-fg".equals(user)) {
            return anonymous.withBasicAuth("admin", "Thu-Nghiem-2030");
        }
        return anonymous.withBasicAuth(user, PASSWORD);
    }

    private void user(String id, String group) {
        user(id, id + "@thu.test", PASSWORD, group);
    }
}
