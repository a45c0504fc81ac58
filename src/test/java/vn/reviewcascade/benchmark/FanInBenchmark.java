package vn.reviewcascade.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.StartCampaign;
import vn.reviewcascade.report.UnitReport;

/**
 * Measures, not asserts: how long opening a wide campaign takes, how fast a thousand subordinates of one
 * parent submit from four threads, how many of those attempts fail (optimistic locking would show here),
 * and the heap afterwards. Run with {@code mvn -o -B -Pbenchmark test} (with {@link NationalBenchmark}) or
 * {@code -Dtest=FanInBenchmark} alone; figures go to target/benchmark.md and are recorded in docs/benchmark.md.
 * Set -Dbenchmark.children=N for another width.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FanInBenchmark extends CascadeTestSupport {

    private static final int CHILDREN = Integer.getInteger("benchmark.children", 1000);
    private static final int THREADS = 4;

    @DynamicPropertySource
    static void wideTree(DynamicPropertyRegistry registry) throws IOException {
        Path file = Path.of("target", "benchmark-tree.csv");
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder("# levels: PROVINCE=Tỉnh ủy; DISTRICT=Huyện ủy; BASE=Chi bộ\n")
                .append("code,name,level,parent,symbol,drafters,reviewers,signers,guidance_drafters\n")
                .append("BENCH,Tỉnh ủy đo tải,PROVINCE,,TU,,,,\n").append("WIDE,Đảng ủy đo tải,DISTRICT,BENCH,ĐU,,,,\n");
        for (int i = 1; i <= CHILDREN; i++) {
            csv.append("W%05d,Chi bộ đo tải %d,BASE,WIDE,CB,,,,\n".formatted(i, i));
        }
        Files.writeString(file, csv);
        registry.add("review-cascade.units-file", () -> "file:" + file.toAbsolutePath());
        BenchmarkReport.ownDatabase(registry);
    }

    @Test
    void measure() throws Exception {
        List<String> lines = new ArrayList<>();
        long started = System.nanoTime();
        Campaign campaign = campaigns.start(StartCampaign.of(KH_117, null, "WIDE", YEAR), "bench");
        long startedIn = System.nanoTime() - started;
        runJobs(campaign);
        long openedIn = System.nanoTime() - started;
        lines.add(row("start a campaign of %d units (one transaction)".formatted(CHILDREN + 1), startedIn));
        lines.add(row("open every unit (their start jobs, one thread)", openedIn - startedIn));

        long guidance = System.nanoTime();
        issueGuidance(campaign, "WIDE");
        lines.add(row("issue guidance and wake %d units (signal jobs, one thread)".formatted(CHILDREN), System.nanoTime() - guidance));

        List<String> children = reports.findSubordinates(campaign.id(), "WIDE").stream().map(UnitReport::unitCode).toList();
        AtomicInteger failures = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long fanIn = System.nanoTime();
        for (int thread = 0; thread < THREADS; thread++) {
            List<String> share = children.subList(thread * children.size() / THREADS, (thread + 1) * children.size() / THREADS);
            work.add(pool.submit(() -> share.forEach(code -> {
                try {
                    submitReport(campaign, code, draft(1));
                    for (Job job : managementService.createJobQuery().processInstanceId(unitProcess(campaign, code).getId())
                            .executable().list()) {
                        managementService.executeJob(job.getId());
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            })));
        }
        for (Future<?> future : work) {
            future.get(30, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long fanInNanos = System.nanoTime() - fanIn;
        lines.add(row("%d subordinates draft, review, sign and notify from %d threads".formatted(CHILDREN, THREADS), fanInNanos));
        lines.add("| fan-in rate | %.1f subordinates/s (3 task completions and 1 job each) |"
                .formatted(CHILDREN / (fanInNanos / 1e9)));
        lines.add("| failed completions or jobs (optimistic locking would count here) | %d |".formatted(failures.get()));

        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        lines.add("| heap used after, after a GC | %d MB |".formatted(heap / (1024 * 1024)));

        List<String> report = new ArrayList<>(List.of("| measure | value |", "|---|---|"));
        report.addAll(lines);
        Collections.addAll(report, "", BenchmarkReport.environment());
        BenchmarkReport.write("Fan-in: one parent, %,d subordinates (FanInBenchmark)".formatted(CHILDREN), report);
    }

    private static String row(String what, long nanos) {
        return "| %s | %.2f s |".formatted(what, Duration.ofNanos(nanos).toMillis() / 1000.0);
    }
}
