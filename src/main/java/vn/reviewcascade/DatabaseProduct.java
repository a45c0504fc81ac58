package vn.reviewcascade;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, read once from the connection: the few statements PostgreSQL alone takes
 * (statistics, a partial index) ask here.
 */
@Component
public class DatabaseProduct {

    private final boolean postgres;

    DatabaseProduct(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    public boolean postgres() {
        return postgres;
    }
}
