package vn.reviewcascade.security;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;

/**
 * Adds the one index the engine's schema lacks for its own authorization checks: on the user of an authorization.
 * Every check of a logged-in user reads that user's and that user's groups' grants ({@code USER_ID_ IN (…) OR GROUP_ID_
 * IN (…)}); the engine indexes {@code GROUP_ID_} alone but {@code USER_ID_} only behind {@code TYPE_} in its unique
 * key, so the OR read the whole table: 376,896 rows, 85–110 ms of a base user's task count at national size, where
 * with this index both sides are index lookups (0.4 ms; docs/benchmark.md). The application's only DDL on an engine
 * table; an engine upgrade leaves an index it does not know alone, and the statement does nothing once it exists.
 */
@Component
@Order(2)
class AuthorizationUserIndex implements SetupStep {

    private final JdbcTemplate jdbc;

    AuthorizationUserIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run() {
        jdbc.execute("create index if not exists RC_IDX_AUTH_USER_ID on ACT_RU_AUTHORIZATION (USER_ID_)");
    }
}
