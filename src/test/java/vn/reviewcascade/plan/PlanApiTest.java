package vn.reviewcascade.plan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.StartCampaign;
import vn.reviewcascade.report.ReportValidator;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans added without a release, through the API, checked whole; a campaign keeps the version it started with. */
class PlanApiTest extends CascadeTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String PASSWORD = "Mat-Khau-Ke-Hoach-1";

    @Autowired TestRestTemplate anonymous;
    @Autowired PlanCatalog plans;

    @BeforeEach
    void users() {
        user("pl.bdv", "pl.bdv@tinhuy.test", PASSWORD, "bdv-tu");
        user("pl.vl.dt", "pl.vl.dt@vinhlinh.test", PASSWORD, "VL.drafters");
    }

    @Test
    void everySignedInUserListsThePlansAndReadsTheirFiles() {
        List<Map<String, Object>> listed = as("pl.vl.dt").exchange("/api/plans", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).getBody();
        assertThat(listed).extracting(plan -> plan.get("number") + "#" + plan.get("version"))
                .contains("117-KH/TU#1", "900-KH/TU#1");
        String file = as("pl.vl.dt").getForObject("/api/plans/file?number=117-KH/TU&version=1", String.class);
        assertThat(file).contains("number: 117-KH/TU", "Đảng viên kết nạp mới trong kỳ");
        Map<String, Object> plan = as("pl.vl.dt").exchange("/api/plans/plan?number=900-KH/TU&version=1", HttpMethod.GET,
                null, JSON).getBody();
        assertThat((List<?>) plan.get("sections")).hasSize(4);
        assertThat(anonymous.getForEntity("/api/plans", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("pl.vl.dt").getForEntity("/api/plans/file?number=117-KH/TU&version=9", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAdministratorsAndOrganisingBoardsRegisterPlans() {
        ResponseEntity<Map<String, Object>> refused = post("pl.vl.dt", plan("910-KH/TU", "Kế hoạch thử quyền", "30/09"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(plans.versions("910-KH/TU")).isEmpty();
        assertThat(post("pl.bdv", plan("910-KH/TU", "Kế hoạch thử quyền", "30/09")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aBadPlanFileIsRefusedWithEveryProblemAndItsLineAndNothingIsStored() {
        int before = plans.versions().size();
        String bad = """
                number: 911-KH/TU
                title: Kế hoạch sai
                issuer: Ban Thường vụ Tỉnh ủy
                year: 2030
                organisingGroup: bdv-tu
                levels:
                  - key: PROVINCE
                    name: cấp tỉnh
                    issuesGuidance: true
                    deadlines: { guidance: 30/03, subordinates: 10/11, report: 30/11 }
                  - key: COMMUNE
                    name: cấp xã
                    deadlines: { report: 20/11 }
                sections:
                  - { key: ketQua, title: Kết quả }
                annex:
                  groups:
                    - title: Số liệu
                      indicators:
                        - { key: a, label: A, partOf: b }
                        - { key: b, label: B, partOf: a }
                        - { key: a, label: A lần hai }
                        - { key: c, label: C, partOf: khong }
                """;
        ResponseEntity<Map<String, Object>> response = post("pl.bdv", bad);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message")).isEqualTo("Tệp kế hoạch không dùng được; không có gì được lưu");
        assertThat(messages(response)).containsExactlyInAnyOrder(
                "Dòng 11: cấp 'COMMUNE' không có trong cây đơn vị của hệ thống (có: PROVINCE, DISTRICT, BASE)",
                "Dòng 10: Hạn nhận báo cáo của cấp dưới của cấp tỉnh (10/11) không được sớm hơn hạn báo cáo của cấp xã (20/11)",
                "Dòng 22: mã chỉ tiêu 'a' bị trùng với dòng 20",
                "Dòng 23: chỉ tiêu 'c' là phần của 'khong', nhưng không có chỉ tiêu 'khong'",
                "Dòng 20: chỉ tiêu 'a' nằm trong một vòng lặp 'phần của' (partOf)",
                "Dòng 21: chỉ tiêu 'b' nằm trong một vòng lặp 'phần của' (partOf)");
        assertThat(plans.versions()).hasSize(before);

        ResponseEntity<Map<String, Object>> notYaml = post("pl.bdv", "number: [1, 2\n");
        assertThat(messages(notYaml)).singleElement().asString().startsWith("Dòng 2: không phải YAML đúng cú pháp");
        ResponseEntity<Map<String, Object>> notUtf8 = exchange("pl.bdv", new HttpEntity<>(new byte[] {(byte) 0xC3, 0x28},
                headers(MediaType.valueOf("application/yaml"))));
        assertThat(notUtf8.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messages(notUtf8)).singleElement().asString().startsWith("Tệp kế hoạch không phải UTF-8 (dòng ");
        ResponseEntity<Map<String, Object>> foreignBoard = post("pl.bdv",
                plan("912-KH/TU", "Kế hoạch của ban khác", "30/09").replace("organisingGroup: bdv-tu", "organisingGroup: VL.drafters"));
        assertThat(messages(foreignBoard)).singleElement().asString()
                .startsWith("Cơ quan chủ trì 'VL.drafters' (organisingGroup) không phải một ban theo dõi mọi đơn vị");
        assertThat(plans.versions()).hasSize(before);
    }

    @Test
    void aNewVersionNeverChangesARunningCampaign() {
        ResponseEntity<Map<String, Object>> first = post("pl.bdv", plan("913-KH/TU", "Kế hoạch thử phiên bản", "30/09"));
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("number", "913-KH/TU").containsEntry("version", 1);
        assertThat(first.getHeaders().getLocation()).hasToString("/api/plans/file?number=913-KH/TU&version=1");
        assertThat(post("pl.bdv", plan("913-KH/TU", "Kế hoạch thử phiên bản", "30/09")).getStatusCode())
                .as("the same file again registers nothing").isEqualTo(HttpStatus.OK);
        Campaign running = campaigns.start(StartCampaign.of("913-KH/TU", "Đợt theo phiên bản 1", "VL", YEAR), "tester");

        String second = plan("913-KH/TU", "Kế hoạch thử phiên bản", "25/09").replace("  - { key: ketQua, title: Kết quả }",
                "  - { key: ketQua, title: Kết quả }\n  - { key: kienNghi, title: Kiến nghị }");
        assertThat(second).contains("kienNghi");
        ResponseEntity<Map<String, Object>> upload = upload("pl.bdv", second);
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(upload.getBody()).containsEntry("version", 2);

        Campaign reread = campaigns.find(running.id());
        assertThat(reread.plan().version()).isEqualTo(1);
        assertThat(reread.deadlines().reportDue("BASE")).isEqualTo(running.deadlines().reportDue("BASE"));
        assertThatThrownBy(() -> ReportValidator.parse(reread.plan(), Map.of("kienNghi", "x"), Map.of()))
                .isInstanceOf(InvalidInputException.class);
        Campaign next = campaigns.start(StartCampaign.of("913-KH/TU", "Đợt theo phiên bản 2", "VL", YEAR), "tester");
        assertThat(next.plan().version()).isEqualTo(2);
        assertThat(ReportValidator.parse(next.plan(), Map.of("kienNghi", "x"), Map.of()).sections()).containsKey("kienNghi");
        assertThat(next.deadlines().reportDue("BASE")).isBefore(running.deadlines().reportDue("BASE"));
    }

    /** A level whose units write no guidance: the units below start drafting at once, nobody waits for a signal. */
    @Test
    void aLevelWithoutGuidanceLetsTheLevelBelowDraftAtOnce() {
        String withoutGuidance = plan("914-KH/TU", "Kế hoạch không hướng dẫn", "30/09")
                .replace("    issuesGuidance: true\n    deadlines: { guidance: 30/03, subordinates: 30/09, report: 30/10 }",
                        "    deadlines: { subordinates: 30/09, report: 30/10 }");
        assertThat(withoutGuidance).contains("    deadlines: { subordinates: 30/09, report: 30/10 }");
        assertThat(post("pl.bdv", withoutGuidance).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Campaign campaign = start("914-KH/TU", "VL", null);
        assertThat(reports.find(campaign.id(), "VL").orElseThrow().status()).isEqualTo(UnitStatus.WAITING_FOR_SUBORDINATES);
        assertThat(reports.find(campaign.id(), "VL-A").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        assertThat(unitProcess(campaign, "VL")).satisfies(instance -> assertThat(historyService
                .createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId("IssueGuidance").count())
                .isZero());
        for (String base : List.of("VL-A", "VL-B", "VL-C")) {
            complete(campaign, base, "DraftDocument", Map.of("ketQua", "Đã làm.", "soNguoi", 4));
            approve(campaign, base, "ReviewDraft");
            approve(campaign, base, "SignDocument");
        }
        runJobs(campaign);
        assertThat(reportService.view(campaign.id(), "VL").figures()).containsEntry("soNguoi", 12L);
    }

    /** A small plan over the test tree's levels, its base report due on the given day. */
    private static String plan(String number, String title, String baseReport) {
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
                    deadlines: { report: %s }
                sections:
                  - { key: ketQua, title: Kết quả }
                annex:
                  groups:
                    - title: Số liệu
                      indicators:
                        - { key: soNguoi, label: Số người, unit: người }
                """.formatted(number, title, baseReport);
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, PASSWORD);
    }

    private ResponseEntity<Map<String, Object>> post(String user, String yaml) {
        return exchange(user, new HttpEntity<>(yaml.getBytes(StandardCharsets.UTF_8), headers(MediaType.valueOf("application/yaml"))));
    }

    private ResponseEntity<Map<String, Object>> upload(String user, String yaml) {
        return exchange(user, fileUpload("ke-hoach.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private ResponseEntity<Map<String, Object>> exchange(String user, HttpEntity<?> request) {
        return as(user).exchange("/api/plans", HttpMethod.POST, request, JSON);
    }

    private static HttpHeaders headers(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return headers;
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(ResponseEntity<Map<String, Object>> response) {
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("message")).toList();
    }
}
