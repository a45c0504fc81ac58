package vn.reviewcascade.campaign;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.approval.SubordinateReviewOpener;
import vn.reviewcascade.report.DocumentNumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * A campaign larger than one transaction's part (here 2 units, in production 2,000): the request answers once the
 * campaign and its first part are recorded; the rest of its units are written by the jobs of {@code campaignOpening},
 * a part each, then the root's review opens and the units below it open level by level in their own jobs. The tests
 * run the jobs themselves, as every test here does, and follow the progress the office page shows.
 */
@TestPropertySource(properties = "review-cascade.campaigns.units-per-transaction=2")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Order(Integer.MAX_VALUE - 1)
class CampaignOpeningTest extends CascadeTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String PASSWORD = "Mat-Khau-Van-Phong-1";
    private static final int PART = 2;

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @MockitoSpyBean DocumentNumbers documentNumbers;
    @MockitoSpyBean SubordinateReviewOpener subordinateReviewOpener;

    @BeforeEach
    void users() {
        user("vp.bdv", "vp.bdv@tinhuy.test", PASSWORD, "bdv-tu");
    }

    @Test
    void aLargeCampaignAnswersBeforeItsUnitsAreWrittenAndOpensThemWhenTheJobsRun() {
        long id = startOverHttp("Đợt lớn mở dần");
        int total = unitsReached();
        assertThat(total).as("three parts at least").isGreaterThan(2 * PART);

        // The answer came with the first part written and no unit's review started.
        assertThat(rows(id)).isEqualTo(PART);
        assertThat(reviews(id)).isZero();
        Map<String, Object> opening = opening(id);
        assertThat(opening).containsEntry("stage", "WRITING").containsEntry("done", PART).containsEntry("total", total)
                .containsEntry("label", "Đang ghi các đơn vị của đợt: 2/" + total).containsEntry("stopped", false);

        // One job writes one more part, in its own transaction.
        managementService.executeJob(openingJob(id).getId());
        assertThat(rows(id)).isEqualTo(2 * PART);
        assertThat(opening(id)).containsEntry("done", 2 * PART);

        // The parts until every unit is written; the last one starts the root's review, whose start is a job.
        while (openingJob(id) != null) {
            managementService.executeJob(openingJob(id).getId());
        }
        assertThat(rows(id)).isEqualTo(total);
        assertThat(reviews(id)).isEqualTo(1);
        assertThat(opening(id)).containsEntry("stage", "OPENING").containsEntry("done", 0)
                .containsEntry("label", "Đang mở các đơn vị: 0/" + total);

        runJobs(campaigns.find(id));

        assertThat(reviews(id)).isEqualTo(total);
        assertThat(summary(id)).doesNotContainKey("opening");
        assertThat(jdbc.queryForObject("select count(*) from campaign_unit where campaign_id = ? and process_instance_id is null",
                Integer.class, id)).isZero();
        assertThat(task(campaigns.find(id), "TU", "DraftDocument")).as("the province drafts its guidance").isNotNull();
        // Every unit's document sequences, once each.
        assertThat(jdbc.queryForObject("""
                select count(*) from document_sequence s join campaign_unit r on r.unit_code = s.issuer
                where r.campaign_id = ?""", Integer.class, id)).isEqualTo(2 * total);
    }

    @Test
    void aPartThatFailsStopsVisiblyAndResumesWhereItStoppedWritingNothingTwice() {
        long id = startOverHttp("Đợt gặp lỗi khi mở");
        int total = unitsReached();
        managementService.executeJob(openingJob(id).getId());
        assertThat(rows(id)).isEqualTo(2 * PART);

        doThrow(new IllegalStateException("Mất kết nối tới cơ sở dữ liệu (thử)")).when(documentNumbers).prepare(any());
        try {
            // The job's retries run out (the engine waits between them; the test does not).
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    managementService.executeJob(openingJob(id).getId());
                } catch (RuntimeException expected) {
                    // the part's error, as the job executor would log it
                }
            }
        } finally {
            doCallRealMethod().when(documentNumbers).prepare(any());
        }
        assertThat(openingJob(id).getRetries()).isZero();
        // The failed part wrote nothing: what was committed before stays, and the failure shows with the progress.
        assertThat(rows(id)).isEqualTo(2 * PART);
        assertThat(opening(id)).containsEntry("stage", "WRITING").containsEntry("done", 2 * PART)
                .containsEntry("stopped", true).containsEntry("failure", "Mất kết nối tới cơ sở dữ liệu (thử)");
        runJobs(campaigns.find(id));
        assertThat(rows(id)).as("a stopped opening waits for the board").isEqualTo(2 * PART);

        ResponseEntity<Map<String, Object>> retried = as("vp.bdv").exchange("/api/campaigns/" + id + "/opening/retry",
                HttpMethod.POST, null, JSON);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody()).containsEntry("jobs", 1);
        // Until the part runs again, the last error shows as one being retried.
        assertThat(map(retried.getBody().get("opening"))).containsEntry("stopped", false);
        runJobs(campaigns.find(id));

        assertThat(rows(id)).isEqualTo(total);
        assertThat(jdbc.queryForObject("select count(distinct unit_code) from campaign_unit where campaign_id = ?",
                Integer.class, id)).isEqualTo(total);
        assertThat(reviews(id)).isEqualTo(total);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitReviewStarter.PROCESS_KEY)
                .processInstanceBusinessKey(id + "/TU").count()).as("the root's review, once").isEqualTo(1);
        assertThat(summary(id)).doesNotContainKey("opening");
        // Nothing stopped is nothing to retry.
        assertThat(as("vp.bdv").exchange("/api/campaigns/" + id + "/opening/retry", HttpMethod.POST, null, JSON)
                .getBody()).containsEntry("jobs", 0);
    }

    @Test
    void aUnitWhoseReviewCannotOpenStopsVisiblyAndOpensOnceRetried() {
        long id = startOverHttp("Đợt có đơn vị không mở được");
        int total = unitsReached();
        doThrow(new IllegalStateException("Không đọc được các đơn vị trực thuộc (thử)")).when(subordinateReviewOpener)
                .execute(argThat(execution -> execution != null && execution.getProcessBusinessKey().equals(id + "/VL")));
        try {
            runJobsThroughFailures(id);
            // Vĩnh Linh's start job failed once; the engine waits before its retries, the test runs them at once.
            Job failing = startJob(id, "VL");
            assertThat(failing.getExceptionMessage()).isEqualTo("Không đọc được các đơn vị trực thuộc (thử)");
            assertThat(opening(id)).containsEntry("stage", "OPENING").containsEntry("stopped", false)
                    .containsEntry("failure", "Không đọc được các đơn vị trực thuộc (thử)");
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    managementService.executeJob(startJob(id, "VL").getId());
                } catch (RuntimeException expected) {
                    // the unit's error, as the job executor would log it
                }
            }
        } finally {
            doCallRealMethod().when(subordinateReviewOpener).execute(any());
        }
        assertThat(startJob(id, "VL").getRetries()).isZero();
        Map<String, Object> stopped = opening(id);
        assertThat(stopped).containsEntry("stage", "OPENING").containsEntry("stopped", true);
        // Vĩnh Linh and the units below it, which it opens, wait; the others opened.
        assertThat(((Number) stopped.get("done")).intValue()).isLessThan(total);

        ResponseEntity<Map<String, Object>> retried = as("vp.bdv").exchange("/api/campaigns/" + id + "/opening/retry",
                HttpMethod.POST, null, JSON);
        assertThat(retried.getBody()).containsEntry("jobs", 1);
        runJobs(campaigns.find(id));

        assertThat(reviews(id)).isEqualTo(total);
        assertThat(summary(id)).doesNotContainKey("opening");
    }

    /** Runs the campaign's due jobs as the job executor would: one failing leaves its error on it and waits. */
    private void runJobsThroughFailures(long id) {
        for (List<Job> due = dueJobs(campaigns.find(id)); !due.isEmpty(); due = dueJobs(campaigns.find(id))) {
            for (Job job : due) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // the job keeps the error and its next try is due later
                }
            }
        }
    }

    /** The job that opens the unit's review (its asynchronous start), while it has not run. */
    private Job startJob(long id, String unitCode) {
        ProcessInstance review = unitProcess(campaigns.find(id), unitCode);
        return managementService.createJobQuery().processInstanceId(review.getId())
                .activityId(CampaignOpening.UNIT_START_ACTIVITY).singleResult();
    }

    @Test
    void aCampaignStillBeingWrittenIsNotStartedTwiceAndEndsLeavingNothingRunning() {
        Map<String, Object> request = request("Đợt bấm hai lần");
        long id = startOverHttp(request);

        ResponseEntity<Map<String, Object>> again = as("vp.bdv").exchange("/api/campaigns", HttpMethod.POST, json(request), JSON);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("select count(*) from campaign where title = ?", Integer.class, "Đợt bấm hai lần"))
                .isEqualTo(1);

        ResponseEntity<Map<String, Object>> ended = as("vp.bdv").exchange("/api/campaigns/" + id + "/end", HttpMethod.POST,
                json(Map.of("reason", "Mở nhầm khi đang ghi các đơn vị")), JSON);
        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.OK);

        // The opening went with the campaign's processes: no part, no review is left to start later.
        assertThat(openingJob(id)).isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(id + "/%").count()).isZero();
        runJobs(campaigns.find(id));
        assertThat(reviews(id)).isZero();
        assertThat(rows(id)).isEqualTo(PART);
        assertThat(summary(id)).doesNotContainKey("opening");
        assertThat(as("vp.bdv").exchange("/api/campaigns/" + id + "/opening/retry", HttpMethod.POST, null, JSON)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private long startOverHttp(String title) {
        return startOverHttp(request(title));
    }

    private long startOverHttp(Map<String, Object> request) {
        ResponseEntity<Map<String, Object>> started = as("vp.bdv").exchange("/api/campaigns", HttpMethod.POST,
                json(request), JSON);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) started.getBody().get("id")).longValue();
    }

    private static Map<String, Object> request(String title) {
        return Map.of("plan", KH_117, "rootUnit", "TU", "year", YEAR, "title", title);
    }

    private int unitsReached() {
        ResponseEntity<Map<String, Object>> preview = as("vp.bdv").exchange("/api/campaigns/preview", HttpMethod.POST,
                json(request("Xem trước")), JSON);
        return ((Number) preview.getBody().get("totalUnits")).intValue();
    }

    private int rows(long id) {
        return jdbc.queryForObject("select count(*) from campaign_unit where campaign_id = ?", Integer.class, id);
    }

    private long reviews(long id) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitReviewStarter.PROCESS_KEY)
                .processInstanceBusinessKeyLike(id + "/%").count();
    }

    /** The job of the part to write next, or null once the opening process has ended. */
    private Job openingJob(long id) {
        ProcessInstance opening = runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignOpening.PROCESS_KEY)
                .processInstanceBusinessKey(id + "/opening").singleResult();
        return opening == null ? null : managementService.createJobQuery().processInstanceId(opening.getId()).singleResult();
    }

    private Map<String, Object> summary(long id) {
        ResponseEntity<Map<String, Object>> answer = as("vp.bdv").exchange("/api/campaigns/" + id, HttpMethod.GET, null, JSON);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private Map<String, Object> opening(long id) {
        Map<String, Object> summary = summary(id);
        assertThat(summary).containsKey("opening");
        return map(summary.get("opening"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, PASSWORD);
    }
}
