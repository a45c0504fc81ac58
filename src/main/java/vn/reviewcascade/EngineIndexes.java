package vn.reviewcascade;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index the engine's schema lacks for the query it runs for every logged-in user at national size, added at
 * start-up: the application's only DDL on an engine table. Every check of a logged-in user reads that user's and their
 * groups' grants ({@code USER_ID_ IN (…) OR GROUP_ID_ IN (…)}); the engine indexes {@code ACT_RU_AUTHORIZATION}'s
 * {@code GROUP_ID_} alone but {@code USER_ID_} only behind {@code TYPE_} in its unique key, so the OR read the whole
 * table (376,896 rows, 85–110 ms of a base user's task count with the national tree) where both sides are now index
 * lookups (0.4 ms; docs/benchmark.md). An engine upgrade leaves an index it does not know alone, and the statement
 * does nothing once the index exists.
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
    }
}
