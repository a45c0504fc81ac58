package vn.reviewcascade.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.SetupStep;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.StartCampaign;
import vn.reviewcascade.dashboard.DashboardQueries;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.plan.PlanCatalog;
import vn.reviewcascade.unit.UnitGroupsForBenchmark;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

import static vn.reviewcascade.SqlTimes.at;
import static vn.reviewcascade.benchmark.BenchmarkReport.millis;
import static vn.reviewcascade.benchmark.BenchmarkReport.seconds;

/**
 * Measures, never asserts, the organising board's dashboard on a national campaign: the tree of
 * {@link NationalTree} (53,356 units at full size), a campaign of the national plan over it, and a moment after the
 * base deadline written straight into the report table (55 % of the units submitted on time, 15 % late, 20 %
 * overdue with their escalation, 10 % not yet; every submitted unit's figures; every parent consolidated at its
 * deadline, so late reports are late additions). The unit reviews are not opened (NationalBenchmark measures that:
 * six minutes) and the groups not created: the dashboard reads the report table and only looks the open tasks up.
 *
 * <p>Measured: the dashboard's API over HTTP as an observer (what the page's first screen asks for, and drill-downs
 * at each level), the query layer alone, the rates of a province as its own leader; and, where Chromium and the
 * e2e's playwright-core are installed, the page itself: first contentful paint, the first screen complete, and a
 * drill-down from the root to a province.
 *
 * <p>{@code mvn -o -B -Pbenchmark test -Dtest=DashboardBenchmark}; on PostgreSQL add
 * {@code -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<database> -Dspring.datasource.username=postgres
 * -Dspring.datasource.password=}; sizes as NationalBenchmark's; {@code -Dbenchmark.runs=20} timed calls of each
 * request after three untimed. Figures go to target/benchmark.md; docs/benchmark.md records them.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DashboardBenchmark extends CascadeTestSupport {

    private static final NationalTree.Sizes SIZES = NationalTree.Sizes.fromSystemProperties();
    private static final Path TREE = Path.of("target", "benchmark-dashboard-tree.csv");
    private static final String PLAN = "901-KH/TW";
    private static final int RUNS = Integer.getInteger("benchmark.runs", 20);
    private static final int WARM_UP = 3;
    private static final String PASSWORD = "Do-Tai-Bang-Theo-Doi-2030";
    private static final String OBSERVER = "bench.tw";
    private static final String PROVINCE_LEADER = "bench.province";

    @Autowired private PlanCatalog catalog;
    @Autowired private RuntimeService runtimeService;
    @Autowired private ManagementService managementService;
    @Autowired private JdbcTemplate jdbc;
    @Autowired private UnitTree tree;
    @Autowired private DashboardQueries queries;
    @Autowired private TestRestTemplate anonymous;
    @LocalServerPort private int port;

    @DynamicPropertySource
    static void nationalTree(DynamicPropertyRegistry registry) throws IOException {
        NationalTree.write(TREE, SIZES);
        registry.add("review-cascade.units-file", () -> "file:" + TREE.toAbsolutePath());
        BenchmarkReport.ownDatabase(registry);
        // The national plan is followed by Ban Tuyên giáo và Dân vận Trung ương.
        registry.add("review-cascade.security.observer-groups", () -> "bdv-tu,btc-tu,btgdv-tu,btgdv-tw");
    }

    /** The 213,424 groups of the national tree are not needed here and would take minutes to create. */
    @TestConfiguration(proxyBeanMethods = false)
    static class WithoutUnitGroups {

        @Bean
        static BeanPostProcessor skipUnitGroups() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!UnitGroupsForBenchmark.isSynchronizer(bean)) {
                        return bean;
                    }
                    ProxyFactory proxy = new ProxyFactory(bean);
                    proxy.addInterface(SetupStep.class);
                    proxy.addAdvice((MethodInterceptor) invocation ->
                            invocation.getMethod().getName().equals("run") ? null : invocation.proceed());
                    return proxy.getProxy();
                }
            };
        }
    }

    @Test
    void measure() throws Exception {
        List<String> out = new ArrayList<>();
        catalog.register(TestPlans.text("benchmark/national-plan.yaml"), "bench");
        long started = System.nanoTime();
        Campaign campaign = campaigns.start(StartCampaign.of(PLAN, "Đo tải bảng theo dõi", NationalTree.ROOT, YEAR), "bench");
        OpeningJobs.writeAllUnits(runtimeService, managementService, campaign.id());
        long startNanos = System.nanoTime() - started;
        started = System.nanoTime();
        Progress progress = simulateProgress(campaign);
        long simulateNanos = System.nanoTime() - started;

        String province = tree.childrenOf(NationalTree.ROOT).get(0).code();
        String commune = tree.childrenOf(province).get(0).code();
        String base = tree.childrenOf(commune).get(0).code();
        member(OBSERVER, "btgdv-tw");
        member(PROVINCE_LEADER, tree.groupId(province, UnitRole.SIGNER));
        TestRestTemplate observer = anonymous.withBasicAuth(OBSERVER, PASSWORD);
        TestRestTemplate leader = anonymous.withBasicAuth(PROVINCE_LEADER, PASSWORD);
        String api = "/api/campaigns/" + campaign.id();

        out.add("Tree: %,d units (%d provinces, %,d communes, %,d base units). Campaign started in %s; "
                .formatted(tree.size(), SIZES.provinces(), SIZES.communes(), SIZES.bases(),
                        seconds(startNanos))
                + "progress written in %s: %,d on time, %,d late, %,d overdue, %,d not yet; %,d figure rows. "
                .formatted(seconds(simulateNanos), progress.onTime, progress.late, progress.overdue, progress.notYet,
                        progress.figures)
                + "Each request %d times after %d untimed; median / 95th percentile / max.".formatted(RUNS, WARM_UP));
        out.add("");
        out.add("| request | median | p95 | max |");
        out.add("|---|---|---|---|");
        long[] campaignsList = time(() -> get(observer, "/api/campaigns"));
        long[] rates = time(() -> get(observer, api + "/rates?page=0&size=20"));
        long[] submissions = time(() -> get(observer, api + "/submissions"));
        long[] rootView = time(() -> get(observer, api + "/units/" + NationalTree.ROOT + "/dashboard?size=20"));
        long[] firstScreen = time(() -> get(observer, "/api/campaigns") + get(observer, api + "/rates?page=0&size=20")
                + get(observer, api + "/submissions") + get(observer, api + "/units/" + NationalTree.ROOT + "/dashboard?size=20"));
        row(out, "`GET /api/campaigns` (the page's first call: every campaign with its counts)", campaignsList);
        row(out, "`GET …/rates` at the root (per level; units waiting for reports, first page of 20, worst first)", rates);
        row(out, "`GET …/submissions` at the root (cumulative per level and day)", submissions);
        row(out, "`GET …/units/{root}/dashboard` (the root, its 34 provinces, figures rolled up)", rootView);
        row(out, "**the page's first screen: the four requests one after the other**", firstScreen);
        row(out, "`GET …/units/{province}/dashboard` (drill-down to a province: %d communes, first 20)"
                .formatted(tree.childrenOf(province).size()), time(() -> get(observer, api + "/units/" + province + "/dashboard?size=20")));
        row(out, "`GET …/units/{commune}/dashboard` (drill-down to a commune: %d base units)"
                .formatted(tree.childrenOf(commune).size()), time(() -> get(observer, api + "/units/" + commune + "/dashboard?size=20")));
        row(out, "`GET …/units/{base}/dashboard` (a base unit)", time(() -> get(observer, api + "/units/" + base + "/dashboard")));
        row(out, "`GET …/rates?unit={province}` as an observer (a subtree: recursive query)",
                time(() -> get(observer, api + "/rates?unit=" + province + "&size=20")));
        row(out, "`GET …/rates` as the province's leader (their subtree by default)", time(() -> get(leader, api + "/rates?size=20")));
        row(out, "`GET …/submissions?unit={province}`", time(() -> get(observer, api + "/submissions?unit=" + province)));
        row(out, "query layer alone: rates at the root", time(() -> queries.rates(campaign, NationalTree.ROOT, 0, 20).levels().size()));
        row(out, "query layer alone: drill-down to a province", time(() -> queries.drillDown(campaign, province, 0, 20).orElseThrow().children().items().size()));
        row(out, "query layer alone: submissions at the root", time(() -> queries.submissions(campaign, NationalTree.ROOT).size()));
        out.add("");
        out.addAll(browser(campaign, province));
        BenchmarkReport.write("Dashboard on a national campaign", out);
    }

    private record Progress(long onTime, long late, long overdue, long notYet, long figures) {
    }

    /**
     * Five days after the base deadline: in unit-code order, of every 20 units 11 submitted on time, 3 late, 4 overdue
     * (escalated at their deadline), 2 not yet; the root not yet. Written in batches, as the application would have
     * written it over weeks.
     */
    private Progress simulateProgress(Campaign campaign) {
        List<String[]> units = jdbc.query("select unit_code, level from campaign_unit where campaign_id = ? order by unit_code",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, campaign.id());
        List<Object[]> submitted = new ArrayList<>();
        List<Object[]> escalated = new ArrayList<>();
        List<Object[]> figures = new ArrayList<>();
        List<Plan.Indicator> indicators = campaign.plan().indicators();
        long notYet = 0;
        for (int i = 0; i < units.size(); i++) {
            String code = units.get(i)[0];
            Instant due = campaign.deadlines().reportDue(units.get(i)[1]);
            int bucket = i % 20;
            if (code.equals(NationalTree.ROOT) || bucket >= 18) {
                notYet++;
            } else if (bucket >= 14) {
                escalated.add(new Object[] {campaign.id(), code, at(due), at(due)});
            } else {
                Instant at = bucket < 11 ? due.minus(Duration.ofDays(2 + i % 9)) : due.plus(Duration.ofDays(1 + i % 4));
                submitted.add(new Object[] {at(at), (i + 1) + "-BC/ĐU", campaign.id(), code});
                for (Plan.Indicator indicator : indicators) {
                    figures.add(new Object[] {campaign.id(), code, indicator.key(), indicator.partOf() == null ? 10L + i % 7 : 1L + i % 5});
                }
            }
        }
        jdbc.batchUpdate("update campaign_unit set submitted_at = ? where campaign_id = ? and unit_code = ?",
                submitted.stream().map(row -> new Object[] {row[0], row[2], row[3]}).toList());
        jdbc.batchUpdate("insert into campaign_document (campaign_id, unit_code, document_kind, version, number, issued_at) "
                + "values (?, ?, 'REPORT', 1, ?, ?)", submitted.stream().map(row -> new Object[] {row[2], row[3], row[1], row[0]})
                .toList());
        jdbc.batchUpdate("insert into escalation (campaign_id, unit_code, deadline, raised_at) values (?, ?, ?, ?)", escalated);
        jdbc.batchUpdate("insert into report_figure (campaign_id, unit_code, indicator, figure) values (?, ?, ?, ?)", figures);
        // Every parent consolidated at its level's subordinates deadline: reports after it are late additions.
        for (Plan.Level level : campaign.plan().levels()) {
            Instant consolidated = campaign.deadlines().subordinatesDue(level.key());
            if (consolidated != null) {
                jdbc.update("update campaign_unit set consolidated_at = ? where campaign_id = ? and level = ?", at(consolidated),
                        campaign.id(), level.key());
            }
        }
        if (isPostgres()) {
            jdbc.execute("analyze");
        }
        Instant baseDue = campaign.deadlines().reportDue(campaign.plan().levels().get(campaign.plan().levels().size() - 1).key());
        ClockUtil.setCurrentTime(Date.from(baseDue.plus(Duration.ofDays(5))));
        return new Progress(countSubmitted(campaign, true), countSubmitted(campaign, false), escalated.size(), notYet,
                figures.size());
    }

    private long countSubmitted(Campaign campaign, boolean onTime) {
        return jdbc.queryForObject("select count(*) from campaign_unit r join campaign_deadline d on d.campaign_id = r.campaign_id "
                + "and d.level = r.level and d.kind = 'REPORT' where r.campaign_id = ? and r.submitted_at "
                + (onTime ? "<=" : ">") + " d.due", Long.class, campaign.id());
    }

    private boolean isPostgres() {
        return String.valueOf(System.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
    }

    private void member(String user, String group) {
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            Group created = identityService.newGroup(group);
            created.setName(group);
            identityService.saveGroup(created);
        }
        user(user, user + "@bench.test", PASSWORD, group);
    }

    private static int get(TestRestTemplate http, String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        if (response.getStatusCode() != HttpStatus.OK) {
            throw new AssertionError(path + ": " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody().length();
    }

    /** Nanoseconds of each timed run, sorted. */
    private static long[] time(Supplier<Object> request) {
        for (int i = 0; i < WARM_UP; i++) {
            request.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            request.get();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void row(List<String> out, String what, long[] sorted) {
        out.add("| %s | %s | %s | %s |".formatted(what, millis(sorted[sorted.length / 2]),
                millis(sorted[(int) Math.ceil(sorted.length * 0.95) - 1]), millis(sorted[sorted.length - 1])));
    }

    /** The page in headless Chromium, through e2e/benchmark/first-paint.mjs, where Chromium and the e2e's modules are. */
    private List<String> browser(Campaign campaign, String province) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.isDirectory(Path.of("e2e", "node_modules", "playwright-core"))) {
            return List.of("The page in the browser: not measured (needs /usr/bin/chromium and `cd e2e && npm ci`).");
        }
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/benchmark/first-paint.mjs").redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("BASE_URL", "http://localhost:" + port);
        env.put("BENCH_USER", OBSERVER);
        env.put("BENCH_PASSWORD", PASSWORD);
        env.put("CAMPAIGN", String.valueOf(campaign.id()));
        env.put("CHILD", province);
        env.put("CHILD_NAME", tree.find(province).orElseThrow().name());
        env.put("RUNS", String.valueOf(Math.max(5, RUNS / 2)));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            return List.of("The page in the browser: the measurement failed:", "", "```", output.strip(), "```");
        }
        String[] lines = output.strip().split("\n");
        JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
        List<String> out = new ArrayList<>();
        out.add("The page in headless Chromium (%d loads, logged in as an observer; median / max):".formatted(result.get("ready").size()));
        out.add("");
        out.add("| measure | median | max |");
        out.add("|---|---|---|");
        browserRow(out, "first contentful paint (the page's frame)", result.get("firstContentfulPaint"));
        browserRow(out, "**first screen complete**: every number in its table, every chart given its data (`dashboard-ready`)", result.get("ready"));
        browserRow(out, "all three charts drawn", result.get("chartsDrawn"));
        browserRow(out, "**drill-down** from the root to a province: click to the province's section redrawn", result.get("drillDown"));
        return out;
    }

    private static void browserRow(List<String> out, String what, JsonNode values) {
        double[] sorted = new double[values.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = values.get(i).asDouble();
        }
        Arrays.sort(sorted);
        out.add("| %s | %,.0f ms | %,.0f ms |".formatted(what, sorted[sorted.length / 2], sorted[sorted.length - 1]));
    }
}
