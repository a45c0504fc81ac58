package vn.reviewcascade.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.digest.SaltGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.reviewcascade.ReviewCascadeApplication;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitTree;

import static vn.reviewcascade.benchmark.BenchmarkReport.duration;

/**
 * Measures, never asserts, the user import at national size: the packaged application on PostgreSQL with the national
 * tree of {@link NationalTree}, one file of 53,000 people (one per unit, in file order, the five roles in turn) sent
 * to {@code POST /api/users/import} as the administrator, first when none of them exists (users created, temporary
 * passwords hashed, memberships), then the same file again (every user found, every membership there). Also the
 * engine's password hashing alone, per password.
 *
 * <p>{@code mvn -B -Pbenchmark test -Dtest=UserImportBenchmark -Dbenchmark.database=rc_rows_import}; PostgreSQL at
 * {@code -Dbenchmark.postgres=jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres}; the application on
 * {@code -Dbenchmark.port=8185}; {@code -Dbenchmark.import-lines=53000}. The database is created when missing and
 * kept, with its groups (written in bulk, as {@link AuthorizationBenchmark} does); the people of an earlier run are
 * removed first. Figures go to target/benchmark.md; docs/benchmark.md records them.
 */
class UserImportBenchmark {

    private static final String POSTGRES = System.getProperty("benchmark.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DATABASE = System.getProperty("benchmark.database", "rc_rows_import");
    private static final int PORT = Integer.getInteger("benchmark.port", 8185);
    private static final int LINES = Integer.getInteger("benchmark.import-lines", 53_000);
    private static final String DOMAIN = "nhap-do-tai.test";
    private static final Path TREE = Path.of("target", "benchmark-import-tree.csv");
    private static final String[] ROLES = {"DRAFTER", "REVIEWER", "SIGNER", "GUIDANCE_DRAFTER", "CLERK"};

    @Test
    void measure() throws Exception {
        NationalTree.write(TREE, NationalTree.Sizes.fromSystemProperties());
        boolean created = createDatabase();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", POSTGRES + DATABASE);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("review-cascade.units-file", "file:" + TREE.toAbsolutePath());
        properties.put("review-cascade.security.observer-groups", "bdv-tu,btc-tu,btgdv-tu,btgdv-tw");
        properties.put("server.port", PORT);
        properties.put("camunda.bpm.job-execution.enabled", false);
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ReviewCascadeApplication.class).profiles("test");
        if (created) {
            builder.sources(AuthorizationBenchmark.GroupsWrittenInBulk.class);
        }
        try (ConfigurableApplicationContext context = builder.run(arguments)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            UnitTree tree = context.getBean(UnitTree.class);
            if (created) {
                AuthorizationBenchmark.writeGroups(tree, jdbc);
            }
            removeEarlierPeople(jdbc);
            jdbc.execute("ANALYZE");
            byte[] csv = file(tree);
            List<String> out = new ArrayList<>();
            out.add("| measure | value |");
            out.add("|---|---|");
            out.add("| file | %,d lines, %,d bytes, %,d units in the tree |".formatted(LINES, csv.length, tree.size()));
            out.add("| the engine's password hashing alone (salt and hash), per password, 2,000 after 2,000 untimed | %s |"
                    .formatted(BenchmarkReport.millis(hashNanos(context))));
            for (String run : List.of("first import (every user new)", "the same file again (every user there)")) {
                long started = System.nanoTime();
                String body = post(csv);
                long nanos = System.nanoTime() - started;
                // Each imported line carries its user id, each refused one its message.
                int imported = count(body, "\"userId\"");
                out.add("| %s | %s (%,.0f lines/s); %,d imported, %,d refused, %,d temporary passwords, response %,d bytes |"
                        .formatted(run, duration(nanos), LINES / (nanos / 1e9), imported, count(body, "\"message\""),
                                count(body, "\"temporaryPassword\""), body.length()));
            }
            out.add("| users / memberships held afterwards | %,d / %,d |".formatted(
                    jdbc.queryForObject("select count(*) from act_id_user where email_ like ?", Long.class, "%@" + DOMAIN),
                    jdbc.queryForObject("select count(*) from act_id_membership m join act_id_user u on u.id_ = m.user_id_ "
                            + "where u.email_ like ?", Long.class, "%@" + DOMAIN)));
            out.add("");
            out.add("Database of this benchmark: PostgreSQL " + DATABASE + ". " + BenchmarkReport.environment());
            BenchmarkReport.write("User import at national size (UserImportBenchmark)", out);
        }
    }

    /** One line per unit in file order, the roles in turn, names made up. */
    private static byte[] file(UnitTree tree) {
        StringBuilder csv = new StringBuilder("email,full_name,unit,role\n");
        int line = 0;
        for (Unit unit : tree.units()) {
            if (line == LINES) {
                break;
            }
            csv.append("cb.").append(unit.code().toLowerCase(Locale.ROOT)).append('@').append(DOMAIN).append(',')
                    .append("Nguyễn Thị Mẫu ").append(line % 2 == 0 ? "Hoa" : "Lan").append(',').append(unit.code())
                    .append(',').append(ROLES[line % ROLES.length]).append('\n');
            line++;
        }
        if (line < LINES) {
            throw new IllegalStateException("The tree has " + line + " units, fewer than " + LINES + " lines");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long hashNanos(ConfigurableApplicationContext context) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) context
                .getBean(ProcessEngineConfiguration.class);
        PasswordManager passwords = configuration.getPasswordManager();
        SaltGenerator salts = configuration.getSaltGenerator();
        long nanos = 0;
        for (int i = -2000; i < 2000; i++) {
            long started = System.nanoTime();
            passwords.encrypt("Tm-abcdefghijklmn" + i + salts.generateSalt());
            if (i >= 0) {
                nanos += System.nanoTime() - started;
            }
        }
        return nanos / 2000;
    }

    private static String post(byte[] csv) throws Exception {
        String login = "Basic " + Base64.getEncoder().encodeToString("admin:Thu-Nghiem-2030".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/users/import")).timeout(Duration.ofMinutes(30))
                .header("Authorization", login).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The import answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }

    private static void removeEarlierPeople(JdbcTemplate jdbc) {
        String people = "select id_ from act_id_user where email_ like '%@" + DOMAIN + "'";
        jdbc.update("delete from act_ru_authorization where resource_type_ = 1 and resource_id_ in (" + people + ")");
        jdbc.update("delete from act_id_membership where user_id_ in (" + people + ")");
        jdbc.update("delete from act_id_user where id_ in (" + people + ")");
    }

    /** Whether the database was created now (and so needs its groups). */
    private static boolean createDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
            if (connection.createStatement().executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")
                    .next()) {
                return false;
            }
            connection.createStatement().execute("create database " + DATABASE);
            return true;
        }
    }
}
