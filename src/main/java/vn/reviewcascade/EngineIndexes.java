package vn.reviewcascade;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The indexes the engine's schema lacks for the queries it runs most at national size, added at start-up: the
 * application's only DDL on engine tables. An engine upgrade leaves indexes it does not know alone, and each statement
 * does nothing once its index exists.
 * <ul>
 * <li>{@code ACT_RU_AUTHORIZATION (USER_ID_)}: every check of a logged-in user reads that user's and their groups'
 * grants ({@code USER_ID_ IN (…) OR GROUP_ID_ IN (…)}); the engine indexes {@code GROUP_ID_} alone but {@code USER_ID_}
 * only behind {@code TYPE_} in its unique key, so the OR read the whole table (376,896 rows, 85–110 ms of a base
 * user's task count with the national tree) where both sides are now index lookups (0.4 ms).</li>
 * <li>{@code ACT_RU_JOB (PRIORITY_ DESC, DUEDATE_)}: the job executor takes jobs by priority, then due date
 * (application.yaml), every job having a due date; read in this index's order, the acquisition stops at the first jobs
 * it may take instead of sorting every due job (287 ms with 24,000 due).</li>
 * <li>On PostgreSQL, {@code ACT_RU_JOB (LOCK_EXP_TIME_)} for the locked jobs only: the acquisition skips a job whose
 * process has another exclusive job running, which PostgreSQL answered by reading the whole table for the few locked
 * ones (30–40 ms of each acquisition with 106,000 jobs; with this index 0.03 ms). H2 has no partial index, and the
 * embedded default never holds that many jobs.</li>
 * </ul>
 * docs/benchmark.md has the measurements.
 */
@Component
@Order(2)
class EngineIndexes implements SetupStep {

    private final JdbcTemplate jdbc;
    private final DatabaseProduct database;

    EngineIndexes(JdbcTemplate jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    @Override
    public void run() {
        jdbc.execute("create index if not exists RC_IDX_AUTH_USER_ID on ACT_RU_AUTHORIZATION (USER_ID_)");
        jdbc.execute("create index if not exists RC_IDX_JOB_ACQUISITION on ACT_RU_JOB (PRIORITY_ desc, DUEDATE_)");
        if (database.postgres()) {
            jdbc.execute("create index if not exists RC_IDX_JOB_LOCKED on ACT_RU_JOB (LOCK_EXP_TIME_) where LOCK_OWNER_ is not null");
        }
    }
}
