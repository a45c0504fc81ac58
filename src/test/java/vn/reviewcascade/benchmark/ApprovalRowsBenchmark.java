package vn.reviewcascade.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.StartCampaign;

/**
 * Measures, never asserts, the rows the approval path writes per unit, exactly, table by table: N base units of one
 * parent (default 50) are woken by their parent's guidance (their approval starts, the draft task opens), then each
 * unit's draft, review and sign-off are claimed and completed as a member of the task's candidate groups would in
 * Tasklist, the signed report is issued and the parent notified (their jobs run). The floor, in the same run: a bare
 * process of three user tasks for one candidate group, started as often, each task claimed and completed the same way,
 * twice: on a bare engine (the engine's defaults on the same database: what the goal compares with, since trims the
 * application makes to the engine's rows would otherwise shrink the floor with them) and in this engine.
 *
 * <p>{@code mvn -B -Pbenchmark test -Dtest=ApprovalRowsBenchmark}, on PostgreSQL with
 * {@code -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/rc_rows_approval -Dspring.datasource.username=postgres
 * -Dspring.datasource.password=} (an empty database; the engine and Flyway create the tables);
 * {@code -Dbenchmark.units=50}. Figures go to target/benchmark.md; docs/benchmark.md records them.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApprovalRowsBenchmark extends CascadeTestSupport {

    private static final int UNITS = Integer.getInteger("benchmark.units", 50);
    private static final String FLOOR = "approvalFloor";

    @Autowired private RepositoryService repositoryService;
    @Autowired private ProcessEngine processEngine;
    @Autowired private DataSource dataSource;

    @DynamicPropertySource
    static void oneParentTree(DynamicPropertyRegistry registry) throws IOException {
        Path file = Path.of("target", "benchmark-approval-tree.csv");
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder("# levels: PROVINCE=Tỉnh ủy; DISTRICT=Huyện ủy; BASE=Chi bộ\n")
                .append("code,name,level,parent,symbol,drafters,reviewers,signers,guidance_drafters\n")
                .append("RBENCH,Tỉnh ủy đo tải,PROVINCE,,TU,,,,\n").append("RWIDE,Đảng ủy đo tải,DISTRICT,RBENCH,ĐU,,,,\n");
        for (int i = 1; i <= UNITS; i++) {
            csv.append("R%05d,Chi bộ đo tải %d,BASE,RWIDE,CB,,,,\n".formatted(i, i));
        }
        Files.writeString(file, csv);
        registry.add("review-cascade.units-file", () -> "file:" + file.toAbsolutePath());
        BenchmarkReport.ownDatabase(registry);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && name.equals("dataSource")
                            ? CountingDataSource.wrap(dataSource) : bean;
                }
            };
        }
    }

    @Test
    void measure() {
        Campaign campaign = campaigns.start(StartCampaign.of(KH_117, null, "RWIDE", YEAR), "bench");
        runJobs(campaign);
        complete(campaign, "RWIDE", "DraftDocument", guidance());
        approve(campaign, "RWIDE", "SignDocument");
        List<String> children = reports.findSubordinates(campaign.id(), "RWIDE").stream().map(r -> r.unitCode()).toList();

        CountingDataSource.Counts before = CountingDataSource.snapshot();
        long started = System.nanoTime();
        // The guidance's signal wakes each unit: its approval starts and its draft task opens.
        runJobs(campaign);
        for (String unit : children) {
            claimAndComplete(campaign, unit, "DraftDocument", draft(1));
            claimAndComplete(campaign, unit, "ReviewDraft", Map.of("approved", true));
            claimAndComplete(campaign, unit, "SignDocument", Map.of("approved", true));
        }
        runJobs(campaign);
        long ourNanos = System.nanoTime() - started;
        CountingDataSource.Counts ours = CountingDataSource.snapshot().minus(before);


        // The floor in this engine: the application's history trims and authorization provider reach it too.
        repositoryService.createDeployment().name(FLOOR).addModelInstance(FLOOR + ".bpmn", floorProcess()).deploy();
        Floor sameEngine = floor(processEngine, children.size());
        // The bare engine's floor: the engine as it comes (its default history and authorization provider), on the
        // same database in the same run, as the goal's reference.
        ProcessEngine bare = bareEngine();
        Floor bareEngine;
        try {
            bare.getRepositoryService().createDeployment().name(FLOOR).addModelInstance(FLOOR + ".bpmn", floorProcess())
                    .deploy();
            bareEngine = floor(bare, children.size());
        } finally {
            bare.close();
        }
        report(ours, ourNanos, bareEngine, sameEngine, children.size());
    }

    private record Floor(CountingDataSource.Counts counts, long nanos) {
    }

    /** A bare process of three user tasks started as often as there are units, each task claimed and completed. */
    private static Floor floor(ProcessEngine engine, int times) {
        CountingDataSource.Counts before = CountingDataSource.snapshot();
        long started = System.nanoTime();
        for (int i = 0; i < times; i++) {
            String instance = engine.getRuntimeService().startProcessInstanceByKey(FLOOR, "floor/" + i).getId();
            for (int step = 0; step < 3; step++) {
                Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
                engine.getIdentityService().setAuthentication("floor.user", List.of("RBENCH.drafters"));
                try {
                    engine.getTaskService().claim(task.getId(), "floor.user");
                    engine.getTaskService().complete(task.getId());
                } finally {
                    engine.getIdentityService().clearAuthentication();
                }
            }
        }
        return new Floor(CountingDataSource.snapshot().minus(before), System.nanoTime() - started);
    }

    /**
     * The engine with its defaults on the application's (counted) database: full history, authorization on, no plugin;
     * only the identifiers are the Spring Boot starter's, and its job executor stays off (the floor has no job).
     */
    private ProcessEngine bareEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bareFloor");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        configuration.setIdGenerator(new StrongUuidGenerator());
        return configuration.buildProcessEngine();
    }

    /** As a member of the task's candidate groups in Tasklist: the form claims the task, then completes it. */
    private void claimAndComplete(Campaign campaign, String unit, String taskKey, Map<String, Object> input) {
        Task task = task(campaign, unit, taskKey);
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        // With the task's tenant, which the groups are members of, as a login gives it (read here without a query).
        identityService.setAuthentication("user." + unit, groups,
                task.getTenantId() == null ? List.of() : List.of(task.getTenantId()));
        try {
            taskService.claim(task.getId(), "user." + unit);
        } finally {
            identityService.clearAuthentication();
        }
        complete(campaign, unit, taskKey, input);
        for (Job job : managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).executable().list()) {
            managementService.executeJob(job.getId());
        }
    }

    private static BpmnModelInstance floorProcess() {
        return Bpmn.createExecutableProcess(FLOOR).camundaHistoryTimeToLive(365).startEvent()
                .userTask("first").camundaCandidateGroups("RBENCH.drafters")
                .userTask("second").camundaCandidateGroups("RBENCH.drafters")
                .userTask("third").camundaCandidateGroups("RBENCH.drafters").endEvent().done();
    }

    private static void report(CountingDataSource.Counts ours, long ourNanos, Floor bare, Floor same, int units) {
        List<Map<String, Map<String, Long>>> sides = List.of(ours.rowsWritten(), bare.counts().rowsWritten(),
                same.counts().rowsWritten());
        List<String> out = new ArrayList<>();
        out.add(("%d base units: guidance wakes them, each draft, review and sign-off claimed and completed, the report issued "
                + "and the parent notified. Floor: a bare process of three user tasks (one candidate group), started, each "
                + "task claimed and completed; on the bare engine (its defaults, the same database, the goal's reference) "
                + "and in this engine (with the application's history trims and authorization provider). Rows written per "
                + "unit (inserted + updated + deleted); tables written by no side are left out.").formatted(units));
        out.add("");
        out.add("| table | this application (insert / update / delete) | floor, bare engine | floor, this engine |");
        out.add("|---|---|---|---|");
        TreeSet<String> tables = new TreeSet<>();
        sides.forEach(side -> tables.addAll(side.keySet()));
        Map<String, double[]> groups = new TreeMap<>();
        for (String table : tables) {
            if (sides.stream().mapToLong(side -> total(side.get(table))).sum() == 0) {
                continue;
            }
            out.add("| `%s` | %s | %s | %s |".formatted(table, perUnit(sides.get(0).get(table), units),
                    perUnit(sides.get(1).get(table), units), perUnit(sides.get(2).get(table), units)));
            String group = table.startsWith("ACT_HI_") ? "ACT_HI_*" : table.startsWith("ACT_RU_") ? "ACT_RU_*"
                    : table.startsWith("ACT_") ? "ACT_other" : "application";
            double[] sums = groups.computeIfAbsent(group, any -> new double[3]);
            for (int side = 0; side < 3; side++) {
                sums[side] += total(sides.get(side).get(table)) / (double) units;
            }
        }
        double[] totals = new double[3];
        groups.forEach((group, sums) -> {
            out.add("| **%s** | **%.2f** | **%.2f** | **%.2f** |".formatted(group, sums[0], sums[1], sums[2]));
            for (int side = 0; side < 3; side++) {
                totals[side] += sums[side];
            }
        });
        out.add("| **all rows** | **%.2f** | **%.2f** (ratio %.2f) | **%.2f** (ratio %.2f) |".formatted(totals[0], totals[1],
                totals[0] / totals[1], totals[2], totals[0] / totals[2]));
        out.add("| statements | %.2f | %.2f | %.2f |".formatted(ours.statements() / (double) units,
                bare.counts().statements() / (double) units, same.counts().statements() / (double) units));
        out.add("| time (not the subject here) | %s | %s | %s |".formatted(BenchmarkReport.seconds(ourNanos),
                BenchmarkReport.seconds(bare.nanos()), BenchmarkReport.seconds(same.nanos())));
        out.add("");
        out.add(BenchmarkReport.environment());
        BenchmarkReport.write("Rows per unit on the approval path (ApprovalRowsBenchmark)", out);
    }

    private static long total(Map<String, Long> kinds) {
        return kinds == null ? 0 : kinds.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String perUnit(Map<String, Long> kinds, int units) {
        if (kinds == null) {
            return "";
        }
        return "%.2f (%.2f / %.2f / %.2f)".formatted(total(kinds) / (double) units, kinds.getOrDefault("insert", 0L) / (double) units,
                kinds.getOrDefault("update", 0L) / (double) units, kinds.getOrDefault("delete", 0L) / (double) units);
    }
}
