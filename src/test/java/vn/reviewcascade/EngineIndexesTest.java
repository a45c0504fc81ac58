package vn.reviewcascade;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes the engine's schema lacks exist after start-up, on H2 and on PostgreSQL alike, and a second run is
 * harmless; a job left without a due date by an earlier version becomes due.
 */
class EngineIndexesTest extends CascadeTestSupport {

    @Autowired DataSource dataSource;
    @Autowired EngineIndexes engineIndexes;
    @Autowired UndatedJobs undatedJobs;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theAuthorizationsUserIsIndexed() throws SQLException {
        engineIndexes.run();

        assertThat(columnsIndexed("ACT_RU_AUTHORIZATION")).contains("RC_IDX_AUTH_USER_ID USER_ID_");
    }

    @Test
    void theJobsAreIndexedInTheOrderTheJobExecutorTakesThem() throws SQLException {
        engineIndexes.run();

        assertThat(columnsIndexed("ACT_RU_JOB")).contains("RC_IDX_JOB_ACQUISITION PRIORITY_", "RC_IDX_JOB_ACQUISITION DUEDATE_");
    }

    @Test
    void aJobWrittenWithoutADueDateBecomesDueAtStartUp() {
        Campaign campaign = start("CC");
        String job = managementService.createJobQuery().processInstanceId(unitProcess(campaign, "CC").getId()).timers()
                .list().get(0).getId();
        jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?", job);
        assertThat(managementService.createJobQuery().jobId(job).singleResult().getDuedate()).isNull();

        Date now = new Date(ClockUtil.getCurrentTime().getTime());
        ClockUtil.setCurrentTime(now);
        undatedJobs.run();

        assertThat(managementService.createJobQuery().jobId(job).singleResult().getDuedate()).isEqualTo(now);
        assertThat(managementService.createJobQuery().jobId(job).executable().count()).as("the job executor may take it").isEqualTo(1);
    }

    private List<String> columnsIndexed(String table) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
                try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
                    while (indexes.next()) {
                        if (indexes.getString("INDEX_NAME") != null) {
                            found.add((indexes.getString("INDEX_NAME") + " " + indexes.getString("COLUMN_NAME"))
                                    .toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return found;
    }
}
