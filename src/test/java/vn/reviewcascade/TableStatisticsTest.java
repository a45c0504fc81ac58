package vn.reviewcascade;

import java.sql.Statement;
import java.sql.Timestamp;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table grown in many small steps gets fresh statistics on PostgreSQL once enough of it changed, and not again
 * until it changes more; on H2, which plans by its indexes, the same calls read and write nothing. The suite runs on
 * both (.ci/run), so each database's half is checked in its run.
 */
class TableStatisticsTest extends CascadeTestSupport {

    private static final String PROBE = "rc_statistics_probe";

    @Autowired TableStatistics statistics;
    @Autowired DatabaseProduct database;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aTableGrownByAFifthGetsFreshStatisticsOnceAndNotAgainUntilItChangesMore() {
        jdbc.execute("create table if not exists " + PROBE + " (id integer)");
        jdbc.execute("delete from " + PROBE);
        // Read here, not from the class under test's DatabaseProduct: a wrong answer there must fail, not pick H2's half.
        boolean postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
        assertThat(database.postgres()).as("DatabaseProduct's answer").isEqualTo(postgres);
        if (postgres) {
            jdbc.execute("analyze " + PROBE);
        }
        Timestamp before = lastAnalyze(postgres);

        statistics.refreshOnceGrown(PROBE);
        assertThat(lastAnalyze(postgres)).as("nothing changed since the last statistics").isEqualTo(before);

        grow(postgres, 1500);
        statistics.refreshOnceGrown(PROBE);
        Timestamp refreshed = lastAnalyze(postgres);
        if (postgres) {
            assertThat(refreshed).as("1,500 rows written: analysed").isNotNull().isNotEqualTo(before);
        } else {
            assertThat(refreshed).as("H2 is left alone").isNull();
        }

        statistics.refreshOnceGrown(PROBE);
        assertThat(lastAnalyze(postgres)).as("not again until it changes more").isEqualTo(refreshed);
    }

    /** Writes rows on one connection and has PostgreSQL publish its counters before the next statement. */
    private void grow(boolean postgres, int rows) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(postgres ? "insert into " + PROBE + " select generate_series(1, " + rows + ")"
                        : "insert into " + PROBE + " select x from system_range(1, " + rows + ")");
                if (postgres) {
                    statement.execute("select pg_stat_force_next_flush()");
                    // The counters are published as the connection goes idle after the statement above.
                    statement.execute("select 1");
                }
            }
            return null;
        });
    }

    private Timestamp lastAnalyze(boolean postgres) {
        return postgres ? jdbc.queryForObject("select last_analyze from pg_stat_user_tables "
                + "where schemaname = current_schema() and relname = ?", Timestamp.class, PROBE) : null;
    }
}
