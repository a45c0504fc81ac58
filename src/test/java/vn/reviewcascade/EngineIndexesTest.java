package vn.reviewcascade;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The index the engine's schema lacks exists after start-up, on H2 and on PostgreSQL alike, and a second run is harmless. */
class EngineIndexesTest extends CascadeTestSupport {

    @Autowired DataSource dataSource;
    @Autowired EngineIndexes engineIndexes;

    @Test
    void theAuthorizationsUserIsIndexed() throws SQLException {
        engineIndexes.run();

        assertThat(columnsIndexed("ACT_RU_AUTHORIZATION")).contains("RC_IDX_AUTH_USER_ID USER_ID_");
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
