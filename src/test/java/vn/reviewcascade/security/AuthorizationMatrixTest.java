package vn.reviewcascade.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.GuidanceService;
import vn.reviewcascade.report.ReportValidator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles × units (own, sibling, child, parent) × actions (read the report through /api, list tasks, claim and
 * complete through /engine-rest, the draft saved beforehand), each with the status the user must get. Run over HTTP with each user's own
 * credentials, so the authentication filter, the engine's authorizations and the API's checks all take part.
 */
class AuthorizationMatrixTest extends CascadeTestSupport {

    private static final String PASSWORD = "Mat-Khau-Thu-2030";
    // User ids of their own ("mx."): other test classes share the context and create users with other passwords.

    @Autowired TestRestTemplate anonymous;
    @Autowired GuidanceService guidanceService;
    @Autowired JdbcTemplate jdbc;

    private Campaign fresh;
    private Campaign running;

    private record Case(String user, String action, String target, int expected) {
    }

    @BeforeEach
    void usersAndTwoCampaigns() {
        user("mx.a.dt", "VL-A.drafters");
        user("mx.a.td", "VL-A.reviewers");
        user("mx.b.dt", "VL-B.drafters");
        user("mx.vl.dt", "VL.drafters");
        user("mx.vl.td", "VL.reviewers");
        user("mx.cc.dt", "CC.drafters");
        user("mx.bdv", "bdv-tu");
        // TU issues nothing yet: its guidance task is open.
        fresh = start("TU");
        // TU's guidance is out, VL's is still being drafted, and past the guidance deadline every base unit drafts.
        running = start("TU");
        issueGuidance(running, "TU");
        moveClockTo("2030-04-01T00:00:00+07:00");
        runJobs(running);
    }

