package vn.reviewcascade.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.reviewcascade.ReviewCascadeApplication;
import vn.reviewcascade.SetupStep;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitGroupsForBenchmark;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

import static vn.reviewcascade.benchmark.BenchmarkReport.duration;
import static vn.reviewcascade.benchmark.BenchmarkReport.millis;

/**
 * Measures, never asserts, whether a logged-in user's engine command costs more the larger the tree: the packaged
 * application on PostgreSQL with the 581 units of {@code units/quang-tri-2019.csv} and with the national tree of
 * {@link NationalTree} (53,356 units), each on its own database, in one run. Each database holds what the application
 * creates (4 groups per unit with the engine's authorization on each and their tenant memberships, the Tasklist
 * filters of {@code TasklistFilters}), one user per unit (a drafter) and one open task per unit, as an approval's, in
 * the unit's tenant ({@code UnitTenants}): the unit's drafters are its candidates,
 * the parent's reviewers read it ({@code TaskVisibility}). Measured as a base unit's drafter, over HTTP Basic on
 * {@code /engine-rest} and through the engine's API with the same authentication: a trivial command (the user's own
 * profile), the task count, the "Việc của tôi" count and Tasklist's filter list with counts. Each size is measured with
 * the engine's own authorization session and with the application's ({@code AuthorizedGroupsOfUser}), the small size
 * before and after the national one; the ratios national / small are what should stay near 1.
 *
 * <p>{@code mvn -B -Pbenchmark test -Dtest=AuthorizationBenchmark -Dbenchmark.postgres=jdbc:postgresql://127.0.0.1:5432/
 * -Dbenchmark.database-prefix=review_cascade_authz}; user {@code -Dbenchmark.postgres-user=postgres}, password
 * {@code -Dbenchmark.postgres-password=}. The databases {@code <prefix>_581} and {@code <prefix>_53356} are created
 * and filled when missing and kept for the next run ({@code -Dbenchmark.rebuild=true} drops them first; building the
 * national one takes about ten minutes). The application listens on {@code -Dbenchmark.port=8184}. National sizes as
 * NationalBenchmark's; {@code -Dbenchmark.runs=40} timed calls of each kind after {@code -Dbenchmark.warm-up=10} untimed;
 * {@code -Dbenchmark.small-again=false} leaves out the small size's second runs. A larger heap:
 * {@code -DargLine=-Xmx3g}. Figures go to target/benchmark.md; docs/benchmark.md records them.
 */
class AuthorizationBenchmark {

