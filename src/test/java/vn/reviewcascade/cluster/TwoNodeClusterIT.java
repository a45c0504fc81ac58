package vn.reviewcascade.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.reviewcascade.TestPlans;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.signature.TestKeystores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real application processes on one PostgreSQL database and one real SMTP server form one cluster. A
 * campaign whose deadlines fall within seconds runs while reports are driven through the REST API of both
 * nodes; one node is killed with SIGKILL in the middle. The survivor must finish every pending job, and no
 * report, figure or mail may be lost, nor any report or figure doubled. A mail the killed node had sent but not
 * yet recorded is sent again, with the same Message-ID: that, not exactly once, is what SMTP allows. Real
 * processes keep real time, so this test waits by polling the database with time limits. The database and the
 * ports are this run's own, so two builds on one machine do not meet.
 */
class TwoNodeClusterIT {

    /**
     * This run's database, and the nodes' and the SMTP server's ports: its own by default (a name with the test's
     * process id, ports free at the start). A session that must keep to given names and ports sets
     * {@code -Dcluster.database-prefix=…}, {@code -Dcluster.ports=A,B} and {@code -Dcluster.smtp-port=…}.
     */
    private static final String DATABASE = System.getProperty("cluster.database-prefix", "review_cascade_cluster_")
            + ProcessHandle.current().pid();
    private static final List<Integer> PORTS = System.getProperty("cluster.ports", "").isBlank() ? List.of()
            : Arrays.stream(System.getProperty("cluster.ports").split(",")).map(String::strip).map(Integer::valueOf).toList();
    private static final int SMTP_PORT = Integer.getInteger("cluster.smtp-port", 0);
    private static final String ADMIN_PASSWORD = "Cum-May-Chu-2030";
    private static final String SIGNING_PASSWORD = "Khoa-Ky-So-2030";
    private static final String SIGNING_ORGANISATION = "Văn phòng Tỉnh ủy thử nghiệm";
    private static Path keystore;
    private static final Duration LOCK_TIME = Duration.ofSeconds(8);
    /**
     * How long a wait for the nodes to start or to get work done may last. Beside other builds on two cores a
     * node takes minutes where it takes seconds alone; a working cluster ends each wait once its condition holds.
     */
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    /** Each node's most job executor threads: the most mails a killed node can have sent without recording. */
    private static final int JOB_THREADS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static GreenMail smtp;
    private static Process nodeA;
    private static Process nodeB;
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startCluster() throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        // The deployment's one keystore, as production configures it (no demo authority on the nodes).
        keystore = TestKeystores.organisationKeystore(Path.of("target", "cluster-keys"), "deployment", SIGNING_ORGANISATION,
                SIGNING_PASSWORD).toAbsolutePath();
        ServerSetup smtpSetup = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp = new GreenMail(SMTP_PORT == 0 ? smtpSetup.dynamicPort() : smtpSetup);
        smtp.start();
        // One node first: it creates the engine's schema; the second joins an existing database, as in production.
        portA = PORTS.isEmpty() ? freePort() : PORTS.get(0);
        nodeA = startNode("node-a", portA);
        awaitUp("node-a", nodeA, portA);
        portB = PORTS.isEmpty() ? freePort() : PORTS.get(1);
        nodeB = startNode("node-b", portB);
        awaitUp("node-b", nodeB, portB);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (Process node : new Process[] {nodeA, nodeB}) {
            if (node != null) {
                node.destroyForcibly().waitFor();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void aCampaignRunsOnTwoNodesAndSurvivesTheLossOfOneWithNothingLostOrDoubled() throws Exception {
        importUsers(portB);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        // The district's own report is due long after the test ends: only base units are escalated.
        JsonNode created = send(portA, "POST", "/api/campaigns", Map.of(
                "plan", "117-KH/TU", "rootUnit", "CC", "title", "Cụm hai máy chủ", "year", now.getYear(),
                "deadlines", Map.of(
                        "DISTRICT", Map.of("guidance", now.plusSeconds(8).toString(), "subordinates", now.plusSeconds(45).toString(),
                                "report", now.plusMinutes(30).toString()),
                        "BASE", Map.of("report", now.plusSeconds(45).toString())),
                "reminders", Map.of("BASE", List.of("PT35S"), "DISTRICT", List.of("PT120S"))));
        long campaign = created.get("id").asLong();
        List<String> bases = List.of("CC-M01", "CC-M02", "CC-M03", "CC-M04", "CC-M05", "CC-M06");
        String neverSubmitted = "'CC-M04', 'CC-M05', 'CC-M06'";

        // The guidance deadline passes in seconds: every base unit then drafts without waiting for the guidance.
        await(PATIENCE, () -> bases.stream().allMatch(unit -> taskId(portA, campaign, unit, "DraftDocument") != null));
        // Three base units submit, their steps spread over both nodes. The sign-offs go to node B: each leaves the
        // issuing of its document to a job, which wakes B's job executor as well as A's polling.
        for (String unit : bases.subList(0, 3)) {
            complete(portA, taskId(portA, campaign, unit, "DraftDocument"), draft());
            complete(portB, taskId(portB, campaign, unit, "ReviewDraft"), Map.of("approved", true));
            complete(portB, taskId(portB, campaign, unit, "SignDocument"), Map.of("approved", true));
        }

        // The base reminders (after 10 s) and deadlines (after 45 s) fall due; kill node B while jobs run.
        await(PATIENCE, () -> count("select count(*) from escalation where campaign_id = " + campaign) > 0);
        nodeB.destroyForcibly().waitFor();

        // The survivor takes over B's locked jobs once their lock expires, and runs everything else.
        await(PATIENCE, () -> count("select count(*) from escalation where campaign_id = " + campaign
                        + " and unit_code in (" + neverSubmitted + ")") == 3
                && count("select count(*) from campaign_unit where campaign_id = " + campaign + " and submitted_at is not null") == 3
                && count("select count(*) from mail_outbox where campaign_id = " + campaign + " and status = 'PENDING'") == 0
                // The deadline's burst falls due with the units' own deadline timers, in whatever order the nodes take them.
                && count("select count(*) from mail_outbox where campaign_id = " + campaign
                        + " and idempotency_key like 'ESCALATION/%'") > 0
                && count("select count(*) from act_ru_job where duedate_ is null or duedate_ < now() - interval '1 second'") == 0,
                () -> "escalated: " + strings("select unit_code from escalation where campaign_id = " + campaign)
                        + "; submitted: " + strings("select unit_code from campaign_unit where campaign_id = " + campaign
                                + " and submitted_at is not null")
                        + "; pending mails: " + strings("select idempotency_key || ' attempts ' || attempts || ' ' || coalesce(last_error, '')"
                                + " from mail_outbox where campaign_id = " + campaign + " and status = 'PENDING'")
                        + "; due jobs: " + strings("select coalesce(d.act_id_, j.handler_type_) || ' retries ' || j.retries_"
                                + " || ' locked until ' || coalesce(j.lock_exp_time_::text, '-') || ' ' || coalesce(j.exception_msg_, '')"
                                + " from act_ru_job j left join act_ru_jobdef d on d.id_ = j.job_def_id_"
                                + " where j.duedate_ is null or j.duedate_ < now() - interval '1 second'")
                        + "; sessions waiting on a lock: " + strings("select query from pg_stat_activity where datname = '"
                                + DATABASE + "' and wait_event_type = 'Lock'"));

        assertThat(count("select count(*) from campaign_unit where campaign_id = " + campaign + " and submitted_at is not null"))
                .isEqualTo(3);
        assertThat(count("select count(*) from report_figure where campaign_id = " + campaign)).as("three full annexes")
                .isEqualTo(3L * 23);
        // A loaded machine may finish a submission after the deadline; whether its unit is then escalated depends
        // on whether the deadline's timer ran first. A unit that submitted in time never is, one that never
        // submitted always is, and no unit twice.
        List<String> escalated = strings("select unit_code from escalation where campaign_id = " + campaign);
        System.out.println("Escalated: " + escalated + "; submitted: " + strings("select unit_code || ' ' || submitted_at"
                + " from campaign_unit where campaign_id = " + campaign + " and submitted_at is not null"));
        assertThat(escalated).doesNotHaveDuplicates().contains("CC-M04", "CC-M05", "CC-M06");
        assertThat(strings("select e.unit_code from escalation e join campaign_unit r on r.campaign_id = e.campaign_id"
                + " and r.unit_code = e.unit_code where e.campaign_id = " + campaign
                + " and r.submitted_at is not null and r.submitted_at <= e.deadline")).as("escalated though in time").isEmpty();
        assertThat(count("select count(*) from issued_document where campaign_id = " + campaign
                + " and document_kind = 'REPORT' and signed_by = '" + SIGNING_ORGANISATION + "'"))
                .as("each submitted report issued, signed with the deployment's key").isEqualTo(3);
        assertThat(strings("select distinct hostname_ from act_hi_job_log")).as("both nodes executed jobs")
                .contains("node-a", "node-b");

        // The server keeps a copy of each delivery per recipient.
        Map<String, Set<String>> messageIdsByKey = new HashMap<>();
        Map<String, Integer> copiesByKey = new HashMap<>();
        Map<String, Integer> recipientsByKey = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String key = message.getHeader("X-Review-Cascade-Key")[0];
            messageIdsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(message.getMessageID());
            copiesByKey.merge(key, 1, Integer::sum);
            recipientsByKey.put(key, message.getRecipients(Message.RecipientType.TO).length);
        }
        List<String> sentKeys = strings("select idempotency_key from mail_outbox where campaign_id = " + campaign
                + " and status = 'SENT'");
        assertThat(sentKeys).as("reminders and escalations were mailed").anyMatch(key -> key.startsWith("REMINDER/"))
                .anyMatch(key -> key.startsWith("ESCALATION/"));
        assertThat(messageIdsByKey.keySet()).as("every mail arrived").containsExactlyInAnyOrderElementsOf(sentKeys);
        assertThat(messageIdsByKey.values()).as("each mail, however often it arrived, under one Message-ID")
                .allMatch(ids -> ids.size() == 1);
        assertThat(copiesByKey).as("whole deliveries: a copy for each recipient")
                .allSatisfy((key, copies) -> assertThat(copies % recipientsByKey.get(key)).isZero());
        // Only a mail node B had sent but not recorded when it was killed arrives twice; B ran at most
        // JOB_THREADS jobs at that moment.
        Map<String, Integer> repeated = new HashMap<>();
        copiesByKey.forEach((key, copies) -> {
            int deliveries = copies / recipientsByKey.get(key);
            if (deliveries > 1) {
                repeated.put(key, deliveries);
            }
        });
        int duplicates = repeated.values().stream().mapToInt(deliveries -> deliveries - 1).sum();
        System.out.println("Mails delivered again after node B was killed: " + duplicates + " " + repeated);
        assertThat(duplicates).as("mails delivered again: " + repeated).isLessThanOrEqualTo(JOB_THREADS);
    }

    private static Process startNode(String name, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar().getPath(),
                "--spring.profiles.active=postgres", "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-pool-size=" + JOB_THREADS,
                "--camunda.bpm.job-execution.max-wait=1000",
                // One job per acquisition: a burst of jobs falling due together (the six reminders, the deadlines) is
                // spread over both nodes instead of being taken whole by whichever polls first.
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=1")
                .redirectErrorStream(true)
                .redirectOutput(new File("target/cluster-" + name + ".log"));
        builder.environment().putAll(Map.of(
                "DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "DB_USER", "postgres", "DB_PASSWORD", "",
                "ADMIN_USER", "admin", "ADMIN_PASSWORD", ADMIN_PASSWORD,
                "MAIL_HOST", "127.0.0.1", "MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "REVIEW_CASCADE_SIGNING_KEYSTORE", keystore.toString(), "REVIEW_CASCADE_SIGNING_PASSWORD", SIGNING_PASSWORD));
        return builder.start();
    }

    /** A port free now; the node binds it moments later. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static File jar() {
        File[] jars = new File("target").listFiles((dir, file) -> file.matches("review-cascade-.*\\.jar"));
        assertThat(jars).as("the application jar, built by mvn package").isNotEmpty();
        return jars[0];
    }

    private static void awaitUp(String name, Process node, int port) throws InterruptedException {
        await(PATIENCE, () -> {
            if (!node.isAlive()) {
                throw new AssertionError(name + " exited with " + node.exitValue() + ", see target/cluster-" + name + ".log");
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static void importUsers(int port) throws Exception {
        StringBuilder csv = new StringBuilder("email,full_name,unit,role\n");
        for (int i = 1; i <= 6; i++) {
            csv.append("cc.m0%d@cluster.test,Người soạn M0%d,CC-M0%d,DRAFTER\n".formatted(i, i, i));
        }
        csv.append("cc.td@cluster.test,Người thẩm định Cồn Cỏ,CC,REVIEWER\n");
        csv.append("bdv@cluster.test,Cán bộ Ban Dân vận,TU,DRAFTER\n");
        HttpResponse<String> response = HTTP.send(request(port, "/api/users/import")
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("errors")).isEmpty();
    }

    private static String taskId(int port, long campaign, String unit, String key) {
        try {
            JsonNode tasks = send(port, "GET", "/engine-rest/task?processInstanceBusinessKey=" + campaign + "/" + unit
                    + "/REPORT&taskDefinitionKey=" + key + "&maxResults=10", null);
            return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Completes a task as the forms do; the body is the draft's sections and figures, or the decision. */
    private static void complete(int port, String taskId, Map<String, Object> body) throws Exception {
        assertThat(taskId).isNotNull();
        HttpResponse<String> response = HTTP.send(request(port, "/api/tasks/" + taskId + "/complete")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** A complete KH 117 draft, wholes 10 and parts 2, as the plan file lays it out. */
    private static Map<String, Object> draft() {
        Plan plan = TestPlans.kh117();
        Map<String, Object> sections = new HashMap<>();
        plan.sections().forEach(section -> sections.put(section.key(), "Nội dung mục " + section.number()));
        Map<String, Object> values = new HashMap<>();
        plan.indicators().forEach(indicator -> values.put(indicator.key(), indicator.partOf() == null ? 10 : 2));
        return Map.of("sections", sections, "figures", values);
    }

    private static JsonNode send(int port, String method, String path, Object body) throws Exception {
        HttpRequest.Builder builder = request(port, path).header("Content-Type", "application/json");
        builder = body == null ? builder.method(method, HttpRequest.BodyPublishers.noBody())
                : builder.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder request(int port, String path) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofSeconds(30));
    }

    private static long count(String sql) {
        try (Connection connection = database(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String sql) {
        try (Connection connection = database(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
    }

    /** Polls until the condition holds, failing after the limit; real nodes keep real time. */
    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        await(limit, condition, () -> "");
    }

    /** As {@link #await(Duration, BooleanSupplier)}, saying what is left when the limit is reached. */
    private static void await(Duration limit, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (!Instant.now().isBefore(end)) {
                throw new AssertionError("condition not reached within " + limit + ": " + state.get());
            }
            Thread.sleep(500);
        }
    }
}
