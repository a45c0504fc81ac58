package vn.reviewcascade.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.SetupStep;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.StartCampaign;
import vn.reviewcascade.plan.PlanCatalog;
import vn.reviewcascade.security.TenantMembershipsForBenchmark;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitGroupsForBenchmark;
import vn.reviewcascade.unit.UnitTree;

import static vn.reviewcascade.benchmark.BenchmarkReport.duration;
import static vn.reviewcascade.benchmark.BenchmarkReport.seconds;

/**
 * Measures, never asserts, a national escalation burst: a campaign over the generated national tree
 * ({@link NationalTree}) whose base report deadline passes with no base unit submitted, so every base organisation is
 * escalated at once to its leaders (one person each), its commune's reviewers and the organising board. Measured: how
 * long the burst's one job takes to write every mail to the outbox (its enqueue time after the due time, the job
 * executor's acquisition wait of at most 2 s aside), the delivery rate to a loopback SMTP server ({@link SmtpSink} in this
 * JVM) over each tenth of the burst, and the mails delivered twice. Beside it, the bare engine's floor of the
 * design it replaces: one trivial process instance with one asynchronous step started per mail.
 *
 * <p>The units' own processes are not opened (the mails do not need them: who is overdue is read from the campaign's
 * units), and only the groups the burst mails are created, one member each, directly in the engine's identity tables.
 * Reminders take the same path (people grouped into one mail each, written in batches, delivered at the rate); their
 * lookup of the open tasks, one task query and one process-instance query, is not in these figures.
 *
 * <p>{@code mvn -B -Pbenchmark test -Dtest=BurstBenchmark -Dbenchmark.provinces=34 -Dbenchmark.communes=700
 * -Dbenchmark.bases=10000}; deliveries run on {@code -Dbenchmark.threads=3} threads (the job executor's core pool) at the
 * configured send rate ({@code -Dreview-cascade.notifications.send-rate=100}). Figures go to target/benchmark.md.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BurstBenchmark extends CascadeTestSupport {

    private static final NationalTree.Sizes SIZES = NationalTree.Sizes.fromSystemProperties();
    private static final int THREADS = Integer.getInteger("benchmark.threads", 3);
    private static final int FLOOR_MAILS = Integer.getInteger("benchmark.floor-mails", 2000);
    private static final Path TREE = Path.of("target", "benchmark-burst-tree.csv");
    private static final String PLAN_FILE = "benchmark/national-plan.yaml";
    private static final String PLAN = "901-KH/TW";
    private static final String BOARD = "btgdv-tw";

    @Autowired private PlanCatalog catalog;
    @Autowired private RepositoryService repositoryService;
    @Autowired private JdbcTemplate jdbc;
    @Autowired private UnitTree tree;
    @Autowired private SmtpSink sink;

    @DynamicPropertySource
    static void nationalTree(DynamicPropertyRegistry registry) throws IOException {
        NationalTree.write(TREE, SIZES);
        registry.add("review-cascade.units-file", () -> "file:" + TREE.toAbsolutePath());
        BenchmarkReport.ownDatabase(registry);
        registry.add("review-cascade.security.observer-groups", () -> "bdv-tu,btc-tu,btgdv-tu," + BOARD);
    }

    /** Creates no groups at start: the benchmark creates the few thousand the burst mails, not all four per unit. */
    /** The application's mail sender pointed at a sink that does not slow down as it fills (see {@link SmtpSink}). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Sink {

        @Bean(destroyMethod = "close")
        SmtpSink smtpSink() throws IOException {
            return new SmtpSink();
        }

        @Bean
        @Primary
        JavaMailSenderImpl sinkMailSender(SmtpSink sink) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(sink.port());
            sender.setDefaultEncoding("UTF-8");
            return sender;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class NoGroupsAtStart {

        @Bean
        static BeanPostProcessor groupsHeldBack() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    // The groups the burst needs are created by the test; tenant memberships would need them all.
                    if (bean instanceof SetupStep step && (UnitGroupsForBenchmark.isSynchronizer(step)
                            || TenantMembershipsForBenchmark.isTenantMemberships(step))) {
                        ProxyFactory proxy = new ProxyFactory(step);
                        // A subclass: the steps' event listeners must stay callable on the bean.
                        proxy.setProxyTargetClass(true);
                        proxy.addAdvice((MethodInterceptor) invocation ->
                                invocation.getMethod().getName().equals("run") ? null : invocation.proceed());
                        return proxy.getProxy();
                    }
                    return bean;
                }
            };
        }
    }

    @Test
    void measure() throws Exception {
        List<String> out = new ArrayList<>();
        List<Unit> bases = tree.units().stream().filter(unit -> unit.level().equals("BASE")).toList();
        List<Unit> communes = tree.units().stream().filter(unit -> unit.level().equals("COMMUNE")).toList();
        createPeople(bases, communes);
        catalog.register(TestPlans.text(PLAN_FILE), "bench");
        Floor floor = floor();

        long started = System.nanoTime();
        Campaign campaign = campaigns.start(StartCampaign.of(PLAN, "Đo đợt thư " + SIZES, NationalTree.ROOT, YEAR), "bench");
        // The request wrote the first part; the opening's jobs write the rest and start the root's review, and with it
        // the campaign's burst process.
        OpeningJobs.writeAllUnits(runtimeService, managementService, campaign.id());
        long startNanos = System.nanoTime() - started;
        Instant due = campaign.deadlines().reportDue("BASE");

        // Every burst before the base deadline (reminders: no unit is opened, so no task is open, nothing is written).
        String bursts = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign.id() + "/bursts")
                .singleResult().getId();
        long enqueueNanos = 0;
        while (true) {
            Job burst = managementService.createJobQuery().processInstanceId(bursts).singleResult();
            ClockUtil.setCurrentTime(burst.getDuedate());
            long jobStarted = System.nanoTime();
            managementService.executeJob(burst.getId());
            if (burst.getDuedate().toInstant().equals(due)) {
                enqueueNanos = System.nanoTime() - jobStarted;
                break;
            }
        }
        long mails = jdbc.queryForObject("select count(*) from mail_outbox where campaign_id = ? and status = 'PENDING'",
                Long.class, campaign.id());
        List<Job> deliveries = managementService.createJobQuery().processDefinitionKey("mailDelivery").executable().list()
                .stream().filter(job -> campaignOf(job) == campaign.id()).toList();

        // Delivery: the jobs on THREADS threads, as the job executor's pool runs them, the rate sampled by tenths.
        ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>(deliveries);
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long deliveryStarted = System.nanoTime();
        for (int i = 0; i < THREADS; i++) {
            pool.submit(() -> {
                for (Job job = queue.poll(); job != null; job = queue.poll()) {
                    try {
                        managementService.executeJob(job.getId());
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        List<long[]> tenths = new ArrayList<>();
        long nextTenth = Math.max(1, mails / 10);
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            long sent = sent(campaign);
            if (sent >= nextTenth && tenths.size() < 9) {
                tenths.add(new long[] {System.nanoTime() - deliveryStarted, sent});
                nextTenth = Math.max(nextTenth + 1, mails * (tenths.size() + 1) / 10);
            }
        }
        long deliveryNanos = System.nanoTime() - deliveryStarted;
        tenths.add(new long[] {deliveryNanos, sent(campaign)});

        // Duplicates: a mail is one SMTP transaction whatever its recipients; one key arriving twice is a mail sent twice.
        long twice = sink.arrivals().values().stream().filter(arrivals -> arrivals > 1).count();
        long largest = jdbc.queryForObject("select max(length(body_text) + length(body_html)) from mail_outbox where campaign_id = ?",
                Long.class, campaign.id());

        out.add("Tree %s: %,d base units, %,d commune-level units. Escalation burst of the base report deadline, every base unit overdue; "
                .formatted(SIZES, bases.size(), communes.size())
                + "one leader per base unit, one reviewer per commune, one board member. History full, job executor off: "
                + "the burst's job run as the executor runs it, deliveries on %d threads, send rate %s mails/s."
                .formatted(THREADS, System.getProperty("review-cascade.notifications.send-rate", "100 (default)")));
        out.add("");
        out.add("| measure | value |");
        out.add("|---|---|");
        out.add("| campaign start (the request and the opening's jobs, %,d unit rows) | %s |".formatted(tree.size(), seconds(startNanos)));
        out.add("| mails written by the burst (one per person or group of people with the same units) | %,d |".formatted(mails));
        out.add("| delivery jobs (batches of up to 50) | %,d |".formatted(deliveries.size()));
        out.add("| **enqueue: the burst's job, due time to every mail in the outbox** | **%s** |".formatted(seconds(enqueueNanos)));
        out.add("| floor: bare engine, one process with an asynchronous step per mail, %,d started | %s, %.0f per second → %s for %,d |"
                .formatted(FLOOR_MAILS, seconds(floor.nanos), floor.perSecond(), duration((long) (mails / floor.perSecond() * 1e9)), mails));
        out.add("| enqueue ratio, burst / floor for as many mails | %.2f× |".formatted(enqueueNanos / (mails / floor.perSecond() * 1e9)));
        out.add("| delivery, all mails | %s, **%.1f mails/s** |".formatted(duration(deliveryNanos), sent(campaign) / (deliveryNanos / 1e9)));
        StringBuilder rates = new StringBuilder();
        long[] previous = {0, 0};
        for (long[] tenth : tenths) {
            double rate = (tenth[1] - previous[1]) / ((tenth[0] - previous[0]) / 1e9);
            rates.append(rates.isEmpty() ? "" : ", ").append("%.0f".formatted(rate));
            previous = tenth;
        }
        out.add("| delivery rate per tenth of the burst, mails/s | %s |".formatted(rates));
        out.add("| mails delivered twice / delivery jobs failed | %d / %d |".formatted(twice, failures.get()));
        out.add("| largest mail (text + HTML) | %,d KB |".formatted(largest / 1024));
        out.add("| heap after a GC | %,d MB |".formatted(BenchmarkReport.heapAfterGc()));
        BenchmarkReport.write("Burst of %,d escalations".formatted(bases.size()), out);
    }

    private long sent(Campaign campaign) {
        return jdbc.queryForObject("select count(*) from mail_outbox where campaign_id = ? and status = 'SENT'", Long.class,
                campaign.id());
    }

    private long campaignOf(Job job) {
        Object campaignId = runtimeService.getVariable(job.getExecutionId(), "campaignId");
        return campaignId == null ? -1 : ((Number) campaignId).longValue();
    }

    /** The groups the burst mails, one member each with an address, written straight to the identity tables. */
    private void createPeople(List<Unit> bases, List<Unit> communes) {
        List<Object[]> groups = new ArrayList<>();
        List<Object[]> users = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        for (Unit unit : bases) {
            add(unit.code() + ".signers", "kd." + unit.code(), groups, users, memberships);
        }
        for (Unit unit : communes) {
            add(unit.code() + ".reviewers", "td." + unit.code(), groups, users, memberships);
        }
        add(BOARD, "bench.board", groups, users, memberships);
        jdbc.batchUpdate("insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) values (?, 1, ?, 'WORKFLOW')", groups);
        jdbc.batchUpdate("insert into ACT_ID_USER (ID_, REV_, FIRST_, LAST_, EMAIL_) values (?, 1, ?, 'Người đo', ?)", users);
        jdbc.batchUpdate("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)", memberships);
    }

    private static void add(String group, String user, List<Object[]> groups, List<Object[]> users, List<Object[]> memberships) {
        groups.add(new Object[] {group, group});
        users.add(new Object[] {user, user, user.toLowerCase().replaceAll("[^a-z0-9.]", "") + "@burst.bench.test"});
        memberships.add(new Object[] {user, group});
    }

    private record Floor(long nanos) {
        double perSecond() {
            return FLOOR_MAILS / (nanos / 1e9);
        }
    }

    /** One trivial instance per mail, as mails were queued before bursts: start, an asynchronous step, end. */
    private Floor floor() {
        repositoryService.createDeployment().name("burstFloor").addModelInstance("burstFloor.bpmn",
                Bpmn.createExecutableProcess("burstFloor").camundaHistoryTimeToLive(1).startEvent().serviceTask("Send")
                        .camundaAsyncBefore().camundaExpression("${true}").endEvent().done()).deploy();
        long started = System.nanoTime();
        for (int i = 0; i < FLOOR_MAILS; i++) {
            runtimeService.startProcessInstanceByKey("burstFloor", "floor/" + i, Map.of("outboxId", (long) i));
        }
        return new Floor(System.nanoTime() - started);
    }
}
