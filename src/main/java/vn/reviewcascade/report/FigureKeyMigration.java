package vn.reviewcascade.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 7: figures stored before plans were files carry the name of a Java constant
 * ({@code NEW_PARTY_MEMBERS}); plans name them as the API and the forms always did ({@code newPartyMembers}). The
 * rule between the two is general, so no plan's figures are named here. Written in Java because neither H2 nor
 * PostgreSQL can camel-case in SQL that both accept.
 */
@Component
class FigureKeyMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
        return "figure keys as plans spell them";
    }

    @Override
    public Integer getChecksum() {
        return 7;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> stored = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select distinct indicator from report_figure");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update report_figure set indicator = ? where indicator = ?")) {
            for (String constant : stored) {
                if (constant.matches("[A-Z][A-Z0-9_]*")) {
                    update.setString(1, camelCase(constant));
                    update.setString(2, constant);
                    update.executeUpdate();
                }
            }
        }
    }

    /** {@code ENTERPRISES_WITH_PARTY_ORG} → {@code enterprisesWithPartyOrg}. */
    static String camelCase(String constant) {
        StringBuilder key = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            key.append(key.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return key.toString();
    }
}
