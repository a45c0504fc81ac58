package vn.reviewcascade.office;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.plan.PlanCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office page's calls, over HTTP as the organising board makes them: a campaign previewed (nothing stored),
 * started, ended with a reason (recorded, its processes gone, its tasks no longer open); a plan file previewed with
 * its errors at their lines, then registered; users imported with a result per line; every action audited.
 */
class OfficeApiTest extends CascadeTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final String PASSWORD = "Mat-Khau-Van-Phong-1";
    private static final List<String> STORED = List.of("campaign", "campaign_deadline", "campaign_reminder", "campaign_unit",
            "campaign_end", "audit_entry", "plan");

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlanCatalog plans;

    @BeforeEach
    void users() {
        user("vp.bdv", "vp.bdv@tinhuy.test", PASSWORD, "bdv-tu");
    }

    @Test
    void aPreviewShowsTheUnitsPerLevelAndTheDatesAndStoresNothing() {
        Map<String, Long> before = counts();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();

        ResponseEntity<Map<String, Object>> answer = as("vp.bdv").exchange("/api/campaigns/preview", HttpMethod.POST,
                json(Map.of("plan", KH_117, "rootUnit", "VL", "year", 2031, "title", "Sơ kết thử – Vĩnh Linh",
                        "deadlines", Map.of("BASE", Map.of("report", "2031-09-25")))), JSON);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> preview = answer.getBody();
        assertThat(preview).containsEntry("planNumber", KH_117).containsEntry("rootUnitName", "Huyện ủy Vĩnh Linh")
                .containsEntry("title", "Sơ kết thử – Vĩnh Linh").containsEntry("totalUnits", 4).containsEntry("year", 2031);
        List<Map<String, Object>> levels = list(preview.get("levels"));
        assertThat(levels).extracting(level -> level.get("level") + "=" + level.get("units"))
                .containsExactly("DISTRICT=1", "BASE=3");
        List<Map<String, Object>> district = list(levels.get(0).get("deadlines"));
        assertThat(district).extracting(deadline -> deadline.get("kind") + "@" + deadline.get("date"))
                .containsExactly("guidance@2031-03-30", "subordinates@2031-09-30", "report@2031-10-30");
        assertThat(district.get(2)).containsEntry("label", "Hạn báo cáo của cấp huyện")
                .containsEntry("dueLabel", "23:59 ngày 30/10/2031");
        // The override is the date the start would store.
        assertThat(list(levels.get(1).get("deadlines"))).extracting(deadline -> deadline.get("date")).containsExactly("2031-09-25");
        assertThat(levels.get(1).get("remindersLabel")).asString().endsWith("trước mỗi hạn");

        assertThat(counts()).isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);

        ResponseEntity<Map<String, Object>> refused = as("vp.bdv").exchange("/api/campaigns/preview", HttpMethod.POST,
                json(Map.of("plan", KH_117, "rootUnit", "VL", "year", 2031,
                        "deadlines", Map.of("BASE", Map.of("report", "2031-11-25")))), JSON);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(list(refused.getBody().get("errors"))).extracting(error -> error.get("field"))
                .contains("deadlines.DISTRICT.subordinates");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aCampaignStartedAndEndedWithAReasonIsRecordedAuditedAndLeavesNothingRunning() {
        ResponseEntity<Map<String, Object>> started = as("vp.bdv").exchange("/api/campaigns", HttpMethod.POST,
                json(Map.of("plan", KH_117, "rootUnit", "TU", "year", YEAR, "title", "Đợt sẽ kết thúc sớm")), JSON);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) started.getBody().get("id")).longValue();
        Campaign campaign = campaigns.find(id);
        runJobs(campaign);
        Task guidance = task(campaign, "TU", "DraftDocument");
        assertThat(guidance).as("the province's guidance task is open").isNotNull();
        assertThat(instanceIds(campaign)).isNotEmpty();

        ResponseEntity<Map<String, Object>> ended = as("vp.bdv").exchange("/api/campaigns/" + id + "/end", HttpMethod.POST,
                json(Map.of("reason", "Kế hoạch được thay bằng kế hoạch mới; đợt mở nhầm.")), JSON);

        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Number) ended.getBody().get("removed")).intValue()).isGreaterThan(0);
        // Mails already queued would still go out (none here); nothing else of the campaign runs.
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(id + "/%")
                .processDefinitionKeyNotIn("mailDelivery").count()).isZero();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(id + "/%").count()).isZero();
        assertThat(managementService.createJobQuery().list()).noneMatch(job -> instanceIds(campaign).contains(job.getProcessInstanceId()));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id + "/TU").singleResult()
                .getDeleteReason()).isEqualTo("Đợt số " + id + " kết thúc: Kế hoạch được thay bằng kế hoạch mới; đợt mở nhầm.");
        Map<String, Object> row = jdbc.queryForMap("select ended_by, reason from campaign_end where campaign_id = ?", id);
        assertThat(row).containsEntry("ENDED_BY", "vp.bdv")
                .containsEntry("REASON", "Kế hoạch được thay bằng kế hoạch mới; đợt mở nhầm.");

        Map<String, Object> summary = as("vp.bdv").exchange("/api/campaigns/" + id, HttpMethod.GET, null, JSON).getBody();
        assertThat(map(map(summary.get("progress")).get("countsByStatus"))).as("every unit stopped, none merely not started")
                .containsEntry("ENDED", ((Number) map(summary.get("progress")).get("units")).intValue())
                .containsEntry("NOT_STARTED", 0);
        assertThat(map(summary.get("ended"))).containsEntry("endedBy", "vp.bdv")
                .containsEntry("reason", "Kế hoạch được thay bằng kế hoạch mới; đợt mở nhầm.");
        // Its task is gone with its process: the form's call answers that there is no such task.
        assertThat(as("vp.bdv").getForEntity("/api/tasks/" + guidance.getId(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // The report stays readable, as it was: nobody changes it any more.
        assertThat(as("vp.bdv").getForEntity("/api/campaigns/" + id + "/units/TU/report", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> edit = anonymous.withBasicAuth("admin", "Thu-Nghiem-2030").exchange(
                "/api/campaigns/" + id + "/units/TU/report", HttpMethod.PUT, json(Map.of("figures", Map.of("partyMembers", 3))),
                JSON);
        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) edit.getBody().get("message")).contains("Đợt số " + id + " đã kết thúc");
        ResponseEntity<Map<String, Object>> guidanceEdit = anonymous.withBasicAuth("admin", "Thu-Nghiem-2030").exchange(
                "/api/campaigns/" + id + "/units/TU/guidance", HttpMethod.PUT, json(Map.of("text", "Hướng dẫn sau khi kết thúc")),
                JSON);
        assertThat(guidanceEdit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<Map<String, Object>> again = as("vp.bdv").exchange("/api/campaigns/" + id + "/end", HttpMethod.POST,
                json(Map.of("reason", "Lần nữa")), JSON);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("message")).contains("đã kết thúc");
        ResponseEntity<Map<String, Object>> noReason = as("vp.bdv").exchange("/api/campaigns/" + id + "/end", HttpMethod.POST,
                json(Map.of("reason", "  ")), JSON);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(list(noReason.getBody().get("errors"))).extracting(error -> error.get("message"))
                .containsExactly("Phải ghi lý do kết thúc đợt");

        for (String bad : List.of("x".repeat(2001), "Lý do\u0000ẩn")) {
            ResponseEntity<Map<String, Object>> refused = as("vp.bdv").exchange("/api/campaigns/" + id + "/end",
                    HttpMethod.POST, json(Map.of("reason", bad)), JSON);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(list(refused.getBody().get("errors"))).extracting(error -> error.get("field")).containsExactly("reason");
        }
        assertThat(as("vp.bdv").exchange("/api/campaigns/999999/end", HttpMethod.POST, json(Map.of("reason", "Không có")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        List<Map<String, Object>> audit = as("vp.bdv").exchange("/api/audit?limit=500", HttpMethod.GET, null, LIST).getBody();
        assertThat(audit).filteredOn(entry -> String.valueOf(id).equals(entry.get("objectId")))
                .extracting(entry -> entry.get("actor") + " " + entry.get("action"))
                .containsExactly("vp.bdv CAMPAIGN_ENDED", "vp.bdv CAMPAIGN_STARTED");
        assertThat(audit.get(0)).containsEntry("actionLabel", "Kết thúc đợt");
    }

    @Test
    void aPlanFileIsPreviewedWithItsErrorsAtTheirLinesOrItsContentAndRegisteredOnlyOnRequest() {
        int before = plans.versions().size();
        String broken = plan("912-KH/TU", "Kế hoạch thử văn phòng").replace("partOf: khong", "partOf: khongCo");
        ResponseEntity<Map<String, Object>> refused = preview(broken);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(list(refused.getBody().get("errors"))).extracting(error -> (String) error.get("message"))
                .anyMatch(message -> message.startsWith("Dòng 25:") && message.contains("khongCo"));

        String good = plan("912-KH/TU", "Kế hoạch thử văn phòng").replace("partOf: khong", "partOf: soNguoi");
        ResponseEntity<Map<String, Object>> previewed = preview(good);
        assertThat(previewed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(previewed.getBody()).containsEntry("number", "912-KH/TU").containsEntry("version", 1)
                .containsEntry("registered", false).containsEntry("title", "Kế hoạch thử văn phòng");
        Map<String, Object> plan = map(previewed.getBody().get("plan"));
        assertThat(list(plan.get("sections"))).extracting(section -> section.get("title")).containsExactly("Kết quả");
        assertThat(list(previewed.getBody().get("levels"))).extracting(level -> level.get("key") + " " + level.get("reportDue"))
                .containsExactly("PROVINCE 30/11", "DISTRICT 30/10", "BASE 30/09");
        assertThat(plans.versions()).hasSize(before);

        HttpHeaders yaml = new HttpHeaders();
        yaml.setContentType(MediaType.valueOf("application/yaml"));
        ResponseEntity<Map<String, Object>> registered = as("vp.bdv").exchange("/api/plans", HttpMethod.POST,
                new HttpEntity<>(good.getBytes(StandardCharsets.UTF_8), yaml), JSON);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(preview(good).getBody()).containsEntry("registered", true).containsEntry("version", 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PLAN_REGISTERED' and actor = 'vp.bdv' "
                + "and object_id = '912-KH/TU v1'", Integer.class)).isEqualTo(1);
    }

    @Test
    void usersAreImportedWithAResultPerLineAndTheImportIsAudited() {
        String csv = """
                email,full_name,unit,role
                vp.mot@vinhlinh.test,Nguyễn Văn Một,VL,DRAFTER
                vp.hai@vinhlinh.test,Trần Thị Hai,VL-X,REVIEWER
                vp.ba@vinhlinh.test,Lê Văn Ba,VL-A,SIGNER
                """;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<Map<String, Object>> answer = anonymous.withBasicAuth("admin", "Thu-Nghiem-2030").exchange(
                "/api/users/import", HttpMethod.POST, new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), JSON);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list(answer.getBody().get("imported"))).extracting(user -> user.get("line") + " " + user.get("userId"))
                .containsExactly("2 vp.mot@vinhlinh.test", "4 vp.ba@vinhlinh.test");
        assertThat(list(answer.getBody().get("errors"))).extracting(error -> error.get("line") + " " + error.get("message"))
                .containsExactly("3 không có đơn vị 'VL-X'");
        assertThat(jdbc.queryForMap("select actor, object_id, detail from audit_entry where action = 'USERS_IMPORTED' "
                + "order by id desc limit 1")).containsEntry("ACTOR", "admin").containsEntry("OBJECT_ID", "2/3")
                .containsEntry("DETAIL", "Nhập 2 người dùng, 1 dòng bị từ chối");
    }

    @Test
    void theSessionSaysWhatThePageMayOffer() {
        user("vp.vl.dt", "vp.vl.dt@vinhlinh.test", PASSWORD, "VL.drafters");
        assertThat(as("vp.bdv").exchange("/api/office/session", HttpMethod.GET, null, JSON).getBody())
                .containsEntry("userId", "vp.bdv").containsEntry("manages", true).containsEntry("importsUsers", false);
        assertThat(as("vp.vl.dt").exchange("/api/office/session", HttpMethod.GET, null, JSON).getBody())
                .containsEntry("manages", false).containsEntry("importsUsers", false);
        assertThat(anonymous.withBasicAuth("admin", "Thu-Nghiem-2030").exchange("/api/office/session", HttpMethod.GET, null,
                JSON).getBody()).containsEntry("manages", true).containsEntry("importsUsers", true);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        STORED.forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        return counts;
    }

    private ResponseEntity<Map<String, Object>> preview(String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/yaml"));
        return as("vp.bdv").exchange("/api/plans/preview", HttpMethod.POST,
                new HttpEntity<>(yaml.getBytes(StandardCharsets.UTF_8), headers), JSON);
    }

    /** A three-level plan whose figure on line 25 is part of the figure the caller names. */
    private static String plan(String number, String title) {
        return """
                number: %s
                title: %s
                issuer: Ban Thường vụ Tỉnh ủy
                year: 2030
                organisingGroup: bdv-tu
                levels:
                  - key: PROVINCE
                    name: cấp tỉnh
                    issuesGuidance: true
                    deadlines: { guidance: 30/03, subordinates: 10/11, report: 30/11 }
                  - key: DISTRICT
                    name: cấp huyện
                    issuesGuidance: true
                    deadlines: { guidance: 30/03, subordinates: 30/09, report: 30/10 }
                  - key: BASE
                    name: cấp cơ sở
                    deadlines: { report: 30/09 }
                sections:
                  - { key: ketQua, title: Kết quả }
                annex:
                  groups:
                    - title: Số liệu
                      indicators:
                        - { key: soNguoi, label: Số người, unit: người }
                        - { key: moi, label: Trong đó mới, unit: người, partOf: khong }
                """.formatted(number, title);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, PASSWORD);
    }
}
