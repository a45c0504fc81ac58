package vn.reviewcascade.campaign;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.TableStatistics;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.DocumentNumbers;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitTree;

/**
 * Writes a started campaign's units and opens the root's review, in parts small enough for one transaction each, and
 * tells how far that is. The request that starts a campaign writes the first part: a campaign of up to
 * {@code review-cascade.campaigns.units-per-transaction} units (a province) is written whole and its root's review
 * started there, as before. A larger one (the whole country, 53,356 units) goes on in the process
 * {@code campaignOpening} ({@code <campaign>/opening}), a job per part: the job executor of whichever node is alive runs
 * them, a failed part is retried and then waits as an incident for {@link #retry}, and a node dying mid-part leaves
 * its job to be run again once its lock expires. Each part writes the units not yet written, so a part run twice
 * writes nothing twice; the root's review is started once its row is there and only if it has no process yet. The
 * units below the root then open level by level in their own jobs ({@code unitReview}'s asynchronous start).
 */
@Component("campaignOpening")
public class CampaignOpening implements JavaDelegate {

    public static final String PROCESS_KEY = "campaignOpening";
    /** The activity of {@code unitReview} whose job opens a unit: its asynchronous start. */
    static final String UNIT_START_ACTIVITY = "CampaignReachedUnit";
    /** What writing a campaign's units fills: its unit rows, their documents' number sequences. */
    private static final List<String> WRITTEN_TABLES = List.of("campaign_unit", "document_sequence");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    /**
     * The start jobs of the campaign's unit reviews not yet run: by the start event's job definitions, each job's
     * process instance (its execution's primary key) and that instance's business key, {@code <campaign>/<unit>}.
     */
    private static final String START_JOBS = """
            from ACT_RU_JOBDEF d
            join ACT_RU_JOB j on j.JOB_DEF_ID_ = d.ID_
            join ACT_RU_EXECUTION e on e.ID_ = j.PROCESS_INSTANCE_ID_
            where d.ACT_ID_ = ? and e.BUSINESS_KEY_ like ?""";

    private final UnitTree tree;
    private final CampaignRepository campaigns;
    private final ReportRepository reports;
    private final DocumentNumbers documentNumbers;
    private final UnitReviewStarter starter;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final ApplicationEventPublisher events;
    private final SystemContext system;
    private final EngineClock clock;
    private final JdbcClient jdbc;
    private final int unitsPerTransaction;
    private final TableStatistics statistics;
    /** Campaigns this node has seen opened: opening never goes back, so they are not asked about again. */
    private final Set<Long> opened = ConcurrentHashMap.newKeySet();

    CampaignOpening(UnitTree tree, CampaignRepository campaigns, ReportRepository reports,
                    DocumentNumbers documentNumbers, UnitReviewStarter starter, RuntimeService runtimeService,
                    ManagementService managementService, ApplicationEventPublisher events, SystemContext system,
                    EngineClock clock, JdbcClient jdbc, TableStatistics statistics,
                    @Value("${review-cascade.campaigns.units-per-transaction:2000}") int unitsPerTransaction) {
        if (unitsPerTransaction < 1) {
            throw new IllegalArgumentException("review-cascade.campaigns.units-per-transaction must be at least 1");
        }
        this.tree = tree;
        this.campaigns = campaigns;
        this.reports = reports;
        this.documentNumbers = documentNumbers;
        this.starter = starter;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.events = events;
        this.system = system;
        this.clock = clock;
        this.jdbc = jdbc;
        this.unitsPerTransaction = unitsPerTransaction;
        this.statistics = statistics;
    }

    /**
     * The root and every unit below it that the plan reaches: level by level, down to the plan's last level. Units
     * of a level below the plan's last are left out, with everything under them. Parents come before their units,
     * so every part written has its parents' rows.
     */
    List<Unit> reached(Plan plan, Unit root) {
        List<Unit> units = new ArrayList<>(List.of(root));
        for (int next = 0; next < units.size(); next++) {
            Unit parent = units.get(next);
            for (Unit child : tree.childrenOf(parent.code())) {
                if (plan.level(child.level()).isPresent()) {
                    units.add(child);
                }
            }
        }
        return units;
    }

    /** In the transaction that records the campaign: its first part, then either its root's review or the process. */
    void begin(Campaign campaign) {
        system.run(() -> {
            if (writeNextPart(campaign)) {
                runtimeService.startProcessInstanceByKey(PROCESS_KEY, openingKey(campaign.id()));
            } else {
                openRootReview(campaign);
            }
        });
    }

    /** One part, in the job of {@code WriteUnits}; the gateway after it reads whether units remain. */
    @Override
    public void execute(DelegateExecution execution) {
        boolean remain = writeNextPart(campaign(execution));
        execution.setVariable("unitsRemain", Variables.booleanValue(remain, true));
    }

    /** The last step of {@code campaignOpening}, in the same job as the last part. */
    public void openRoot(DelegateExecution execution) {
        // Thousands of rows were just written: the reviews about to open read them by parent, planned from fresh
        // statistics. A campaign of one part changes the tables too little to matter.
        statistics.refresh(WRITTEN_TABLES);
        openRootReview(campaign(execution));
    }

    private void openRootReview(Campaign campaign) {
        UnitReport root = reports.find(campaign.id(), campaign.rootUnit()).orElseThrow();
        if (root.processInstanceId() == null) {
            starter.start(campaign, root);
            events.publishEvent(new CampaignStarted(campaign));
        }
    }

