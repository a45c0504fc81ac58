package vn.reviewcascade.approval;

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

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.UnitReviewStarter;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 40 subordinates of one parent submit from 4 threads, each thread also running the fan-in job of the report it
 * just submitted, as a job executor would. Any optimistic-locking failure would surface here as an exception of a
 * completion or of a job; the design must produce none. Forty keep the four threads overlapping from the first
 * submission to the last, so the counts race all along and the last submissions race for the parent; how fast a
 * thousand go, and how many attempts fail, is measured by FanInBenchmark.
 */
class FanInConcurrencyTest extends CascadeTestSupport {

    private static final int CHILDREN = 40;
    private static final int THREADS = 4;

    @Test
    void fortySubordinatesSubmittingFromFourThreadsAreAllCountedWithoutAFailure() throws Exception {
        Campaign campaign = start("WIDE");
        issueGuidance(campaign, "WIDE");
        List<String> children = reports.findSubordinates(campaign.id(), "WIDE").stream().map(UnitReport::unitCode).toList();
        assertThat(children).hasSize(CHILDREN);
        assertThat(children).allSatisfy(code -> assertThat(task(campaign, code, "DraftDocument")).isNotNull());

        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger submitting = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            List<String> share = children.subList(thread * CHILDREN / THREADS, (thread + 1) * CHILDREN / THREADS);
            work.add(pool.submit(() -> share.forEach(code -> {
                mostAtOnce.accumulateAndGet(submitting.incrementAndGet(), Math::max);
                try {
                    submitReport(campaign, code, draft(1));
                    String instance = unitProcess(campaign, code).getId();
                    for (Job job : managementService.createJobQuery().processInstanceId(instance).executable().list()) {
                        managementService.executeJob(job.getId());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    submitting.decrementAndGet();
                }
            })));
        }
        for (Future<?> future : work) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        runJobs(campaign);

        assertThat(failures).as("exceptions in completions or fan-in jobs").isEmpty();
        assertThat(mostAtOnce.get()).as("submissions and fan-in jobs ran at the same time").isGreaterThan(1);
        assertThat(reports.findSubordinates(campaign.id(), "WIDE")).allMatch(UnitReport::submitted);
        var instances = instanceIds(campaign);
        assertThat(managementService.createJobQuery().withException().list())
                .filteredOn(job -> instances.contains(job.getProcessInstanceId())).isEmpty();
        assertThat(historyService.createHistoricIncidentQuery().list())
                .filteredOn(incident -> incident.getProcessInstanceId() != null)
                .filteredOn(incident -> historyService.createHistoricProcessInstanceQuery()
                        .processInstanceId(incident.getProcessInstanceId()).processInstanceBusinessKeyLike(campaign.id() + "/%")
                        .count() > 0)
                .as("no incident, open or resolved, in this campaign").isEmpty();
        assertThat(historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(unitProcess(campaign, "WIDE").getId()).activityId("SubordinateReportsReceived")
                .finished().count()).as("the parent was told once, not by its deadline").isEqualTo(1);
        assertThat(reports.find(campaign.id(), "WIDE").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        ReportView parent = reportService.view(campaign.id(), "WIDE");
        assertThat(parent.subordinateTotals()).containsEntry("partyMembers", 10L * CHILDREN);
        assertThat(parent.figures()).containsEntry("partyMembers", 10L * CHILDREN);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitReviewStarter.PROCESS_KEY)
                .processInstanceBusinessKeyLike(campaign.id() + "/%").count()).as("only the parent still runs").isEqualTo(1);
    }
}