    private static final String POSTGRES = System.getProperty("benchmark.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String POSTGRES_USER = System.getProperty("benchmark.postgres-user", "postgres");
    private static final String POSTGRES_PASSWORD = System.getProperty("benchmark.postgres-password", "");
    private static final String PREFIX = System.getProperty("benchmark.database-prefix", "review_cascade_authz");
    private static final boolean REBUILD = Boolean.getBoolean("benchmark.rebuild");
    private static final int PORT = Integer.getInteger("benchmark.port", 8184);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 40);
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 10);
    private static final boolean SMALL_AGAIN = !"false".equals(System.getProperty("benchmark.small-again"));
        private static final String PASSWORD = "Do-Tai-Quyen-Han-2030";
    private static final String PROCESS = "authorizationBenchmark";
    private static final Path NATIONAL_TREE = Path.of("target", "benchmark-authorization-tree.csv");

    /** The measures, in the order they are reported. */
    private static final List<String> MEASURES = List.of(
            "HTTP GET /engine-rest/user/{id}/profile (trivial)", "HTTP GET /engine-rest/task/count",
            "HTTP GET /engine-rest/filter/{Việc của tôi}/count", "HTTP GET /engine-rest/filter?resourceType=Task&itemCount=true",
            "engine: the user's profile (trivial)", "engine: task count", "engine: \"Việc của tôi\" count",
            "engine: filter list with counts");

    private record Size(String label, String unitsFile, String database) {
    }

    private record Run(Size size, boolean engineSession, Map<String, double[]> times, int units, long authorizations,
                       long tasks, long groupsWithAuthorization, long visibleTasks) {
    }

    @Test
    void measure() throws Exception {
        NationalTree.write(NATIONAL_TREE, NationalTree.Sizes.fromSystemProperties());
        Size small = new Size("581 units", "classpath:units/quang-tri-2019.csv", PREFIX + "_581");
        Size national = new Size("national", "file:" + NATIONAL_TREE.toAbsolutePath(), PREFIX + "_"
                + NationalTree.Sizes.fromSystemProperties().units());
        long started = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        for (Size size : List.of(small, national)) {
            prepareDatabase(size.database());
        }
        // Each size with the engine's session and the application's; the small one again at the end, so a change of
        // the machine's load during the run shows as a difference between its two measurements.
        runs.add(run(small, true));
        runs.add(run(small, false));
        runs.add(run(national, true));
        runs.add(run(national, false));
        if (SMALL_AGAIN) {
            runs.add(run(small, false));
            runs.add(run(small, true));
        }
        report(runs, System.nanoTime() - started);
    }

    private Run run(Size size, boolean engineSession) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", POSTGRES + size.database());
        properties.put("spring.datasource.username", POSTGRES_USER);
        properties.put("spring.datasource.password", POSTGRES_PASSWORD);
        properties.put("review-cascade.units-file", size.unitsFile());
        properties.put("review-cascade.security.observer-groups", "bdv-tu,btc-tu,btgdv-tu,btgdv-tw");
        properties.put("server.port", PORT);
        properties.put("camunda.bpm.job-execution.enabled", false);
        properties.put("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN");
        // As arguments: they take precedence over the test profile's file (its database, its tree).
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ReviewCascadeApplication.class).profiles("test");
        if (engineSession) {
            builder.sources(EngineSession.class);
        }
        if (!filled(size.database())) {
            // The groups and memberships are written in bulk by fill(): the start-up steps would write them one by one.
            builder.sources(GroupsWrittenInBulk.class);
        }
        long contextStarted = System.nanoTime();
        try (ConfigurableApplicationContext context = builder.run(arguments)) {
            System.out.printf("%s (%s session): context started in %s%n", size.label(),
                    engineSession ? "engine's" : "application's", duration(System.nanoTime() - contextStarted));
            fill(context);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // Statistics as after the application's bulk writes: this PostgreSQL runs without autovacuum.
            jdbc.execute("ANALYZE");
            UnitTree tree = context.getBean(UnitTree.class);
            Unit base = baseUnit(tree);
            String user = userId(base);
            Map<String, double[]> times = measure(context, user);
            return new Run(size, engineSession, times, tree.size(),
                    jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class),
                    jdbc.queryForObject("select count(*) from act_ru_task", Long.class),
                    jdbc.queryForObject("select count(distinct group_id_) from act_ru_authorization", Long.class),
                    visibleTasks(context, user));
        }
    }

    /** The engine's own authorization session: the application's plugin is replaced by one that does nothing. */
    @Configuration(proxyBeanMethods = false)
    static class EngineSession {

        @Bean
        static BeanPostProcessor withoutAuthorizedGroupsOfUser() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof ProcessEnginePlugin && bean.getClass().getSimpleName().equals("AuthorizedGroupsOfUser")) {
                        return new AbstractProcessEnginePlugin() {
                        };
                    }
                    return bean;
                }
            };
        }
    }

    /**
     * The unit role groups and their tenant memberships are not created at start-up: fill() writes them in bulk. Later
     * starts find them all.
     */
    @Configuration(proxyBeanMethods = false)
    static class GroupsWrittenInBulk {

        @Bean
        static BeanPostProcessor withoutGroupCreation() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return UnitGroupsForBenchmark.isSynchronizer(bean) || bean.getClass().getSimpleName().equals("TenantMemberships")
                            ? (SetupStep) () -> { } : bean;
                }
            };
        }
    }

    /** Whether fill() has written this database: its last statement wrote the tasks' authorizations. */
    private static boolean filled(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + database, POSTGRES_USER, POSTGRES_PASSWORD)) {
            return connection.createStatement().executeQuery("select 1 from pg_tables where tablename = 'act_ru_task'").next()
                    && connection.createStatement().executeQuery("select 1 from act_ru_task limit 1").next();
        }
    }

    /** The last base unit of the tree (a unit deep in the last province), the one whose drafter is measured. */
    private static Unit baseUnit(UnitTree tree) {
        Unit found = null;
        for (Unit unit : tree.units()) {
            if (tree.childrenOf(unit.code()).isEmpty()) {
                found = unit;
            }
        }
        return found;
    }

    private static String userId(Unit unit) {
        return "authz." + unit.code().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * One drafter per unit and one open task per unit, and the unit role groups where the database is new; written
     * once per database. Through the engine this takes about an hour at the national size on this shared machine
     * (213,424 groups, 53,356 users and instances, one command each), so the rows the engine writes for them are
     * written by SQL in bulk, as the engine writes them: each group with the engine's READ authorization on itself,
     * each user with ALL on itself and its membership, each task with its execution, its candidate group's identity
     * link and authorization (TASK_WORK and READ, as {@code default-user-permission-name-for-task} gives) and the
     * parent reviewers' READ ({@code TaskVisibility}). History is not written: no measured command reads it. The
     * measured user is created through the engine, so its password is the engine's; the others share its hash.
     */
    private static void fill(ConfigurableApplicationContext context) {
        IdentityService identity = context.getBean(IdentityService.class);
        RepositoryService repository = context.getBean(RepositoryService.class);
        UnitTree tree = context.getBean(UnitTree.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        List<Unit> units = List.copyOf(tree.units());
        String measured = userId(baseUnit(tree));
        if (identity.createUserQuery().userId(measured).count() > 0) {
            return;
        }
        writeGroups(tree, jdbc);

        long started = System.nanoTime();
        User user = identity.newUser(measured);
        user.setFirstName("Chuyên viên");
        user.setLastName(baseUnit(tree).name());
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(measured, tree.groupId(baseUnit(tree).code(), UnitRole.DRAFTER));
        Map<String, Object> hash = jdbc.queryForMap("select pwd_, salt_ from act_id_user where id_ = ?", measured);
        List<Object[]> users = new ArrayList<>();
        List<Object[]> userGrants = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        for (Unit unit : units) {
            String id = userId(unit);
            if (!id.equals(measured)) {
                users.add(new Object[] {id, "Chuyên viên", unit.name(), id + "@example.vn", hash.get("pwd_"), hash.get("salt_")});
                userGrants.add(new Object[] {uuid(), id, id});
                memberships.add(new Object[] {id, tree.groupId(unit.code(), UnitRole.DRAFTER)});
            }
        }
        batch(jdbc, "insert into act_id_user (id_, rev_, first_, last_, email_, pwd_, salt_) values (?, 1, ?, ?, ?, ?, ?)", users);
        batch(jdbc, "insert into act_ru_authorization (id_, rev_, type_, user_id_, resource_type_, resource_id_, perms_) "
                + "values (?, 1, 1, ?, 1, ?, 2147483647)", userGrants);
        batch(jdbc, "insert into act_id_membership (user_id_, group_id_) values (?, ?)", memberships);
        System.out.printf("%,d users in %s%n", units.size(), duration(System.nanoTime() - started));

        started = System.nanoTime();
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repository.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", process()).deploy();
        }
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion()
                .singleResult().getId();
        List<Object[]> executions = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        List<Object[]> taskGrants = new ArrayList<>();
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        for (Unit unit : units) {
            String instance = uuid();
            String task = uuid();
            String candidates = tree.groupId(unit.code(), UnitRole.DRAFTER);
            String tenant = tree.tenantOf(unit.code()).orElse(null);
            executions.add(new Object[] {instance, instance, instance, "authz/" + unit.code(), definition, "draft:" + uuid(), tenant});
            tasks.add(new Object[] {task, instance, instance, definition, now, tenant});
            links.add(new Object[] {uuid(), candidates, task});
            taskGrants.add(new Object[] {uuid(), candidates, 7, task, 16386});
            if (unit.parentCode() != null) {
                taskGrants.add(new Object[] {uuid(), tree.groupId(unit.parentCode(), UnitRole.REVIEWER), 7, task, 2});
            }
        }
        batch(jdbc, "insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_, "
                + "act_id_, act_inst_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, "
                + "cached_ent_state_, sequence_counter_, proc_def_key_, tenant_id_) values (?, 1, ?, ?, ?, ?, 'draft', ?, true, "
                + "false, true, false, 1, 18, 3, '" + PROCESS + "', ?)", executions);
        batch(jdbc, "insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_, "
                + "priority_, create_time_, suspension_state_, task_state_, tenant_id_) values (?, 1, ?, ?, ?, 'Dự thảo báo cáo', "
                + "'draft', 50, ?, 1, 'Created', ?)", tasks);
        batch(jdbc, "insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) values (?, 1, ?, 'candidate', ?)",
                links);
        batch(jdbc, GRANT, taskGrants);
        System.out.printf("%,d tasks in %s%n", units.size(), duration(System.nanoTime() - started));
    }

    private static final String GRANT = "insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, "
            + "resource_id_, perms_) values (?, 1, 1, ?, ?, ?, ?) on conflict do nothing";

    /**
     * The unit role groups of the tree, each with the engine's READ authorization on itself, and their tenant
     * memberships, each with the READ on the tenant the engine gives with it, by SQL in bulk as the engine writes them
     * (PostgreSQL only): what {@code UnitGroupSynchronizer} and {@code TenantMemberships} write a part at a time
     * through the engine (the observer boards' memberships are left to the latter, at the next start).
     */
    static void writeGroups(UnitTree tree, JdbcTemplate jdbc) {
        long started = System.nanoTime();
        List<Object[]> groups = new ArrayList<>();
        List<Object[]> groupReads = new ArrayList<>();
        tree.groups().forEach(group -> {
            groups.add(new Object[] {group.id(), group.name()});
            groupReads.add(new Object[] {uuid(), group.id(), 2, group.id(), 2});
        });
        batch(jdbc, "insert into act_id_group (id_, rev_, name_, type_) values (?, 1, ?, 'UNIT_ROLE') on conflict do nothing",
                groups);
        batch(jdbc, GRANT, groupReads);
        System.out.printf("%,d groups in %s%n", groups.size(), duration(System.nanoTime() - started));

        started = System.nanoTime();
        Map<String, Set<String>> tenantsOfGroups = tree.tenantsOfGroups();
        Set<String> tenants = new TreeSet<>();
        tenantsOfGroups.values().forEach(tenants::addAll);
        List<Object[]> tenantRows = new ArrayList<>();
        tenants.forEach(tenant -> tenantRows.add(new Object[] {tenant, tree.find(tenant).orElseThrow().name()}));
        List<Object[]> members = new ArrayList<>();
        List<Object[]> tenantReads = new ArrayList<>();
        tenantsOfGroups.forEach((group, ofGroup) -> ofGroup.forEach(tenant -> {
            members.add(new Object[] {uuid(), tenant, group});
            tenantReads.add(new Object[] {uuid(), group, 11, tenant, 2});
        }));
        batch(jdbc, "insert into act_id_tenant (id_, rev_, name_) values (?, 1, ?) on conflict do nothing", tenantRows);
        batch(jdbc, "insert into act_id_tenant_member (id_, tenant_id_, group_id_) values (?, ?, ?) on conflict do nothing",
                members);
        batch(jdbc, GRANT, tenantReads);
        System.out.printf("%,d tenants, %,d tenant memberships in %s%n", tenants.size(), members.size(),
                duration(System.nanoTime() - started));
    }

    private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 5_000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
    }

    private static String uuid() {
        return java.util.UUID.randomUUID().toString();
    }

    private static BpmnModelInstance process() {
        return Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(365)
                .startEvent().userTask("draft").name("Dự thảo báo cáo").camundaCandidateGroups("${candidateGroup}")
                .endEvent().done();
    }

    private static Map<String, double[]> measure(ConfigurableApplicationContext context, String user) throws Exception {
        IdentityService identity = context.getBean(IdentityService.class);
        TaskService tasks = context.getBean(TaskService.class);
        FilterService filters = context.getBean(FilterService.class);
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        List<String> tenants = tenants(identity, user);
        String mine = filters.createFilterQuery().filterName("Việc của tôi").singleResult().getId();
        HttpClient http = HttpClient.newHttpClient();
        String login = "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String base = "http://127.0.0.1:" + PORT + "/engine-rest";
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put(MEASURES.get(0), () -> get(http, login, base + "/user/" + user + "/profile"));
        calls.put(MEASURES.get(1), () -> get(http, login, base + "/task/count"));
        calls.put(MEASURES.get(2), () -> get(http, login, base + "/filter/" + mine + "/count"));
        calls.put(MEASURES.get(3), () -> get(http, login, base + "/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=2000"));
        calls.put(MEASURES.get(4), () -> asUser(identity, user, groups, tenants,
                () -> identity.createUserQuery().userId(user).singleResult()));
        calls.put(MEASURES.get(5), () -> asUser(identity, user, groups, tenants, () -> tasks.createTaskQuery().count()));
        calls.put(MEASURES.get(6), () -> asUser(identity, user, groups, tenants, () -> filters.count(mine)));
        calls.put(MEASURES.get(7), () -> asUser(identity, user, groups, tenants, () -> {
            List<Long> counts = new ArrayList<>();
            for (Filter filter : filters.createFilterQuery().filterResourceType("Task").listPage(0, 2000)) {
                counts.add(filters.count(filter.getId()));
            }
            return counts;
        }));
        Map<String, double[]> times = new LinkedHashMap<>();
        calls.keySet().forEach(name -> times.put(name, new double[RUNS]));
        // Interleaved, so a change of load during the measurement weighs on every kind alike.
        for (int i = -WARM_UP; i < RUNS; i++) {
            for (Map.Entry<String, Supplier<Object>> call : calls.entrySet()) {
                long started = System.nanoTime();
                call.getValue().get();
                if (i >= 0) {
                    times.get(call.getKey())[i] = System.nanoTime() - started;
                }
            }
        }
        return times;
    }

    private static long visibleTasks(ConfigurableApplicationContext context, String user) {
        IdentityService identity = context.getBean(IdentityService.class);
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        List<String> tenants = tenants(identity, user);
        return asUser(identity, user, groups, tenants, () -> context.getBean(TaskService.class).createTaskQuery().count());
    }

    /** The user's tenants, as a login reads them ({@code EngineUsers}). */
    private static List<String> tenants(IdentityService identity, String user) {
        return identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
    }

    private static <T> T asUser(IdentityService identity, String user, List<String> groups, List<String> tenants,
                                Supplier<T> call) {
        identity.setAuthentication(user, groups, tenants);
        try {
            return call.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static String get(HttpClient http, String login, String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", login)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(url, e);
        }
    }

    private static void prepareDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", POSTGRES_USER, POSTGRES_PASSWORD)) {
            if (REBUILD) {
                connection.createStatement().execute("drop database if exists " + name);
            }
            boolean exists = connection.createStatement()
                    .executeQuery("select 1 from pg_database where datname = '" + name + "'").next();
            if (!exists) {
                connection.createStatement().execute("create database " + name);
            }
        }
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length))];
    }

    private static void report(List<Run> runs, long nanos) {
        List<String> out = new ArrayList<>();
        out.add("A base unit's drafter, %d timed calls of each kind after %d untimed, interleaved; median (90th percentile)."
                .formatted(RUNS, WARM_UP));
        out.add("Whole run (databases kept from earlier runs are not rebuilt): " + duration(nanos) + ".");
        out.add("");
        StringBuilder header = new StringBuilder("| | ");
        StringBuilder rule = new StringBuilder("|---|");
        for (Run run : runs) {
            header.append(run.size().label()).append(", ").append(run.engineSession() ? "engine's session" : "application's")
                    .append(" | ");
            rule.append("---|");
        }
        out.add(header.toString().trim());
        out.add(rule.toString());
        for (String measure : MEASURES) {
            StringBuilder line = new StringBuilder("| " + measure + " | ");
            for (Run run : runs) {
                double[] times = run.times().get(measure);
                line.append(millis(median(times))).append(" (").append(millis(percentile(times, 0.9))).append(") | ");
            }
            out.add(line.toString().trim());
        }
        out.add(row("units", runs, run -> "%,d".formatted(run.units())));
        out.add(row("authorizations (`ACT_RU_AUTHORIZATION`)", runs, run -> "%,d".formatted(run.authorizations())));
        out.add(row("groups holding an authorization", runs, run -> "%,d".formatted(run.groupsWithAuthorization())));
        out.add(row("open tasks / seen by the user", runs, run -> "%,d / %,d".formatted(run.tasks(), run.visibleTasks())));
        out.add("");
        out.add("National / 581 units, medians (each session against the same session's small runs, their mean):");
        out.add("");
        out.add("| | engine's session | application's |");
        out.add("|---|---|---|");
        for (String measure : MEASURES) {
            out.add("| " + measure + " | " + ratio(runs, measure, true) + " | " + ratio(runs, measure, false) + " |");
        }
        BenchmarkReport.write("Authorization at national size (AuthorizationBenchmark)", out);
    }

    private static String row(String name, List<Run> runs, java.util.function.Function<Run, String> value) {
        StringBuilder line = new StringBuilder("| " + name + " | ");
        runs.forEach(run -> line.append(value.apply(run)).append(" | "));
        return line.toString().trim();
    }

    private static String ratio(List<Run> runs, String measure, boolean engineSession) {
        double small = runs.stream().filter(run -> run.engineSession() == engineSession && run.size().label().startsWith("581"))
                .mapToDouble(run -> median(run.times().get(measure))).average().orElse(Double.NaN);
        double national = runs.stream().filter(run -> run.engineSession() == engineSession && !run.size().label().startsWith("581"))
                .mapToDouble(run -> median(run.times().get(measure))).average().orElse(Double.NaN);
        return "%.2f".formatted(national / small);
    }
}
