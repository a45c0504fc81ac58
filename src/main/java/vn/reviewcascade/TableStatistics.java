package vn.reviewcascade;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes PostgreSQL's statistics of tables the application has just filled in bulk. A national campaign writes
 * 53,356 unit rows within a minute and then reads each unit's subordinates once per unit opened: with statistics of
 * the table when it was small, the planner kept scanning it (3.4 ms a read instead of 0.05 ms, a quarter of the
 * national opening's time in the benchmark), and autovacuum may be off or not have caught up. {@code ANALYZE} changes
 * no row and takes no lock that writers or readers wait for; plans made before it are made again. H2 plans these
 * reads by their indexes and is left alone.
 */
@Component
public class TableStatistics {

    private final JdbcClient jdbc;
    private final DatabaseProduct database;

    TableStatistics(JdbcClient jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** @param tables names written in the code, never a user's input */
    public void refresh(List<String> tables) {
        if (database.postgres()) {
            tables.forEach(table -> jdbc.sql("analyze " + table).update());
        }
    }

    /**
     * Refreshes a table's statistics once a fifth of its rows (and at least a thousand) changed since they were last
     * taken, or since it was made if they never were: for a table that grows by tens of thousands of rows while the
     * application works, in steps no single caller sees whole. The engine's job table is one: a national opening
     * writes its 100,000 jobs a province and a commune at a time, and without statistics the planner sorted every due
     * job at each acquisition (650 ms) where, with them, it reads the acquisition index and stops at the first (5 ms;
     * docs/benchmark.md). Autovacuum does the same where it runs, up to a minute later; the check reads one row of
     * PostgreSQL's own counters.
     *
     * @param table a name written in the code, never a user's input
     */
    public void refreshOnceGrown(String table) {
        if (database.postgres() && jdbc.sql("""
                        select count(*) from pg_stat_user_tables where schemaname = current_schema() and relname = ?
                          and n_mod_since_analyze > greatest(1000, n_live_tup / 5)""")
                .param(table.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0) {
            jdbc.sql("analyze " + table).update();
        }
    }
}
