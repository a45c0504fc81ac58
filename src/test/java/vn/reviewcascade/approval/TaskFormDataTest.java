package vn.reviewcascade.approval;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a task's form is given to show and do ({@code GET /api/tasks/{id}}): the plan and the guidance of every level
 * above the unit, nearest first; whether the form claims the task as it opens or what it says while Tasklist greys
 * it; and the marks of a returned or overdue task in Tasklist's list.
 */
class TaskFormDataTest extends CascadeTestSupport {

    private static final String PASSWORD = "Bieu-Mau-Thu-2030";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired TestRestTemplate anonymous;

    @BeforeEach
    void users() {
        user("tf.vl.dt", "tf.vl.dt@thu.test", PASSWORD, "VL.drafters");
        // Đảng ủy xã Vĩnh Chấp's drafters: one person, who no other test puts there.
        user("tf.c.dt", "tf.c.dt@thu.test", PASSWORD, "VL-C.drafters");
        user("tf.b.dt1", "tf.b.dt1@thu.test", PASSWORD, "VL-B.drafters");
        user("tf.b.dt2", "tf.b.dt2@thu.test", PASSWORD, "VL-B.drafters");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDraftShowsTheGuidanceOfEveryLevelAboveNearestFirstAndThePlan() {
        Campaign campaign = start("TU");
        complete(campaign, "TU", "DraftDocument", Map.of("guidanceText", "Hướng dẫn của Tỉnh ủy: báo cáo theo đề cương 6 mục."));
        approve(campaign, "TU", "SignDocument");
        runJobs(campaign);

        // A district drafting its own guidance reads the province's.
        Map<String, Object> district = form("tf.vl.dt", task(campaign, "VL", "DraftDocument"));
        List<Map<String, Object>> above = (List<Map<String, Object>>) district.get("guidanceChain");
        assertThat(above).extracting(g -> g.get("unitCode")).containsExactly("TU");
        assertThat(above.get(0)).containsEntry("unitName", "Tỉnh ủy thử nghiệm")
                .containsEntry("text", "Hướng dẫn của Tỉnh ủy: báo cáo theo đề cương 6 mục.");
        assertThat((String) above.get(0).get("number")).matches("\\d+-HD/TU");
        assertThat(above.get(0).get("issuedAt")).isNotNull();
        assertThat(((Map<String, Object>) district.get("receivedGuidance"))).containsEntry("unitCode", "TU");

        Map<String, Object> plan = (Map<String, Object>) district.get("plan");
        assertThat(plan).containsEntry("number", KH_117).containsEntry("issuer", "Ban Thường vụ Tỉnh ủy Quảng Trị");
        assertThat((String) plan.get("title")).isNotBlank();
        assertThat(plan.get("issuedOn")).isNotNull();
        assertThat(anonymous.withBasicAuth("tf.c.dt", PASSWORD).getForEntity((String) plan.get("fileUrl"), String.class))
                .satisfies(file -> {
                    assertThat(file.getStatusCode().value()).as("a base unit's drafter reads the plan's file").isEqualTo(200);
                    assertThat(file.getBody()).contains(KH_117);
                });

        complete(campaign, "VL", "DraftDocument", Map.of("guidanceText", "Hướng dẫn của Huyện ủy Vĩnh Linh: nộp trước 25/9."));
        approve(campaign, "VL", "SignDocument");
        runJobs(campaign);

        // A base unit drafting its report reads the district's guidance, then the province's.
        Map<String, Object> base = form("tf.c.dt", task(campaign, "VL-C", "DraftDocument"));
        List<Map<String, Object>> chain = (List<Map<String, Object>>) base.get("guidanceChain");
        assertThat(chain).extracting(g -> g.get("unitCode")).containsExactly("VL", "TU");
        assertThat(chain).extracting(g -> g.get("text")).containsExactly("Hướng dẫn của Huyện ủy Vĩnh Linh: nộp trước 25/9.",
                "Hướng dẫn của Tỉnh ủy: báo cáo theo đề cương 6 mục.");
        assertThat((String) chain.get(0).get("number")).matches("\\d+-HD/HU");
        assertThat(((Map<String, Object>) base.get("receivedGuidance"))).containsEntry("unitCode", "VL");
        assertThat(((Map<String, Object>) base.get("plan"))).containsEntry("number", KH_117);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOneCandidateClaimsAsTheFormOpensAnyoneElseIsToldWhatToDo() {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");

        Map<String, Object> alone = (Map<String, Object>) form("tf.c.dt", task(campaign, "VL-C", "DraftDocument")).get("claim");
        assertThat(alone).as("the only drafter of Vĩnh Chấp").containsEntry("onOpen", true);

        Task shared = task(campaign, "VL-B", "DraftDocument");
        Map<String, Object> advice = (Map<String, Object>) form("tf.b.dt1", shared).get("claim");
        assertThat(advice).containsEntry("onOpen", false);
        assertThat((String) advice.get("notice")).contains("chưa ai nhận").contains("Nhận việc");

        taskService.claim(shared.getId(), "tf.b.dt1");
        Map<String, Object> other = form("tf.b.dt2", shared);
        assertThat(other).containsEntry("canWork", false);
        assertThat((String) ((Map<String, Object>) other.get("claim")).get("notice"))
                .as("the holder by name").contains("Người thử tf.b.dt1").contains("Bỏ nhận việc");
        Map<String, Object> holder = (Map<String, Object>) form("tf.b.dt1", shared).get("claim");
        assertThat(holder).containsEntry("onOpen", false);
        assertThat(holder.get("notice")).as("nothing to say to whoever holds it").isNull();
    }

    @Test
    void aDecisionWithoutAChoiceIsRefusedInWordsForPeople() {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        complete(campaign, "VL-C", "DraftDocument", draft(1));
        user("tf.c.td", "tf.c.td@thu.test", PASSWORD, "VL-C.reviewers");
        String review = task(campaign, "VL-C", "ReviewDraft").getId();
        Map<String, Object> refusal = anonymous.withBasicAuth("tf.c.td", PASSWORD).exchange("/api/tasks/" + review + "/complete",
                HttpMethod.POST, json(Map.of("comment", "")), JSON).getBody();
        assertThat(refusal.toString()).contains("approved").contains("Hãy chọn Đồng ý hoặc Trả lại để sửa")
                .doesNotContain("true").doesNotContain("false");
        assertThat(taskService.createTaskQuery().taskId(review).count()).as("the task stays open").isEqualTo(1);
    }

    @Test
    void returnedAndOverdueTasksAreMarkedInTheirNamesAndRaisedInPriority() {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        complete(campaign, "VL-A", "DraftDocument", draft(1));
        sendBack(campaign, "VL-A", "ReviewDraft", "Mục 4 cần số liệu cụ thể.");

        Task returned = task(campaign, "VL-A", "DraftDocument");
        assertThat(returned.getName()).startsWith(TaskTitles.RETURNED + "Dự thảo báo cáo sơ kết – Đảng ủy xã Vĩnh Thái");
        assertThat(returned.getPriority()).isEqualTo(TaskTitles.RETURNED_PRIORITY);
        Task plain = task(campaign, "VL-B", "DraftDocument");
        assertThat(plain.getName()).startsWith("Dự thảo báo cáo sơ kết – Đảng ủy xã Vĩnh Tú");
        assertThat(plain.getPriority()).isEqualTo(TaskTitles.NORMAL_PRIORITY);

        // The base units' deadline passes: their open tasks are marked as the escalation is raised.
        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobs(campaign);
        assertThat(task(campaign, "VL-A", "DraftDocument").getName())
                .startsWith(TaskTitles.OVERDUE + TaskTitles.RETURNED + "Dự thảo báo cáo");
        Task late = task(campaign, "VL-B", "DraftDocument");
        assertThat(late.getName()).startsWith(TaskTitles.OVERDUE + "Dự thảo báo cáo sơ kết – Đảng ủy xã Vĩnh Tú");
        assertThat(late.getPriority()).isEqualTo(TaskTitles.OVERDUE_PRIORITY);

        // A task created for an overdue unit is marked as it is created.
        complete(campaign, "VL-B", "DraftDocument", draft(2));
        Task review = task(campaign, "VL-B", "ReviewDraft");
        assertThat(review.getName()).startsWith(TaskTitles.OVERDUE + "Thẩm định báo cáo sơ kết – Đảng ủy xã Vĩnh Tú");
        assertThat(review.getPriority()).isEqualTo(TaskTitles.OVERDUE_PRIORITY);
    }

    private Map<String, Object> form(String user, Task task) {
        assertThat(task).isNotNull();
        var response = anonymous.withBasicAuth(user, PASSWORD).exchange("/api/tasks/" + task.getId(), HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode().value()).as("%s opens %s: %s", user, task.getName(), response.getBody()).isEqualTo(200);
        return response.getBody();
    }
}
