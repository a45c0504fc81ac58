package vn.reviewcascade.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.SetupStep;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.StartCampaign;
import vn.reviewcascade.campaign.UnitReviewStarter;
import vn.reviewcascade.plan.PlanCatalog;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.security.SecurityProperties;
import vn.reviewcascade.security.TenantMembershipsForBenchmark;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitGroupsForBenchmark;
import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.unit.UnitTreeCsvReader;

import static vn.reviewcascade.benchmark.BenchmarkReport.duration;
import static vn.reviewcascade.benchmark.BenchmarkReport.millis;
import static vn.reviewcascade.benchmark.BenchmarkReport.seconds;
import static vn.reviewcascade.benchmark.CountingDataSource.uncounted;

/**
 * Measures, never asserts, the national case: a generated four-level tree ({@link NationalTree}: one centre, 34
 * provinces, about 3,300 commune-level committees and 50,000 base organisations) is read, its groups are created, a
 * campaign of a four-level plan starts over it and every unit's review is opened, beside the bare engine's floor for
 * the same number of units in the same run: a trivial process (asynchronous start, then a receive task) started as
 * often, its start jobs run the same way. Reported: times and their ratio to the floor, statements and rows written
 * per unit (exact, counted at the JDBC level), where the database time goes, and the heap after a GC.
 *
 * <p>{@code mvn -o -B -Pbenchmark test -Dtest=NationalBenchmark}; sizes with {@code -Dbenchmark.provinces=3
 * -Dbenchmark.communes=60 -Dbenchmark.bases=600}; jobs run on {@code -Dbenchmark.threads=1} thread(s); group
 * creation is measured slice by slice for at most {@code -Dbenchmark.group-budget-seconds=300} and extrapolated
 * beyond; {@code -Dbenchmark.floor-after=true} runs the floor a second time after the campaign, on the database it grew.
 * Figures go to target/benchmark.md; docs/benchmark.md records them.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NationalBenchmark extends CascadeTestSupport {

    private static final NationalTree.Sizes SIZES = NationalTree.Sizes.fromSystemProperties();
    private static final int THREADS = Integer.getInteger("benchmark.threads", 1);
    private static final long GROUP_BUDGET_NANOS = Long.getLong("benchmark.group-budget-seconds", 300) * 1_000_000_000L;
    private static final Path TREE = Path.of("target", "benchmark-national-tree.csv");
    private static final String PLAN_FILE = "benchmark/national-plan.yaml";
    private static final String PLAN = "901-KH/TW";
    private static final String FLOOR = "benchmarkFloor";
    private static final boolean FLOOR_AFTER = Boolean.getBoolean("benchmark.floor-after");
    private static final int WARM_UP_UNITS = Integer.getInteger("benchmark.warm-up-units", 300);

    /** The set-up steps run while the context starts: time and statements of each, in the order they ran. */
    private static final Map<String, long[]> STEPS = new ConcurrentHashMap<>();
    private static final long[] HELD_BACK = {-1, 0};
    private static final List<String> STEP_ORDER = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static long treeWrittenNanos;
    private static long contextRequestedAt;

    @Autowired private PlanCatalog catalog;
    @Autowired private RepositoryService repositoryService;
    @Autowired private JdbcTemplate jdbc;
    @Autowired private ReportRepository reports;
    @Autowired private UnitTree tree;
    @Autowired private ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired private SecurityProperties securityProperties;

    @DynamicPropertySource
    static void nationalTree(DynamicPropertyRegistry registry) throws IOException {
        long started = System.nanoTime();
        NationalTree.write(TREE, SIZES);
        treeWrittenNanos = System.nanoTime() - started;
        contextRequestedAt = System.nanoTime();
        registry.add("review-cascade.units-file", () -> "file:" + TREE.toAbsolutePath());
        BenchmarkReport.ownDatabase(registry);
        // The national plan is followed by Ban Tuyên giáo và Dân vận Trung ương.
        registry.add("review-cascade.security.observer-groups", () -> "bdv-tu,btc-tu,btgdv-tu,btgdv-tw");
    }

    /** Counts every statement of the application and the engine; times the set-up steps; holds back group creation. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Instrumentation {

        @Bean
        static BeanPostProcessor countingAndTiming() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && name.equals("dataSource")) {
                        return CountingDataSource.wrap(dataSource);
                    }
                    if (bean instanceof SetupStep step) {
                        ProxyFactory proxy = new ProxyFactory(step);
                        // A subclass, not an interface proxy: steps have other methods the context calls (a scheduled
                        // refresh, event listeners), which a proxy of SetupStep alone would not have.
                        proxy.setProxyTargetClass(true);
                        // The tenant memberships need the groups: held back with them, run once they exist.
                        boolean groups = UnitGroupsForBenchmark.isSynchronizer(step)
                                || TenantMembershipsForBenchmark.isTenantMemberships(step);
                        proxy.addAdvice((MethodInterceptor) invocation -> {
                            if (!invocation.getMethod().getName().equals("run")) {
                                return invocation.proceed();
                            }
                            STEP_ORDER.add(name);
                            if (groups) {
                                // Measured in the test, slice by slice: nationally it is the longest part of a start.
                                STEPS.put(name, HELD_BACK);
                                return null;
                            }
                            CountingDataSource.Counts before = CountingDataSource.snapshot();
                            long started = System.nanoTime();
                            Object result = invocation.proceed();
                            long nanos = System.nanoTime() - started;
                            STEPS.put(name, new long[] {nanos, CountingDataSource.snapshot().minus(before).statements()});
                            return result;
                        });
                        return proxy.getProxy();
                    }
                    return bean;
                }
            };
        }
    }

    @Test
    void measure() throws Exception {
        long contextNanos = System.nanoTime() - contextRequestedAt;
        int units = tree.size();
        List<String> out = new ArrayList<>();
        long heapAfterStart = BenchmarkReport.heapAfterGc();

        // (a) Reading the tree file, as the application does at start.
        long[] reads = new long[3];
        for (int i = 0; i < reads.length; i++) {
            long started = System.nanoTime();
            try (InputStream input = Files.newInputStream(TREE)) {
                UnitTreeCsvReader.read(input, TREE.toString());
            }
            reads[i] = System.nanoTime() - started;
        }

        // (b) The groups of every role of every unit, slice by slice while the budget lasts.
        GroupRun groups = createGroups();
        long heapAfterGroups = BenchmarkReport.heapAfterGc();
        long membershipNanos = -1;
        if (groups.restartNanos >= 0) {
            long started = System.nanoTime();
            TenantMembershipsForBenchmark.run(tree, securityProperties, identityService, engineConfiguration, jdbc);
            membershipNanos = System.nanoTime() - started;
        }

        catalog.register(TestPlans.text(PLAN_FILE), "bench");
        repositoryService.createDeployment().name(FLOOR).addModelInstance(FLOOR + ".bpmn", floorProcess()).deploy();
        WarmUp warmUp = warmUp();

        // (e) The bare engine's floor for as many units, before ours, on the same engine and database.
        Phase floorStart;
        Phase floorJobs;
        Map<String, Long> rowsBefore = uncounted(this::rowCounts);
        CountingDataSource.Counts counted = CountingDataSource.snapshot();
        long started = System.nanoTime();
        for (int i = 1; i <= units; i++) {
            runtimeService.startProcessInstanceByKey(FLOOR, "floor/" + i);
        }
        floorStart = new Phase(System.nanoTime() - started, CountingDataSource.snapshot().minus(counted), 0, 1, 0);
        counted = CountingDataSource.snapshot();
        floorJobs = runJobs("floor/");
        floorJobs = floorJobs.withCounts(CountingDataSource.snapshot().minus(counted));
        Map<String, Long> floorRows = difference(uncounted(this::rowCounts), rowsBefore);
        long floorWaiting = runtimeService.createProcessInstanceQuery().processDefinitionKey(FLOOR)
                .processInstanceBusinessKeyLike("floor/%").activityIdIn("Waiting").count();
        long heapAfterFloor = BenchmarkReport.heapAfterGc();

        // (c) The campaign: the request and the jobs writing a report row per unit, the document sequences, the root's process.
        rowsBefore = uncounted(this::rowCounts);
        counted = CountingDataSource.snapshot();
        started = System.nanoTime();
        Campaign campaign = campaigns.start(StartCampaign.of(PLAN, null, NationalTree.ROOT, YEAR), "bench");
        // The request wrote the first part; the opening's jobs write the rest and start the root's process.
        OpeningJobs.writeAllUnits(runtimeService, managementService, campaign.id());
        Phase start = new Phase(System.nanoTime() - started, CountingDataSource.snapshot().minus(counted), 0, 1, 0);
        Map<String, Long> startRows = difference(uncounted(this::rowCounts), rowsBefore);

        // (d) Every unit opened: the cascade's jobs, level by level, until every unit's process waits.
        rowsBefore = uncounted(this::rowCounts);
        counted = CountingDataSource.snapshot();
        Phase open = runJobs(campaign.id() + "/");
        open = open.withCounts(CountingDataSource.snapshot().minus(counted));
        Map<String, Long> openRows = difference(uncounted(this::rowCounts), rowsBefore);
        long heapAfterOpen = BenchmarkReport.heapAfterGc();

        // (e') Optionally the floor once more, on the database as the campaign left it: ours ran on a larger one.
        Phase floorAfter = null;
        if (FLOOR_AFTER) {
            counted = CountingDataSource.snapshot();
            started = System.nanoTime();
            for (int i = 1; i <= units; i++) {
                runtimeService.startProcessInstanceByKey(FLOOR, "floor-after/" + i);
            }
            long startNanos = System.nanoTime() - started;
            floorAfter = runJobs("floor-after/");
            floorAfter = new Phase(startNanos + floorAfter.nanos, CountingDataSource.snapshot().minus(counted),
                    floorAfter.jobs, floorAfter.rounds, floorAfter.failures, floorAfter.firstFailure);
        }

        long reviews = runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitReviewStarter.PROCESS_KEY)
                .processInstanceBusinessKeyLike(campaign.id() + "/%").count();
        Map<String, Long> statuses = new TreeMap<>();
        reports.progress(campaign.id()).countsByStatus().forEach((status, count) -> {
            if (count > 0) {
                statuses.put(status.name(), count);
            }
        });

        // --- the report ---------------------------------------------------------------------------------------
        out.add("Tree: %s, %,d units (%,d KB file, generated in %s). Plan %s, four levels, each above the base issuing "
                .formatted(SIZES, units, Files.size(TREE) / 1024, seconds(treeWrittenNanos), PLAN)
                + "guidance. History full, authorization on, job executor off: the benchmark runs the jobs on %d thread%s."
                .formatted(THREADS, THREADS == 1 ? "" : "s"));
        out.add("");
        long ours = start.nanos + open.nanos;
        long floor = floorStart.nanos + floorJobs.nanos;
        out.add("| measure | this application | bare engine floor | ratio |");
        out.add("|---|---|---|---|");
        out.add("| (a) read the tree file (`UnitTreeCsvReader.read`), 3 runs | %s, %s, %s | | |"
                .formatted(seconds(reads[0]), seconds(reads[1]), seconds(reads[2])));
        out.add("| (b) create the Camunda groups, %,d (4 per unit) | %s | | |".formatted(groups.total, groups.summary()));
        out.add("| (b') make them members of their tenants (`TenantMemberships`, as at a first start) | %s | | |"
                .formatted(membershipNanos < 0 ? "not run: not every group was created" : seconds(membershipNanos)));
        out.add("| (c) start the campaign (the request, then the jobs writing its units in parts) / start %,d instances | %s | %s | |"
                .formatted(units, seconds(start.nanos), seconds(floorStart.nanos)));
        out.add("| (d) open every unit: %,d jobs in %d rounds / %,d start jobs in %d round | %s | %s | |"
                .formatted(open.jobs, open.rounds, floorJobs.jobs, floorJobs.rounds, seconds(open.nanos), seconds(floorJobs.nanos)));
        out.add("| **(c)+(d): %,d units from nothing to waiting** | **%s** | **%s** | **%.1f** |"
                .formatted(units, duration(ours), duration(floor), (double) ours / floor));
        out.add("| per unit | %s | %s | |".formatted(millis((double) ours / units), millis((double) floor / units)));
        if (floorAfter != null) {
            out.add("| (e') the floor again, after opening, on the grown database: start and run %,d instances | | %s | %.1f |"
                    .formatted(units, duration(floorAfter.nanos), (double) ours / floorAfter.nanos));
        }
        long ourStatements = start.counts.statements() + open.counts.statements();
        long floorStatements = floorStart.counts.statements() + floorJobs.counts.statements();
        out.add("| SQL statements per unit, (c)+(d) (exact: %,d and %,d) | %.2f | %.2f | %.1f |".formatted(ourStatements,
                floorStatements, (double) ourStatements / units, (double) floorStatements / units,
                (double) ourStatements / floorStatements));
        out.add("| of which select / insert / update / delete per unit | %s | %s | |"
                .formatted(kinds(start.counts, open.counts, units), kinds(floorStart.counts, floorJobs.counts, units)));
        out.add("| round trips per unit (a JDBC batch is one) | %.2f | %.2f | |".formatted(
                (double) (start.counts.roundTrips() + open.counts.roundTrips()) / units,
                (double) (floorStart.counts.roundTrips() + floorJobs.counts.roundTrips()) / units));
        long ourDb = start.counts.nanos() + open.counts.nanos();
        long floorDb = floorStart.counts.nanos() + floorJobs.counts.nanos();
        out.add("| time inside JDBC execute calls | %s (%.0f %%) | %s (%.0f %%) | |".formatted(duration(ourDb),
                100.0 * ourDb / ours, duration(floorDb), 100.0 * floorDb / floor));
        Map<String, Long> ourWritten = written(start.counts, open.counts);
        Map<String, Long> floorWritten = written(floorStart.counts, floorJobs.counts);
        for (String group : List.of("application tables", "ACT_RU_*", "ACT_HI_*", "other ACT_*")) {
            long mine = ourWritten.getOrDefault(group, 0L);
            long theirs = floorWritten.getOrDefault(group, 0L);
            out.add("| rows written per unit (inserted + updated + deleted), %s | %.2f | %.2f | %s |".formatted(group,
                    (double) mine / units, (double) theirs / units, theirs == 0 ? "" : "%.1f".formatted((double) mine / theirs)));
        }
        Map<String, Long> ourNet = byGroup(sum(startRows, openRows));
        Map<String, Long> floorNet = byGroup(floorRows);
        for (String group : List.of("application tables", "ACT_RU_*", "ACT_HI_*", "other ACT_*")) {
            out.add("| rows held afterwards per unit (count before/after), %s | %.2f | %.2f | |".formatted(group,
                    (double) ourNet.getOrDefault(group, 0L) / units, (double) floorNet.getOrDefault(group, 0L) / units));
        }
        out.add("| job failures | %d%s | %d | |".formatted(open.failures, open.firstFailure == null ? "" : " (" + open.firstFailure + ")",
                floorJobs.failures));
        out.add("| processes waiting afterwards | %,d `unitReview` of %,d units; report statuses %s | %,d at the receive task | |"
                .formatted(reviews, units, statuses, floorWaiting));
        out.add("| heap used after a GC: after start-up; after (b) groups; after (e) floor; after (c)+(d) | %,d MB; %,d MB (+%,d); %,d MB (+%,d); %,d MB (+%,d) | | |"
                .formatted(heapAfterStart, heapAfterGroups, heapAfterGroups - heapAfterStart, heapAfterFloor,
                        heapAfterFloor - heapAfterGroups, heapAfterOpen, heapAfterOpen - heapAfterFloor));
        out.add("");
        out.add("Start-up: the application context started in %s (Spring, engine, Flyway, the tree read and the set-up "
                .formatted(duration(contextNanos)) + "steps, group creation held back for (b)). Set-up steps: "
                + STEP_ORDER.stream().map(name -> STEPS.get(name) == HELD_BACK ? name + " held back"
                        : "%s %s (%,d statements)".formatted(name, seconds(STEPS.get(name)[0]), STEPS.get(name)[1]))
                .collect(Collectors.joining("; ")) + ".");
        out.add("");
        out.add("(b) group creation, slice by slice (`UnitGroupSynchronizer` over the units of each slice, as at a first start):");
        out.add("");
        out.add("| units | groups | time | per group | statements per group | rows written per group |");
        out.add("|---|---|---|---|---|---|");
        for (GroupSlice slice : groups.slices) {
            out.add("| %,d–%,d | %,d | %s | %s | %.2f | %.2f |".formatted(slice.from + 1, slice.to, slice.groups,
                    seconds(slice.nanos), millis((double) slice.nanos / slice.groups),
                    (double) slice.counts.statements() / slice.groups, (double) rows(slice.counts) / slice.groups));
        }
        if (groups.restartNanos >= 0) {
            out.add("| restart, every group present | %,d | %s | | %,d statements | |".formatted(groups.total,
                    seconds(groups.restartNanos), groups.restartStatements));
        }
        out.add("");
        out.add("Rows written per unit by table, (c)+(d) and the floor:");
        out.add("");
        out.add("| table | this application: inserted / updated / deleted | per unit | floor: inserted / updated / deleted | per unit |");
        out.add("|---|---|---|---|---|");
        Map<String, Map<String, Long>> ourTables = merge(start.counts.rowsWritten(), open.counts.rowsWritten());
        Map<String, Map<String, Long>> floorTables = merge(floorStart.counts.rowsWritten(), floorJobs.counts.rowsWritten());
        Set<String> tables = new java.util.TreeSet<>(ourTables.keySet());
        tables.addAll(floorTables.keySet());
        for (String table : tables) {
            out.add("| %s | %s | %s |".formatted(table, perUnit(ourTables.get(table), units), perUnit(floorTables.get(table), units)));
        }
        out.add("");
        out.add("SQL statements per unit by kind and table, (c)+(d) and the floor (exact totals in brackets):");
        out.add("");
        out.add("| statement | this application | floor |");
        out.add("|---|---|---|");
        Map<String, Long> ourByTable = new TreeMap<>(start.counts.statementsByTable());
        open.counts.statementsByTable().forEach((key, count) -> ourByTable.merge(key, count, Long::sum));
        Map<String, Long> floorByTable = new TreeMap<>(floorStart.counts.statementsByTable());
        floorJobs.counts.statementsByTable().forEach((key, count) -> floorByTable.merge(key, count, Long::sum));
        Set<String> keys = new java.util.TreeSet<>(ourByTable.keySet());
        keys.addAll(floorByTable.keySet());
        keys.stream().sorted(Comparator.comparing((String key) -> -ourByTable.getOrDefault(key, 0L) - floorByTable.getOrDefault(key, 0L)))
                .forEach(key -> out.add("| %s | %s | %s |".formatted(key, perUnit(ourByTable.get(key), units), perUnit(floorByTable.get(key), units))));
        out.add("");
        out.add("The application's own statements of (d), each (per unit):");
        out.add("");
        out.add("| statement | per unit | per execution |");
        out.add("|---|---|---|");
        open.counts.bySql().entrySet().stream().filter(e -> !e.getKey().toUpperCase(Locale.ROOT).contains("ACT_"))
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                .forEach(e -> out.add("| `%s` | %.2f | %s |".formatted(abbreviate(e.getKey()), (double) e.getValue()[0] / units,
                        millis((double) e.getValue()[1] / e.getValue()[0]))));
        out.add("");
        out.add("Where the database time of (d) goes: the statements taking the most time inside JDBC while every unit opens:");
        out.add("");
        out.add("| statement | per unit | total time | per execution |");
        out.add("|---|---|---|---|");
        open.counts.bySql().entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
                .limit(15).forEach(e -> out.add("| `%s` | %.2f | %s | %s |".formatted(abbreviate(e.getKey()),
                        (double) e.getValue()[0] / units, seconds(e.getValue()[1]), millis((double) e.getValue()[1] / e.getValue()[0]))));
        out.add("");
        out.add(("Untimed warm-up first, so neither side runs on a cold JIT: %,d floor instances and campaigns over %d "
                + "communes (%,d units, their document sequences removed again), in %s. The floor runs before the "
                + "campaign and its instances stay, waiting. %s").formatted(warmUp.floorInstances, warmUp.communes,
                warmUp.units, duration(warmUp.nanos), BenchmarkReport.environment()));
        BenchmarkReport.write("National tree: start and open a campaign (NationalBenchmark)", out);
    }

    // --- the floor ---------------------------------------------------------------------------------------------

    static BpmnModelInstance floorProcess() {
        return Bpmn.createExecutableProcess(FLOOR).name("Sàn của engine (đo tải)").camundaHistoryTimeToLive(365)
                .startEvent("Started").camundaAsyncBefore()
                .receiveTask("Waiting")
                .endEvent()
                .done();
    }

    record WarmUp(int floorInstances, int communes, int units, long nanos) {
    }

    /**
     * Runs both sides, untimed, on a few hundred units first: the floor's process under other business keys, and
     * campaigns of the plan rooted at the first communes. Their document sequences (the only rows a later campaign
     * over the same units would share) are removed again, so the national campaign creates all of its own.
     */
    private WarmUp warmUp() throws Exception {
        long started = System.nanoTime();
        int floorInstances = Math.min(WARM_UP_UNITS, tree.size());
        for (int i = 1; i <= floorInstances; i++) {
            runtimeService.startProcessInstanceByKey(FLOOR, "warm-up/" + i);
        }
        runJobs("warm-up/");
        List<String> issuers = new ArrayList<>();
        int communes = 0;
        List<Unit> all = tree.units().stream().filter(unit -> unit.level().equals("COMMUNE")).toList();
        for (Unit commune : all) {
            if (issuers.size() >= WARM_UP_UNITS || communes >= all.size() / 2) {
                break;
            }
            Campaign campaign = campaigns.start(StartCampaign.of(PLAN, "Khởi động đo tải " + commune.code(), commune.code(),
                    YEAR), "bench");
            runJobs(campaign.id() + "/");
            communes++;
            issuers.add(commune.code());
            tree.childrenOf(commune.code()).forEach(child -> issuers.add(child.code()));
        }
        jdbc.batchUpdate("delete from document_sequence where issuer = ?", issuers.stream().map(code -> new Object[] {code}).toList());
        return new WarmUp(floorInstances, communes, issuers.size(), System.nanoTime() - started);
    }

    // --- jobs ----------------------------------------------------------------------------------------------------

    /** Runs the due jobs of the processes whose business key starts with the prefix, round by round, until none is due. */
    private Phase runJobs(String businessKeyPrefix) throws Exception {
        long nanos = 0;
        int rounds = 0;
        int jobs = 0;
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            while (true) {
                List<String> due = uncounted(() -> dueJobs(businessKeyPrefix));
                if (due.isEmpty()) {
                    break;
                }
                if (++rounds > 20) {
                    throw new AssertionError("Jobs keep falling due: a loop in the process?");
                }
                jobs += due.size();
                long started = System.nanoTime();
                AtomicInteger executed = new AtomicInteger();
                List<Future<?>> work = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    List<String> share = due.subList(thread * due.size() / THREADS, (thread + 1) * due.size() / THREADS);
                    work.add(pool.submit(() -> share.forEach(id -> {
                        try {
                            managementService.executeJob(id);
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                        if (executed.incrementAndGet() % 5000 == 0) {
                            System.out.printf("%s: %,d jobs, %s into the round%n", businessKeyPrefix, executed.get(),
                                    duration(System.nanoTime() - started));
                        }
                    })));
                }
                for (Future<?> future : work) {
                    future.get(2, TimeUnit.HOURS);
                }
                nanos += System.nanoTime() - started;
                System.out.printf("%s: round %d, %,d jobs, %s so far%n", businessKeyPrefix, rounds, due.size(), duration(nanos));
            }
        } finally {
            pool.shutdown();
        }
        return new Phase(nanos, null, jobs, rounds, failures.get(), firstFailure.get());
    }

    private List<String> dueJobs(String businessKeyPrefix) {
        Set<String> instances = new HashSet<>();
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(businessKeyPrefix + "%").list()
                .forEach(instance -> instances.add(instance.getId()));
        Date now = ClockUtil.getCurrentTime();
        return managementService.createJobQuery().executable().list().stream()
                .filter(job -> instances.contains(job.getProcessInstanceId()))
                .filter(job -> job.getDuedate() == null || !job.getDuedate().after(now))
                .map(Job::getId).toList();
    }

    record Phase(long nanos, CountingDataSource.Counts counts, int jobs, int rounds, int failures, String firstFailure) {

        Phase(long nanos, CountingDataSource.Counts counts, int jobs, int rounds, int failures) {
            this(nanos, counts, jobs, rounds, failures, null);
        }

        Phase withCounts(CountingDataSource.Counts counted) {
            return new Phase(nanos, counted, jobs, rounds, failures, firstFailure);
        }
    }

    // --- groups ------------------------------------------------------------------------------------------------

    record GroupSlice(int from, int to, int groups, long nanos, CountingDataSource.Counts counts) {
    }

    record GroupRun(int total, List<GroupSlice> slices, long restartNanos, long restartStatements) {

        int created() {
            return slices.stream().mapToInt(GroupSlice::groups).sum();
        }

        long nanos() {
            return slices.stream().mapToLong(GroupSlice::nanos).sum();
        }

        String summary() {
            if (created() == total) {
                return "%s (measured whole)".formatted(duration(nanos()));
            }
            GroupSlice last = slices.get(slices.size() - 1);
            long extrapolated = nanos() + (long) ((double) last.nanos / last.groups * (total - created()));
            return "**about %s, extrapolated**: %,d groups measured in %s, the rest at the last slice's %s per group"
                    .formatted(duration(extrapolated), created(), duration(nanos()), millis((double) last.nanos / last.groups));
        }
    }

    private GroupRun createGroups() {
        int units = tree.size();
        int total = tree.groups().size();
        List<GroupSlice> slices = new ArrayList<>();
        int done = 0;
        int size = Math.min(units, 250);
        long spent = 0;
        while (done < units && spent < GROUP_BUDGET_NANOS) {
            int to = Math.min(units, done + size);
            UnitTree slice = UnitGroupsForBenchmark.slice(tree, done, to);
            CountingDataSource.Counts before = CountingDataSource.snapshot();
            long started = System.nanoTime();
            UnitGroupsForBenchmark.synchronize(slice, identityService, engineConfiguration, jdbc);
            long nanos = System.nanoTime() - started;
            slices.add(new GroupSlice(done, to, slice.groups().size(), nanos, CountingDataSource.snapshot().minus(before)));
            System.out.printf("groups: units %,d–%,d, %,d groups in %s%n", done + 1, to, slice.groups().size(), seconds(nanos));
            spent += nanos;
            done = to;
            size *= 2;
        }
        long restartNanos = -1;
        long restartStatements = 0;
        if (done == units) {
            CountingDataSource.Counts before = CountingDataSource.snapshot();
            long started = System.nanoTime();
            UnitGroupsForBenchmark.synchronize(tree, identityService, engineConfiguration, jdbc);
            restartNanos = System.nanoTime() - started;
            restartStatements = CountingDataSource.snapshot().minus(before).statements();
        }
        return new GroupRun(total, slices, restartNanos, restartStatements);
    }

    // --- rows ----------------------------------------------------------------------------------------------------

    /** The number of rows of every table. */
    private Map<String, Long> rowCounts() {
        List<String> tables = jdbc.execute((ConnectionCallback<List<String>>) connection -> tables(connection));
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table.replace("\"", "").toUpperCase(Locale.ROOT), jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private static List<String> tables(Connection connection) throws java.sql.SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null && (schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.equalsIgnoreCase("pg_catalog"))) {
                    continue;
                }
                // Quoted as the database spells them: H2 keeps Flyway's table in lower case.
                String quote = meta.getIdentifierQuoteString().strip();
                tables.add((schema == null ? "" : quote + schema + quote + ".") + quote + rs.getString("TABLE_NAME") + quote);
            }
        }
        return tables;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((table, count) -> difference.put(table, count - before.getOrDefault(table, 0L)));
        return difference;
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((table, count) -> sum.merge(table, count, Long::sum));
        return sum;
    }

    private static String group(String table) {
        String name = table.substring(table.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        if (name.startsWith("ACT_RU_")) {
            return "ACT_RU_*";
        } else if (name.startsWith("ACT_HI_")) {
            return "ACT_HI_*";
        } else if (name.startsWith("ACT_")) {
            return "other ACT_*";
        }
        return name.startsWith("FLYWAY") ? "flyway" : "application tables";
    }

    private static Map<String, Long> byGroup(Map<String, Long> tables) {
        Map<String, Long> groups = new LinkedHashMap<>();
        tables.forEach((table, count) -> groups.merge(group(table), count, Long::sum));
        return groups;
    }

    private static Map<String, Map<String, Long>> merge(Map<String, Map<String, Long>> a, Map<String, Map<String, Long>> b) {
        Map<String, Map<String, Long>> merged = new TreeMap<>();
        for (Map<String, Map<String, Long>> part : List.of(a, b)) {
            part.forEach((table, kinds) -> kinds.forEach((kind, rows) ->
                    merged.computeIfAbsent(table, any -> new TreeMap<>()).merge(kind, rows, Long::sum)));
        }
        return merged;
    }

    private static Map<String, Long> written(CountingDataSource.Counts a, CountingDataSource.Counts b) {
        Map<String, Long> groups = new LinkedHashMap<>();
        merge(a.rowsWritten(), b.rowsWritten()).forEach((table, kinds) ->
                groups.merge(group(table), kinds.values().stream().mapToLong(Long::longValue).sum(), Long::sum));
        return groups;
    }

    private static long rows(CountingDataSource.Counts counts) {
        return counts.rowsWritten().values().stream().flatMap(kinds -> kinds.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** "4,003 / 664 / 0 | 7.03": the exact rows inserted, updated and deleted, then their sum per unit. */
    private static String perUnit(Map<String, Long> kinds, int units) {
        if (kinds == null) {
            return " | ";
        }
        long sum = kinds.values().stream().mapToLong(Long::longValue).sum();
        return "%,d / %,d / %,d | %.2f".formatted(kinds.getOrDefault("insert", 0L), kinds.getOrDefault("update", 0L),
                kinds.getOrDefault("delete", 0L), (double) sum / units);
    }

    private static String perUnit(Long count, int units) {
        return count == null ? "" : "%.2f (%,d)".formatted((double) count / units, count);
    }

    private static String kinds(CountingDataSource.Counts a, CountingDataSource.Counts b, int units) {
        Map<String, Long> kinds = new TreeMap<>(a.statementsByKind());
        b.statementsByKind().forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
        return List.of("select", "insert", "update", "delete").stream()
                .map(kind -> "%.2f".formatted((double) kinds.getOrDefault(kind, 0L) / units)).collect(Collectors.joining(" / "));
    }

    private static String abbreviate(String sql) {
        String text = sql.replace("|", "\\|");
        // The start names the statement, the end its condition.
        return text.length() <= 150 ? text : text.substring(0, 70) + " … " + text.substring(text.length() - 75);
    }
}