    @Test
    void everyRoleSeesAndWorksOnlyWhatItsUnitAndRoleCover() {
        List<Case> cases = List.of(
                // Reports through /api: own unit, units below, never siblings or parents.
                new Case("mx.a.dt", "read", "VL-A", 200), new Case("mx.a.dt", "read", "VL-B", 403), new Case("mx.a.dt", "read", "VL", 403),
                new Case("mx.a.td", "read", "VL-A", 200), new Case("mx.a.td", "read", "VL-C", 403),
                new Case("mx.vl.dt", "read", "VL", 200), new Case("mx.vl.dt", "read", "CC", 403), new Case("mx.vl.dt", "read", "VL-A", 200),
                new Case("mx.vl.dt", "read", "TU", 403),
                new Case("mx.vl.td", "read", "VL", 200), new Case("mx.vl.td", "read", "VL-B", 200), new Case("mx.vl.td", "read", "CC-none", 404),
                new Case("mx.bdv", "read", "VL-A", 200), new Case("mx.bdv", "read", "CC", 200), new Case("mx.bdv", "read", "TU", 200),
                // Written documents (here drafts, rendered): whoever reads the report, nobody else.
                new Case("mx.a.dt", "document", "VL-A", 200), new Case("mx.a.dt", "document", "VL-B", 403),
                new Case("mx.a.dt", "document", "VL", 403), new Case("mx.vl.td", "document", "VL-B", 200),
                new Case("mx.vl.dt", "document", "CC", 403), new Case("mx.bdv", "document", "CC", 200),
                // Document registers: own unit and units below, never siblings or parents; observers every unit.
                new Case("mx.a.dt", "register", "VL-A", 200), new Case("mx.a.dt", "register", "VL-B", 403),
                new Case("mx.a.dt", "register", "VL", 403), new Case("mx.vl.td", "register", "VL-B", 200),
                new Case("mx.vl.td", "register", "CC", 403), new Case("mx.vl.dt", "register", "TU", 403),
                new Case("mx.bdv", "register", "CC", 200), new Case("mx.bdv", "register", "TU", 200),
                // Tasks listed through /engine-rest: own unit and role; parent reviewers also see (only see) subordinates'.
                new Case("mx.a.dt", "list", "VL-A", 1), new Case("mx.a.dt", "list", "VL-B", 0), new Case("mx.a.dt", "list", "VL", 0),
                new Case("mx.a.td", "list", "VL-A", 0),
                new Case("mx.vl.dt", "list", "VL", 1), new Case("mx.vl.dt", "list", "CC", 0), new Case("mx.vl.dt", "list", "VL-A", 0),
                new Case("mx.vl.dt", "list", "TU(fresh)", 0),
                new Case("mx.vl.td", "list", "VL", 0), new Case("mx.vl.td", "list", "VL-A", 1), new Case("mx.vl.td", "list", "CC", 0),
                // Claiming: only the task's own role at its own unit.
                new Case("mx.a.td", "claim", "VL-A", 403), new Case("mx.b.dt", "claim", "VL-A", 403), new Case("mx.vl.td", "claim", "VL-A", 403),
                new Case("mx.vl.dt", "claim", "VL-A", 403), new Case("mx.a.dt", "claim", "VL", 403), new Case("mx.vl.dt", "claim", "TU(fresh)", 403),
                new Case("mx.cc.dt", "claim", "VL", 403),
                new Case("mx.a.dt", "claim", "VL-A", 204), new Case("mx.vl.dt", "claim", "VL", 204),
                // Completing: the same.
                new Case("mx.vl.dt", "complete", "CC", 403), new Case("mx.vl.td", "complete", "VL-B", 403), new Case("mx.b.dt", "complete", "VL-A", 403),
                new Case("mx.cc.dt", "complete", "VL", 403), new Case("mx.cc.dt", "complete", "CC", 204), new Case("mx.vl.dt", "complete", "VL", 204));

        List<String> wrong = new ArrayList<>();
        for (Case check : cases) {
            int actual = perform(check);
            if (actual != check.expected()) {
                wrong.add("%s %s %s: expected %d, got %d".formatted(check.user(), check.action(), check.target(), check.expected(), actual));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void onlyEditorsChangeAReportAndOnlyObserversStartCampaignsOrReadTheSentLog() {
        String report = "/api/campaigns/" + running.id() + "/units/VL-A/report";
        HttpEntity<Object> change = json(Map.of("figures", Map.of("partyMembers", 3)));
        assertThat(as("mx.a.td").exchange(report, HttpMethod.PUT, change, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as("mx.vl.dt").exchange(report, HttpMethod.PUT, change, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as("mx.a.dt").exchange(report, HttpMethod.PUT, change, String.class).getStatusCode().value()).isEqualTo(200);

        HttpEntity<Object> startRequest = json(Map.of("plan", "117-KH/TU", "rootUnit", "CC", "year", 2032));
        var refused = as("mx.vl.dt").exchange("/api/campaigns", HttpMethod.POST, startRequest, String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("Chỉ quản trị viên và các ban theo dõi mọi đơn vị (Ban Dân vận Tỉnh ủy, Ban Tổ chức Tỉnh ủy, btgdv-tu) được bắt đầu một đợt");
        var started = as("mx.bdv").exchange("/api/campaigns", HttpMethod.POST, startRequest, Map.class);
        assertThat(started.getStatusCode().value()).isEqualTo(201);
        long conCo = ((Number) started.getBody().get("id")).longValue();
        assertThat(as("mx.a.dt").getForEntity("/api/campaigns/" + running.id() + "/mails", String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(as("mx.bdv").getForEntity("/api/campaigns/" + running.id() + "/mails", String.class).getStatusCode().value())
                .isEqualTo(200);

        // Campaigns: a unit's people see those that reach their unit, without the whole campaign's counts.
        List<?> listedToVinhThai = as("mx.a.dt").getForObject("/api/campaigns", List.class);
        assertThat(listedToVinhThai.stream().map(campaign -> ((Number) ((Map<?, ?>) campaign).get("id")).longValue()).toList())
                .contains(running.id(), fresh.id()).doesNotContain(conCo);
        assertThat(listedToVinhThai).allMatch(campaign -> ((Map<?, ?>) campaign).get("progress") == null);
        var foreign = as("mx.a.dt").getForEntity("/api/campaigns/" + conCo, String.class);
        assertThat(foreign.getStatusCode().value()).isEqualTo(403);
        assertThat(foreign.getBody()).contains("không có đơn vị nào của bạn");
        assertThat(as("mx.cc.dt").getForEntity("/api/campaigns/" + conCo, String.class).getStatusCode().value())
                .isEqualTo(200);
        List<?> listedToObserver = as("mx.bdv").getForObject("/api/campaigns", List.class);
        assertThat(listedToObserver).anyMatch(campaign -> ((Number) ((Map<?, ?>) campaign).get("id")).longValue() == conCo
                && ((Map<?, ?>) campaign).get("progress") != null);

        List<?> units = (List<?>) as("mx.vl.td").getForObject("/api/campaigns/" + running.id() + "/units", Map.class)
                .get("items");
        assertThat(units.stream().map(unit -> (String) ((Map<?, ?>) unit).get("unitCode")).toList())
                .as("a district lists itself and its base units only").containsExactly("VL", "VL-A", "VL-B", "VL-C");
    }

    /**
     * The office page's routes follow the rule of starting a campaign (administrators and the boards that follow every
     * unit); importing users stays the administrators'. Each refusal stores nothing and names the rule.
     */
    @Test
    void onlyObserversAndAdministratorsUseTheOfficeRoutes() {
        HttpHeaders yaml = new HttpHeaders();
        yaml.setContentType(MediaType.valueOf("application/yaml"));
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.valueOf("text/csv"));
        byte[] plan = TestPlans.text("plans/117-KH-TU.yaml").getBytes(StandardCharsets.UTF_8);
        byte[] users = "email,full_name,unit,role\nmx.moi@thu.test,Nguyễn Văn Mới,VL,DRAFTER\n".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> campaign = Map.of("plan", "117-KH/TU", "rootUnit", "CC", "year", 2033);
        record Route(String method, String path, HttpEntity<?> body, String refusal) {
        }
        List<Route> routes = List.of(
                new Route("POST", "/api/campaigns/preview", json(campaign), "được bắt đầu một đợt"),
                new Route("POST", "/api/campaigns/" + fresh.id() + "/end", json(Map.of("reason", "Thử quyền")),
                        "được kết thúc một đợt"),
                new Route("POST", "/api/plans/preview", new HttpEntity<>(plan, yaml), "được đăng ký kế hoạch"),
                new Route("POST", "/api/unit-trees/preview", fileUpload("cay.csv", TestPlans.text("units/test-tree.csv")
                        .getBytes(StandardCharsets.UTF_8)), "được nạp cây đơn vị"),
                new Route("GET", "/api/audit", null, "được xem nhật ký thao tác"),
                new Route("POST", "/api/users/import", new HttpEntity<>(users, csv), "Chỉ quản trị viên được nhập người dùng"));
        int auditRows = jdbc.queryForObject("select count(*) from audit_entry", Integer.class);
        List<String> wrong = new ArrayList<>();
        for (String user : List.of("mx.a.dt", "mx.vl.td")) {
            for (Route route : routes) {
                var response = as(user).exchange(route.path(), HttpMethod.valueOf(route.method()), route.body(), String.class);
                if (response.getStatusCode().value() != 403 || !response.getBody().contains(route.refusal())) {
                    wrong.add("%s %s: %d %s".formatted(user, route.path(), response.getStatusCode().value(), response.getBody()));
                }
            }
        }
        // The board: everything but importing users.
        for (Route route : routes) {
            int expected = route.path().endsWith("/import") ? 403 : 200;
            var response = as("mx.bdv").exchange(route.path(), HttpMethod.valueOf(route.method()), route.body(), String.class);
            if (response.getStatusCode().value() != expected) {
                wrong.add("mx.bdv %s: expected %d, got %d %s".formatted(route.path(), expected,
                        response.getStatusCode().value(), response.getBody()));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Integer.class))
                .as("only the board's end of the campaign was done and audited").isEqualTo(auditRows + 1);
        assertThat(jdbc.queryForObject("select count(*) from campaign_end where campaign_id = ?", Integer.class, fresh.id()))
                .isEqualTo(1);
    }

    /**
     * Nothing of the engine or of Actuator answers without a login except the readiness probe (the containers' health
     * check); the engine's metrics count every unit's work, so only administrators read them.
     */
    @Test
    void onlyReadinessAnswersAnonymouslyAndOnlyAdministratorsReadTheEnginesMetrics() {
        String sum = "/engine-rest/metrics/activity-instance-start/sum";
        List<Case> cases = List.of(
                new Case("anonymous", "GET", "/actuator/health/readiness", 200),
                new Case("anonymous", "GET", "/actuator", 401), new Case("anonymous", "GET", "/actuator/health", 401),
                new Case("anonymous", "GET", "/actuator/health/liveness", 401),
                new Case("anonymous", "GET", "/engine-rest/engine", 401), new Case("anonymous", "GET", "/engine-rest/version", 401),
                new Case("anonymous", "GET", "/engine-rest/task/count", 401), new Case("anonymous", "GET", sum, 401),
                new Case("mx.a.dt", "GET", "/engine-rest/engine", 200), new Case("mx.a.dt", "GET", "/actuator/health", 200),
                new Case("mx.a.dt", "GET", sum, 403), new Case("mx.a.dt", "GET", "/engine-rest/metrics", 403),
                new Case("mx.a.dt", "GET", "/engine-rest/engine/default/metrics/job-acquisition-attempt/sum", 403),
                new Case("mx.vl.td", "GET", sum, 403), new Case("mx.bdv", "GET", sum, 403),
                new Case("mx.a.dt", "GET", "/engine-rest/telemetry/data", 403),
                new Case("admin", "GET", sum, 200), new Case("admin", "GET", "/actuator", 200));
        List<String> wrong = new ArrayList<>();
        for (Case check : cases) {
            TestRestTemplate http = "anonymous".equals(check.user()) ? anonymous
                    : "admin".equals(check.user()) ? anonymous.withBasicAuth("admin", "Thu-Nghiem-2030") : as(check.user());
            var response = http.exchange(check.target(), HttpMethod.valueOf(check.action()), null, String.class);
            if (response.getStatusCode().value() != check.expected()) {
                wrong.add("%s %s %s: expected %d, got %d %s".formatted(check.user(), check.action(), check.target(),
                        check.expected(), response.getStatusCode().value(), response.getBody()));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private int perform(Case check) {
        Campaign campaign = check.target().endsWith("(fresh)") ? fresh : running;
        String unit = check.target().replace("(fresh)", "");
        TestRestTemplate http = as(check.user());
        return switch (check.action()) {
            case "read" -> http.getForEntity("/api/campaigns/" + campaign.id() + "/units/" + unit + "/report", String.class)
                    .getStatusCode().value();
            case "document" -> http.getForEntity("/api/campaigns/" + campaign.id() + "/units/" + unit + "/report/written.pdf",
                    byte[].class).getStatusCode().value();
            case "register" -> http.getForEntity("/api/registers/" + unit + "?direction=incoming&campaign=" + campaign.id(),
                    String.class).getStatusCode().value();
            case "list" -> http.getForObject("/engine-rest/task?maxResults=100&processInstanceBusinessKeyLike=" + campaign.id() + "/" + unit + "/%", List.class).size();
            case "claim" -> http.exchange("/engine-rest/task/" + openTask(campaign, unit).getId() + "/claim", HttpMethod.POST,
                    json(Map.of("userId", check.user())), String.class).getStatusCode().value();
            case "complete" -> {
                Task task = openTask(campaign, unit);
                // The draft is saved whole first (a report's sections and figures, guidance's text), as the form saves
                // it through the application; the engine's REST API then completes the task, without variables.
                boolean report = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                        .singleResult().getBusinessKey().endsWith("/REPORT");
                if (report) {
                    Plan plan = campaign.plan();
                    Map<String, Object> sections = new HashMap<>();
                    Map<String, Object> figures = new HashMap<>();
                    draft(1).forEach((key, value) -> (plan.section(key).isPresent() ? sections : figures).put(key, value));
                    reportService.saveDraft(plan, campaign.id(), unit, ReportValidator.parse(plan, sections, figures), null);
                } else {
                    guidanceService.saveDraft(campaign.id(), unit, guidance().get("guidanceText"), null);
                }
                yield http.exchange("/engine-rest/task/" + task.getId() + "/complete", HttpMethod.POST,
                        json(Map.of()), String.class).getStatusCode().value();
            }
            default -> throw new IllegalArgumentException(check.action());
        };
    }

    private Task openTask(Campaign campaign, String unit) {
        return task(campaign, unit, "DraftDocument");
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, PASSWORD);
    }


    private void user(String id, String group) {
        user(id, id + "@thu.test", PASSWORD, group);
    }
}
