package vn.reviewcascade.dashboard;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard API over HTTP on a small campaign (Vĩnh Linh and its three base units) in which one base unit
 * reported on time, one late after its district consolidated, one is overdue and the district has not reported yet.
 */
class DashboardApiTest extends CascadeTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String PASSWORD = "Bang-Theo-Doi-2030";

    @Autowired TestRestTemplate anonymous;
    TestRestTemplate observer;
    TestRestTemplate baseUnit;
    Campaign campaign;

    @BeforeEach
    void campaignWithEveryState() {
        // User ids of their own ("db."): other test classes share the context.
        user("db.bdv", "db.bdv@test.vn", PASSWORD, "bdv-tu");
        user("db.a.kd", "db.a.kd@test.vn", PASSWORD, "VL-A.signers");
        observer = anonymous.withBasicAuth("db.bdv", PASSWORD);
        baseUnit = anonymous.withBasicAuth("db.a.kd", PASSWORD);

        campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        runJobs(campaign);
        // The base deadline (30/9) passes: VL-B and VL-C are escalated, Vĩnh Linh consolidates what it has.
        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobs(campaign);
        moveClockTo("2030-10-05T09:00:00+07:00");
        submitReport(campaign, "VL-B", draft(2));
        runJobs(campaign);
    }

    @Test
    void ratesCountEachLevelAndEachUnitWaitingForReports() {
        Map<String, Object> rates = get(observer, "/rates");
        assertThat(rates).containsEntry("scopeUnit", "VL").containsEntry("scopeName", "Huyện ủy Vĩnh Linh");
        assertThat(rates.get("total")).isEqualTo(counts(4, 1, 1, 1, 1));
        List<Map<String, Object>> levels = list(rates.get("levels"));
        assertThat(levels).extracting(level -> level.get("level")).containsExactly("DISTRICT", "BASE");
        assertThat(levels.get(0).get("rates")).isEqualTo(counts(1, 0, 0, 1, 0));
        assertThat(levels.get(1).get("rates")).isEqualTo(counts(3, 1, 1, 0, 1));
        assertThat(levels.get(1).get("reportDue")).isEqualTo("2030-09-30T16:59:59Z");

        Map<String, Object> parents = map(rates.get("parents"));
        assertThat(parents).containsEntry("total", 1).containsEntry("page", 0);
        assertThat(list(parents.get("items"))).singleElement().satisfies(parent -> {
            assertThat(parent).containsEntry("unitCode", "VL").containsEntry("levelName", "cấp huyện");
            assertThat(parent.get("rates")).isEqualTo(counts(3, 1, 1, 0, 1));
        });
        assertThat(map(get(observer, "/rates?size=100000").get("parents"))).as("the page size is capped")
                .containsEntry("size", 200);
    }

    @Test
    void drillDownShowsTheUnitItsOpenTaskItsSubordinatesAndTheFiguresRolledUp() {
        Map<String, Object> view = get(observer, "/units/VL/dashboard?size=2");
        Map<String, Object> node = map(view.get("node"));
        assertThat(node).containsEntry("unitName", "Huyện ủy Vĩnh Linh").containsEntry("status", "DRAFTING")
                .containsEntry("statusLabel", "Đang dự thảo báo cáo").containsEntry("daysLeft", 25)
                .containsEntry("deadlineWords", "còn 25 ngày").containsEntry("subordinates", 3);
        assertThat(node.get("subordinateRates")).isEqualTo(counts(3, 1, 1, 0, 1));
        Map<String, Object> task = map(node.get("openTask"));
        assertThat(task).containsEntry("document", "REPORT").doesNotContainKey("assignee");
        assertThat((List<String>) task.get("candidates")).as("ids, for programs").containsExactly("VL.drafters");
        assertThat((List<String>) task.get("candidateNames")).as("the group by role and unit, never its id")
                .containsExactly("Chuyên viên dự thảo – Huyện ủy Vĩnh Linh");
        assertThat(list(view.get("path"))).isEmpty();

        // Once someone takes the task, the board reads who, by name.
        person("db.vl.dt", "Mai", "Trần Thị");
        taskService.claim(task.get("taskId").toString(), "db.vl.dt");
        Map<String, Object> claimed = map(map(get(observer, "/units/VL/dashboard?size=2").get("node")).get("openTask"));
        assertThat(claimed).containsEntry("assignee", "db.vl.dt").containsEntry("assigneeName", "Trần Thị Mai");

        Map<String, Object> children = map(view.get("children"));
        assertThat(children).containsEntry("total", 3).containsEntry("size", 2);
        List<Map<String, Object>> items = list(children.get("items"));
        assertThat(items).extracting(child -> child.get("unitCode") + ":" + child.get("deadlineWords")
                + ":" + child.get("overdue")).containsExactly("VL-A:nộp đúng hạn:false", "VL-B:nộp muộn 5 ngày:false");
        assertThat(items.get(0).get("documentNumber")).asString().endsWith("-BC/ĐU");
        assertThat(list(map(get(observer, "/units/VL/dashboard?size=2&page=1").get("children")).get("items")))
                .singleElement().satisfies(child -> assertThat(child).containsEntry("unitCode", "VL-C")
                        .containsEntry("overdue", true).containsEntry("daysLeft", -5)
                        .containsEntry("deadlineWords", "quá hạn 4 ngày 9 giờ"));

        // draft(n) gives every whole figure 10 n: Vĩnh Linh consolidated VL-A's 10; VL-B's 20 came after.
        Map<String, Object> members = list(view.get("figures")).stream()
                .filter(line -> line.get("key").equals("partyMembers")).findFirst().orElseThrow();
        assertThat(members).containsEntry("own", 10).containsEntry("subordinates", 30).containsEntry("difference", -20)
                .containsEntry("lateAddition", 20);
        assertThat(list(view.get("contributions"))).extracting(c -> c.get("unitCode") + ":" + c.get("lateAddition")
                + ":" + map(c.get("figures")).get("partyMembers")).containsExactly("VL-A:false:10", "VL-B:true:20");
    }

    @Test
    void theRatesTablesExportAsAWorkbook() throws Exception {
        ResponseEntity<byte[]> response = observer.getForEntity("/api/campaigns/" + campaign.id() + "/rates.xlsx", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("ti-le-bao-cao-dot-" + campaign.id() + "-VL.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet levels = workbook.getSheet("Theo cấp");
            assertThat(levels.getRow(0).getCell(0).getStringCellValue()).startsWith("Tỉ lệ báo cáo – Huyện ủy Vĩnh Linh");
            assertThat(levels.getRow(3).getCell(0).getStringCellValue()).isEqualTo("cấp cơ sở");
            assertThat(List.of(2, 3, 4, 5, 6, 7)).extracting(column -> levels.getRow(3).getCell(column).getNumericCellValue())
                    .containsExactly(3.0, 1.0, 1.0, 0.0, 1.0, 66.7);
            Sheet units = workbook.getSheet("Theo đơn vị nhận báo cáo");
            assertThat(units.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Huyện ủy Vĩnh Linh");
            assertThat(units.getLastRowNum()).isEqualTo(2);
        }
        assertThat(baseUnit.getForEntity("/api/campaigns/" + campaign.id() + "/rates.xlsx?unit=VL-B", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void submissionsAreCumulatedPerLevelAndDay() {
        List<Map<String, Object>> levels = observer.exchange("/api/campaigns/" + campaign.id() + "/submissions",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).getBody();
        assertThat(levels).extracting(level -> level.get("level")).containsExactly("DISTRICT", "BASE");
        assertThat(levels.get(0)).containsEntry("expected", 1).containsEntry("days", List.of());
        assertThat(levels.get(1)).containsEntry("expected", 3).containsEntry("reportDueDay", "2030-09-30");
        List<Map<String, Object>> days = list(levels.get(1).get("days"));
        assertThat(days).extracting(day -> day.get("cumulative")).containsExactly(1, 2);
        assertThat(days.get(1)).containsEntry("day", "2030-10-05").containsEntry("submitted", 1);
    }

    @Test
    void aBaseUnitSeesItsOwnUnitOnlyAndNeverASibling() {
        Map<String, Object> own = get(baseUnit, "/rates");
        assertThat(own).containsEntry("scopeUnit", "VL-A");
        assertThat(own.get("total")).isEqualTo(counts(1, 1, 0, 0, 0));
        Map<String, Object> view = get(baseUnit, "/units/VL-A/dashboard");
        assertThat(list(view.get("path"))).as("its district is not its to see").isEmpty();
        assertThat(map(view.get("node"))).containsEntry("subordinates", 0);

        for (String path : List.of("/units/VL-B/dashboard", "/units/VL/dashboard", "/rates?unit=VL-B", "/submissions?unit=VL")) {
            ResponseEntity<Map<String, Object>> refused = baseUnit.exchange("/api/campaigns/" + campaign.id() + path,
                    HttpMethod.GET, null, JSON);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("message")).asString().startsWith("Bạn không có quyền xem tiến độ của ");
        }
        assertThat(anonymous.getForEntity("/api/campaigns/" + campaign.id() + "/rates", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(observer.exchange("/api/campaigns/" + campaign.id() + "/units/NOWHERE/dashboard", HttpMethod.GET,
                null, JSON).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCampaignEndedEarlyCountsNoTimeForTheUnitsThatNeverReported() {
        ResponseEntity<Map<String, Object>> ended = observer.exchange("/api/campaigns/" + campaign.id() + "/end",
                HttpMethod.POST, new HttpEntity<>(Map.of("reason", "Đợt mở nhầm kế hoạch.")), JSON);
        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, Object> view = get(observer, "/units/VL/dashboard");
        assertThat(map(view.get("node"))).containsEntry("status", "ENDED")
                .containsEntry("statusLabel", "Dừng do đợt đã kết thúc")
                .containsEntry("deadlineWords", "không phải nộp nữa (đợt đã kết thúc)").doesNotContainKey("daysLeft");
        // The reports sent before the end keep their words; the one never sent says it is no longer awaited.
        assertThat(list(map(view.get("children")).get("items"))).extracting(child -> child.get("unitCode") + ":"
                + child.get("status") + ":" + child.get("deadlineWords")).containsExactly(
                "VL-A:SUBMITTED:nộp đúng hạn", "VL-B:SUBMITTED:nộp muộn 5 ngày",
                "VL-C:ENDED:không phải nộp nữa (đợt đã kết thúc)");
        // The page reads the end (when and why) from the campaign's summary.
        assertThat(map(get(observer, "").get("ended"))).containsEntry("reason", "Đợt mở nhầm kế hoạch.")
                .containsKey("endedAt");
    }

    private Map<String, Object> get(TestRestTemplate http, String path) {
        ResponseEntity<Map<String, Object>> response = http.exchange("/api/campaigns/" + campaign.id() + path,
                HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Map<String, Object> counts(int expected, int onTime, int late, int notYet, int overdue) {
        return Map.of("expected", expected, "onTime", onTime, "late", late, "notYet", notYet, "overdue", overdue);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
