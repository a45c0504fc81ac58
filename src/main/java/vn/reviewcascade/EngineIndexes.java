package vn.reviewcascade;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two indexes the engine's schema lacks for queries it runs all the time at national size, added at start-up: the
 * application's only DDL on engine tables. An engine upgrade leaves indexes it does not know alone, and each statement
 * does nothing once its index exists. Figures in docs/benchmark.md.
 * <ul>
 * <li>{@code ACT_RU_AUTHORIZATION(USER_ID_)}: every check of a logged-in user reads that user's and their groups'
 * grants ({@code USER_ID_ IN (…) OR GROUP_ID_ IN (…)}); the engine indexes {@code GROUP_ID_} alone but
 * {@code USER_ID_} only behind {@code TYPE_} in its unique key, so the OR read the whole table (376,896 rows, 85–110
 * ms of a base user's task count with the national tree) where both sides are now index lookups (0.4 ms).</li>
 * <li>{@code ACT_RU_JOB(PRIORITY_ DESC)}: jobs are acquired by priority ({@code application.yaml}), {@code ORDER BY
 * PRIORITY_ DESC} over every acquirable job; while a national campaign opened (106,714 jobs, 24,000 due) each
 * acquisition of 6 jobs sorted all due jobs, 287 ms, and opening the country took 2.5 times as long. Read in the
 * index's order the acquisition stops at the sixth job it may take (34 ms).</li>
 * </ul>
 */
@Component
@Order(2)
class EngineIndexes implements SetupStep {

    private final JdbcTemplate jdbc;

    EngineIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run() {
        jdbc.execute("create index if not exists RC_IDX_AUTH_USER_ID on ACT_RU_AUTHORIZATION (USER_ID_)");
        jdbc.execute("create index if not exists RC_IDX_JOB_PRIORITY on ACT_RU_JOB (PRIORITY_ desc)");
    }
}
