package vn.reviewcascade;

import java.sql.Timestamp;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dates the jobs written without a due date, by a version of the application from before every job got one (or by a
 * node still running it while the others are upgraded): the job executor now takes only jobs due by now
 * (application.yaml, {@code ensure-job-due-date-not-null}), so an undated job would wait for ever. They become due
 * now. The engine's API can neither find jobs without a due date nor date many at once; one statement does both, and
 * finds nothing once done: a read of the job table at each start (4–120 ms with the national campaign's 100,000 jobs).
 */
@Component
@Order(3)
class UndatedJobs implements SetupStep {

    private final JdbcTemplate jdbc;
    private final EngineClock clock;

    UndatedJobs(JdbcTemplate jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run() {
        jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null", Timestamp.from(clock.now()));
    }
}