    /**
     * Writes the next units of the campaign that have no row yet, at most a part's worth, with their document
     * sequences.
     *
     * @return whether units remain to be written after this part
     */
    private boolean writeNextPart(Campaign campaign) {
        List<Unit> missing = missing(campaign);
        List<Unit> part = missing.subList(0, Math.min(unitsPerTransaction, missing.size()));
        reports.insertAll(campaign.id(), campaign.rootUnit(), part);
        documentNumbers.prepare(part.stream().map(Unit::code).toList());
        return missing.size() > part.size();
    }

    private List<Unit> missing(Campaign campaign) {
        Set<String> written = Set.copyOf(jdbc.sql("select unit_code from campaign_unit where campaign_id = ?")
                .param(campaign.id()).query(String.class).list());
        List<Unit> reached = reached(campaign.plan(), tree.find(campaign.rootUnit()).orElseThrow());
        return reached.stream().filter(unit -> !written.contains(unit.code())).toList();
    }

    private Campaign campaign(DelegateExecution execution) {
        long id = Long.parseLong(execution.getProcessBusinessKey().split("/", 2)[0]);
        return campaigns.find(id).orElseThrow();
    }

    static String openingKey(long campaignId) {
        return campaignId + "/opening";
    }

    /**
     * @param stage   {@code WRITING} while the campaign's units are being written, {@code OPENING} while their reviews
     *                open level by level
     * @param done    units written, or units whose review has opened (its first step run)
     * @param total   units the campaign reaches
     * @param label   what the office page shows: "Đang mở các đơn vị: 12.000/53.356"
     * @param failure the error of a part or a unit's opening that failed, null if none
     * @param stopped whether that failure has used its retries: nothing goes on until {@link #retry}
     */
    public record Progress(String stage, long done, long total, String label, String failure, boolean stopped) {
    }

    /**
     * How far the campaign's opening is, derived from its rows and the engine's jobs; empty once every unit's review
     * has opened, or for a campaign ended.
     */
    public Optional<Progress> progress(Campaign campaign, boolean ended) {
        if (ended || opened.contains(campaign.id())) {
            return Optional.empty();
        }
        Optional<ProcessInstance> writing = openingProcess(campaign.id());
        if (writing.isPresent()) {
            long written = jdbc.sql("select count(*) from campaign_unit where campaign_id = ?").param(campaign.id())
                    .query(Long.class).single();
            long total = reached(campaign.plan(), tree.find(campaign.rootUnit()).orElseThrow()).size();
            Job failed = system.call(() -> managementService.createJobQuery().processInstanceId(writing.get().getId())
                    .withException().singleResult());
            return Optional.of(progress("WRITING", "Đang ghi các đơn vị của đợt", written, total,
                    failed == null ? null : failed.getExceptionMessage(), failed != null && failed.getRetries() == 0));
        }
        // Units without a process yet, plus units whose review's start job has not run. Two counts, each driven by an
        // index whatever the planner knows: a join of the campaign's rows with the jobs ran for minutes on a
        // PostgreSQL without statistics (no autovacuum), which took 53,356 rows for one and nested the jobs under it.
        long[] units = jdbc.sql("select count(*), count(process_instance_id) from campaign_unit where campaign_id = ? "
                        + "and retired_at is null").param(campaign.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        UnitsWaiting starting = jdbc.sql("""
                        select count(*) as waiting, count(j.EXCEPTION_MSG_) as failed,
                               sum(case when j.RETRIES_ = 0 then 1 else 0 end) as stopped, min(j.EXCEPTION_MSG_) as failure
                        """ + START_JOBS)
                .params(UNIT_START_ACTIVITY, campaign.id() + "/%")
                .query((rs, n) -> new UnitsWaiting(rs.getLong("waiting"), rs.getLong("failed"), rs.getLong("stopped"),
                        rs.getString("failure"))).single();
        UnitsWaiting waiting = new UnitsWaiting(units[0] - units[1] + starting.waiting(), starting.failed(),
                starting.stopped(), starting.failure());
        if (waiting.waiting() == 0) {
            opened.add(campaign.id());
            return Optional.empty();
        }
        return Optional.of(progress("OPENING", "Đang mở các đơn vị", units[0] - waiting.waiting(), units[0],
                waiting.failure(), waiting.stopped() > 0));
    }

    private record UnitsWaiting(long waiting, long failed, long stopped, String failure) {
    }

    private static Progress progress(String stage, String words, long done, long total, String failure, boolean stopped) {
        return new Progress(stage, done, total, String.format(VIETNAMESE, "%s: %,d/%,d", words, done, total), failure,
                stopped);
    }

    private Optional<ProcessInstance> openingProcess(long campaignId) {
        return Optional.ofNullable(system.call(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(openingKey(campaignId)).singleResult()));
    }

    /**
     * Runs again, at once, the campaign's opening jobs that failed and used their retries: the part being written or
     * the units whose review could not open. What was committed before stays; each resumes where it stopped.
     *
     * @return how many jobs were set to run again
     */
    public int retry(long campaignId) {
        List<String> jobs = new ArrayList<>();
        openingProcess(campaignId).ifPresent(writing -> system.run(() -> managementService.createJobQuery()
                .processInstanceId(writing.getId()).noRetriesLeft().list().forEach(job -> jobs.add(job.getId()))));
        jobs.addAll(jdbc.sql("select j.ID_ " + START_JOBS + " and j.RETRIES_ = 0")
                .params(UNIT_START_ACTIVITY, campaignId + "/%").query(String.class).list());
        if (!jobs.isEmpty()) {
            system.run(() -> managementService.setJobRetries(1).jobIds(jobs).dueDate(Date.from(clock.now()))
                    .execute());
        }
        return jobs.size();
    }

    /** Whether the campaign's units are still being written (its {@code campaignOpening} runs). */
    public boolean writing(long campaignId) {
        return openingProcess(campaignId).isPresent();
    }
}
