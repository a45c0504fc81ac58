package vn.reviewcascade.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.TestDocuments;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over HTTP, with its authentication filter: what callers get for good and for bad input. */
class ReviewApiTest extends CascadeTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired TestRestTemplate anonymous;
    TestRestTemplate http;

    @BeforeEach
    void logIn() {
        http = anonymous.withBasicAuth("admin", "Thu-Nghiem-2030");
    }

    @Test
    void bothApisRefuseRequestsWithoutValidCredentials() {
        assertThat(anonymous.getForEntity("/api/units", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.withBasicAuth("nobody", "wrong").getForEntity("/api/units", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task?maxResults=10", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .as("queryMaxResultsLimit: an unbounded query is refused").isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void unitsAreServedAsATree() {
        Map<String, Object> tree = http.exchange("/api/units", HttpMethod.GET, null, JSON).getBody();
        assertThat((List<Map<String, Object>>) tree.get("levels")).extracting(level -> level.get("key"))
                .containsExactly("PROVINCE", "DISTRICT", "BASE");
        Map<String, Object> province = ((List<Map<String, Object>>) tree.get("roots")).stream().filter(unit -> unit.get("code").equals("TU")).findFirst().orElseThrow();
        assertThat(province.get("name")).isEqualTo("Tỉnh ủy thử nghiệm");
        assertThat((List<Map<String, Object>>) province.get("children")).extracting(unit -> unit.get("code"))
                .containsExactly("VL", "CC");
    }

    @Test
    void aCampaignStartsFromTheTemplateAndReportsItsUnits() {
        ResponseEntity<Map<String, Object>> created = http.exchange("/api/campaigns", HttpMethod.POST,
                json(Map.of("plan", "117-KH/TU", "rootUnit", "VL", "year", 2031,
                        "deadlines", Map.of("BASE", Map.of("report", "2031-09-25"),
                                "DISTRICT", Map.of("report", "2031-10-29T17:00:00+07:00")))), JSON);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Number id = (Number) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/campaigns/" + id);

        Map<String, Object> campaign = http.exchange("/api/campaigns/" + id, HttpMethod.GET, null, JSON).getBody();
        assertThat(campaign.get("planNumber")).isEqualTo("117-KH/TU");
        assertThat(campaign).containsEntry("planVersion", 1).containsEntry("year", 2031).containsEntry("organisingGroup", "bdv-tu");
        Map<String, Map<String, Object>> deadlines = (Map<String, Map<String, Object>>) campaign.get("deadlines");
        assertThat(deadlines).containsOnlyKeys("DISTRICT", "BASE");
        assertThat(deadlines.get("BASE")).containsExactly(Map.entry("report", "2031-09-25T16:59:59Z"));
        assertThat(deadlines.get("DISTRICT")).containsEntry("report", "2031-10-29T10:00:00Z")
                .containsEntry("subordinates", "2031-09-30T16:59:59Z").containsEntry("guidance", "2031-03-30T16:59:59Z");
        Map<String, Object> progress = (Map<String, Object>) campaign.get("progress");
        assertThat(progress).containsEntry("units", 4).containsEntry("overdue", 0);
        assertThat((Map<String, Object>) progress.get("countsByStatus")).containsEntry("NOT_STARTED", 4).containsEntry("SUBMITTED", 0);

        runJobs(campaigns.find(id.longValue()));
        Map<String, Object> page = http.exchange("/api/campaigns/" + id + "/units", HttpMethod.GET, null, JSON).getBody();
        List<Map<String, Object>> units = (List<Map<String, Object>>) page.get("items");
        assertThat(page).containsEntry("total", 4).containsEntry("page", 0);
        assertThat(units).extracting(unit -> unit.get("unitCode") + ":" + unit.get("status")).containsExactly(
                "VL:DRAFTING_GUIDANCE", "VL-A:WAITING_FOR_GUIDANCE", "VL-B:WAITING_FOR_GUIDANCE", "VL-C:WAITING_FOR_GUIDANCE");
        assertThat(units.get(1)).containsEntry("overdue", false).containsEntry("statusLabel", "Chờ hướng dẫn của cấp trên");

        Map<String, Object> second = http.exchange("/api/campaigns/" + id + "/units?size=2&page=1", HttpMethod.GET, null,
                JSON).getBody();
        assertThat(second).containsEntry("total", 4).containsEntry("size", 2);
        assertThat((List<Map<String, Object>>) second.get("items")).extracting(unit -> unit.get("unitCode"))
                .containsExactly("VL-B", "VL-C");
        Map<String, Object> found = http.exchange("/api/campaigns/" + id + "/units?q=CHẤP&level=BASE", HttpMethod.GET,
                null, JSON).getBody();
        assertThat((List<Map<String, Object>>) found.get("items")).extracting(unit -> unit.get("unitName"))
                .as("found by a word of its name, in any case").containsExactly("Đảng ủy xã Vĩnh Chấp");
    }

    @Test
    void aWrongCampaignRequestNamesEveryWrongFieldAndStartsNothing() {
        int before = campaigns.findAll().size();

        Map<String, Object> body = error(http.exchange("/api/campaigns", HttpMethod.POST,
                json(Map.of("plan", "999-KH/TU", "rootUnit", "NOWHERE", "year", 1800)), JSON), HttpStatus.BAD_REQUEST);
        assertThat(fields(body)).containsExactly("plan", "rootUnit", "year");
        assertThat(messages(body)).anyMatch(m -> m.contains("Không có kế hoạch '999-KH/TU'; có: 117-KH/TU, 900-KH/TU"));

        body = error(http.exchange("/api/campaigns", HttpMethod.POST, json(Map.of("plan", "117-KH/TU", "rootUnit", "VL",
                "year", 2031, "deadlines", Map.of("BASE", Map.of("report", "2031-11-05")))), JSON), HttpStatus.BAD_REQUEST);
        assertThat(fields(body)).containsExactly("deadlines.DISTRICT.subordinates");
        assertThat(messages(body)).singleElement().asString().contains("Hạn nhận báo cáo của cấp dưới của cấp huyện (23:59 ngày "
                + "30/09/2031) không được sớm hơn hạn báo cáo của cấp cơ sở (23:59 ngày 05/11/2031)");

        body = error(http.exchange("/api/campaigns", HttpMethod.POST, json(Map.of("plan", "117-KH/TU", "rootUnit", "VL",
                "year", 2031, "deadlines", Map.of("BASE", Map.of("report", "30/09/2031", "final", "2031-12-01")))), JSON),
                HttpStatus.BAD_REQUEST);
        assertThat(fields(body)).containsExactlyInAnyOrder("deadlines.BASE.report", "deadlines.BASE.final");

        assertThat(http.exchange("/api/campaigns", HttpMethod.POST, json("{\"plan\": "), JSON).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(campaigns.findAll()).hasSize(before);
    }

    @Test
    void aReportIsSavedThroughTheApiAndBadFiguresAreRefusedFieldByFieldWithNothingStored() {
        Campaign campaign = start("CC");
        String url = "/api/campaigns/" + campaign.id() + "/units/CC/report";

        Map<String, Object> body = error(http.exchange(url, HttpMethod.PUT, json(Map.of(
                "sections", Map.of("section1", "Trước Đề án có 2 tổ chức đảng.", "section7", "?"),
                "figures", Map.of("partyMembers", -1, "newPartyMembers", "mười", "youthMembers", 1.5, "profit", 3))), JSON),
                HttpStatus.BAD_REQUEST);
        assertThat(fields(body)).containsExactlyInAnyOrder("section7", "partyMembers", "newPartyMembers", "youthMembers", "profit");
        assertThat(messages(body)).contains("\"Đảng viên trong doanh nghiệp\" không được là số âm (-1)",
                "\"Đoàn viên thanh niên\" phải là số nguyên, không được có phần lẻ (1.5)");

        body = error(http.exchange(url, HttpMethod.PUT, json(Map.of("figures", Map.of("partyMembers", 10, "newPartyMembers", 12))),
                JSON), HttpStatus.BAD_REQUEST);
        assertThat(messages(body)).containsExactly(
                "\"Đảng viên kết nạp mới trong kỳ\" (12) không được lớn hơn \"Đảng viên trong doanh nghiệp\" (10)");
        Map<String, Object> report = http.exchange(url, HttpMethod.GET, null, JSON).getBody();
        assertThat((Map<String, Object>) report.get("figures")).isEmpty();
        assertThat((Map<String, Object>) report.get("sections")).isEmpty();

        error(http.exchange(url, HttpMethod.PUT, json(Map.of("figure", Map.of())), JSON), HttpStatus.BAD_REQUEST);

        report = http.exchange(url, HttpMethod.PUT, json(Map.of("sections", Map.of("section1", "Trước Đề án có 2 tổ chức đảng."),
                "figures", Map.of("partyMembers", 10, "newPartyMembers", 3))), JSON).getBody();
        assertThat((Map<String, Object>) report.get("figures")).containsEntry("partyMembers", 10).containsEntry("newPartyMembers", 3);
        assertThat((Map<String, Object>) report.get("sections")).containsEntry("section1", "Trước Đề án có 2 tổ chức đảng.");

        assertThat(http.exchange("/api/campaigns/999999/units/CC/report", HttpMethod.GET, null, JSON).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theDraftTaskIsCompletedThroughEngineRestOnlyWithoutVariablesOnceTheSavedDraftIsComplete() {
        Campaign campaign = start("CC");
        Task draft = task(campaign, "CC", "DraftDocument");
        String complete = "/engine-rest/task/" + draft.getId() + "/complete";

        ResponseEntity<Map<String, Object>> refused = http.exchange(complete, HttpMethod.POST, json(Map.of("variables", Map.of(
                "partyMembers", Map.of("value", 10, "type", "Long")))), JSON);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).as("an input kept as a process variable is refused")
                .contains("Việc này hoàn thành qua biểu mẫu của hệ thống");
        assertThat(fields(refused.getBody())).containsExactly("partyMembers");

        Map<String, Object> variables = new java.util.HashMap<>();
        draft(1).forEach((key, value) -> variables.put(key, transientValue(value)));
        refused = http.exchange(complete, HttpMethod.POST, json(Map.of("variables", variables)), JSON);
        assertThat(refused.getStatusCode()).as("a whole draft sent as transient variables is refused too")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("không nhận biến nào, kể cả biến tạm");
        assertThat(task(campaign, "CC", "DraftDocument")).as("the task stays open").isNotNull();
        assertThat(reportService.view(campaign.id(), "CC").figures()).as("nothing stored").isEmpty();

        refused = http.exchange(complete, HttpMethod.POST, json(Map.of()), JSON);
        assertThat(refused.getStatusCode()).as("no variable, but nothing saved").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused.getBody())).contains("section1", "partyMembers");
        assertThat(task(campaign, "CC", "DraftDocument")).as("the task stays open").isNotNull();

        Map<String, Object> sections = new java.util.HashMap<>();
        Map<String, Object> figures = new java.util.HashMap<>();
        draft(1).forEach((key, value) -> (value instanceof String ? sections : figures).put(key, value));
        assertThat(http.exchange("/api/campaigns/" + campaign.id() + "/units/CC/report", HttpMethod.PUT,
                json(Map.of("sections", sections, "figures", figures)), JSON).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.exchange(complete, HttpMethod.POST, json(Map.of()), JSON).getStatusCode())
                .as("the draft saved through the application, the task completes with nothing more").isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(task(campaign, "CC", "ReviewDraft")).isNotNull();
        assertThat(reportService.view(campaign.id(), "CC").figures()).containsEntry("partyMembers", 10L);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(draft.getProcessInstanceId()).count())
                .as("the engine keeps no copy of the report, neither as a variable nor in history").isZero();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(draft.getProcessInstanceId()).count()).isZero();

        ResponseEntity<Map<String, Object>> locked = http.exchange("/api/campaigns/" + campaign.id() + "/units/CC/report",
                HttpMethod.PUT, json(Map.of("figures", Map.of("partyMembers", 11))), JSON);
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) locked.getBody().get("message")).contains("Đang thẩm định báo cáo");
    }

    private static Map<String, Object> transientValue(Object value) {
        return Map.of("value", value, "valueInfo", Map.of("transient", true));
    }

    @Test
    void aReportCarriesAPdfOrDocxDocumentOnly() {
        Campaign campaign = start("CC");
        String url = "/api/campaigns/" + campaign.id() + "/units/CC/report/document";

        Map<String, Object> body = error(upload(url, "bao-cao.txt", "không phải PDF".getBytes(StandardCharsets.UTF_8)),
                HttpStatus.BAD_REQUEST);
        assertThat(fields(body)).containsExactly("document");
        assertThat(messages(body)).singleElement().asString().contains("Chỉ nhận tệp PDF (.pdf) hoặc Word (.docx)");
        error(upload(url, "gia-mao.pdf", "PK not a pdf".getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        byte[] pdf = TestDocuments.pdf();
        assertThat(upload(url, "Báo cáo sơ kết.pdf", pdf).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<byte[]> download = http.getForEntity(url, byte[].class);
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        Map<String, Object> report = http.exchange("/api/campaigns/" + campaign.id() + "/units/CC/report", HttpMethod.GET, null, JSON).getBody();
        assertThat((Map<String, Object>) report.get("document")).containsEntry("fileName", "Báo cáo sơ kết.pdf").containsEntry("uploadedBy", "admin");
    }

    private ResponseEntity<Map<String, Object>> upload(String url, String fileName, byte[] content) {
        return http.exchange(url, HttpMethod.PUT, fileUpload(fileName, content), JSON);
    }


    private static Map<String, Object> error(ResponseEntity<Map<String, Object>> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> body) {
        return ((List<Map<String, String>>) body.get("errors")).stream().map(e -> e.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(Map<String, Object> body) {
        return ((List<Map<String, String>>) body.get("errors")).stream().map(e -> e.get("message")).toList();
    }
}
