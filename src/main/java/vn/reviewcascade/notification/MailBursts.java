package vn.reviewcascade.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SetupStep;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.CampaignStarted;
import vn.reviewcascade.plan.DeadlineKind;
import vn.reviewcascade.reorganisation.ReportDeadlinesMoved;

/**
 * A campaign's reminders and escalation mails, a burst at a time: one {@code mailBursts} process per campaign wakes
 * at each instant when reminders or a report deadline fall due — for every unit of a level at once — and, in that one
 * job, writes the burst's mails to the outbox in batches, one mail per person. Fifty thousand units due together
 * cost one timer and one transaction, where each unit's approval used to hold a reminder timer of its own and each
 * mail started a process; the delivery jobs that follow send them at the configured rate.
 */
@Component("mailBursts")
public class MailBursts implements JavaDelegate {

    static final String PROCESS = "mailBursts";
    /** Mails rendered and written per statement batch, so a national burst never holds all its mails in memory. */
    private static final int SLICE = 1000;

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final CampaignService campaigns;
    private final ReminderBurst reminders;
    private final EscalationBurst escalations;
    private final MailOutbox outbox;
    private final JdbcClient jdbc;
    private final EngineClock clock;

    public MailBursts(RuntimeService runtimeService, ManagementService managementService, CampaignService campaigns,
                      ReminderBurst reminders, EscalationBurst escalations, MailOutbox outbox, JdbcClient jdbc,
                      EngineClock clock) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.campaigns = campaigns;
        this.reminders = reminders;
        this.escalations = escalations;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onCampaignStarted(CampaignStarted started) {
        startFor(started.campaign());
    }

    /**
     * Campaigns started before reminders went out in bursts have no burst process: they get one, from now on (their
     * approvals' own reminder loops are ended as the approvals move to the newest version). Runs at every start and
     * finds nothing to do once done; an ended campaign gets none.
     */
    @Component
    @Order(2)
    static class ForRunningCampaigns implements SetupStep {

        private final MailBursts bursts;
        private final CampaignService campaigns;
        private final HistoryService historyService;
        private final JdbcClient jdbc;

        ForRunningCampaigns(MailBursts bursts, CampaignService campaigns, HistoryService historyService, JdbcClient jdbc) {
            this.bursts = bursts;
            this.campaigns = campaigns;
            this.historyService = historyService;
            this.jdbc = jdbc;
        }

        @Override
        public void run() {
            for (Campaign campaign : campaigns.findAll()) {
                boolean running = jdbc.sql("""
                                select count(*) from campaign_unit u where u.campaign_id = ? and u.unit_code = ?
                                  and u.submitted_at is null
                                  and not exists (select 1 from campaign_end e where e.campaign_id = u.campaign_id)""")
                        .params(campaign.id(), campaign.rootUnit()).query(Long.class).single() > 0;
                // Running or ended (no instant left), a burst process is in the history from its start.
                if (running && historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                        .processInstanceBusinessKey(businessKey(campaign)).count() == 0) {
                    bursts.startFor(campaign);
                }
            }
        }
    }

    private void startFor(Campaign campaign) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("campaignId", campaign.id());
        variables.put("nextBurstAt", next(campaign, BurstUnit.of(jdbc, campaign.id()).values(), clock.now())
                .map(Date::from).orElse(null));
        runtimeService.startProcessInstanceByKey(PROCESS, businessKey(campaign), variables);
    }

    private static String businessKey(Campaign campaign) {
        return campaign.id() + "/bursts";
    }

    /**
     * A reorganisation gave units report deadlines of their own, later than their level's: their reminders and
     * escalation are instants of the campaign's bursts too. The burst process, waiting for a later instant, is woken
     * at the first new one instead; one that had ended with the campaign's last instant starts again. A burst due
     * already and not yet run keeps its time.
     */
    @EventListener
    void onReportDeadlinesMoved(ReportDeadlinesMoved moved) {
        Campaign campaign = campaigns.find(moved.campaignId());
        Map<String, BurstUnit> units = BurstUnit.of(jdbc, campaign.id());
        Optional<Instant> next = next(campaign, units.values(), clock.now());
        if (next.isEmpty() || units.get(campaign.rootUnit()).submitted()) {
            return;
        }
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(businessKey(campaign)).singleResult();
        if (running == null) {
            startFor(campaign);
            return;
        }
        Date at = Date.from(next.get());
        Job timer = managementService.createJobQuery().processInstanceId(running.getId()).timers().singleResult();
        if (timer != null && timer.getDuedate().after(at)) {
            runtimeService.setVariable(running.getId(), "nextBurstAt", at);
            managementService.setJobDuedate(timer.getId(), at);
        }
    }

    /**
     * Runs at the instant in {@code nextBurstAt}; the instant, not the clock, keys the mails, so a rerun writes
     * nothing new. Then sets the next instant, or null when the campaign has none left or is finished.
     */
    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable("campaignId")).longValue();
        Instant at = ((Date) execution.getVariable("nextBurstAt")).toInstant();
        Campaign campaign = campaigns.find(campaignId);
        // A campaign whose root has reported is finished: nothing is left to remind of or escalate, and the process ends.
        Map<String, BurstUnit> units = BurstUnit.of(jdbc, campaignId);
        boolean finished = units.get(campaign.rootUnit()).submitted();
        if (!finished) {
            queue(campaign, at, units);
        }
        execution.setVariable("nextBurstAt", finished ? null : next(campaign, units.values(), at).map(Date::from).orElse(null));
    }

    /** Writes the reminders and escalation mails of the instant to the outbox; how many were written. */
    private int queue(Campaign campaign, Instant at, Map<String, BurstUnit> units) {
        Instant now = clock.now();
        int written = 0;
        MailAudiences<ReminderBurst.Item> reminded = reminders.audiences(campaign, at, now, units);
        written += inSlices(reminded.audiences(), audience -> reminders.mail(campaign, at, now, audience));
        written += inSlices(reminded.unreached(), unreached -> reminders.unreached(campaign, at, unreached));
        if (reportDeadlines(campaign, units.values()).contains(at)) {
            MailAudiences<EscalationBurst.Item> escalated = escalations.audiences(campaign, at, units);
            written += inSlices(escalated.audiences(), audience -> escalations.mail(campaign, at, now, audience));
            written += inSlices(escalated.unreached(), unreached -> escalations.unreached(campaign, at, now, unreached));
        }
        return written;
    }

    private <A> int inSlices(List<A> audiences, Function<A, OutgoingMail> mail) {
        int written = 0;
        for (int from = 0; from < audiences.size(); from += SLICE) {
            written += outbox.queueAll(audiences.subList(from, Math.min(audiences.size(), from + SLICE)).stream().map(mail).toList());
        }
        return written;
    }

    /**
     * The campaign's first burst after {@code instant}: a reminder of a level's guidance or report, or of a unit's own
     * report deadline, or a report deadline.
     */
    static Optional<Instant> next(Campaign campaign, Collection<BurstUnit> units, Instant instant) {
        TreeSet<Instant> instants = new TreeSet<>(reportDeadlines(campaign, units));
        campaign.deadlines().byLevel().forEach((level, dues) -> {
            for (DeadlineKind kind : List.of(DeadlineKind.GUIDANCE, DeadlineKind.REPORT)) {
                addReminders(instants, campaign, level, dues.get(kind));
            }
        });
        units.stream().filter(unit -> unit.recomputedReportDue() != null)
                .forEach(unit -> addReminders(instants, campaign, unit.level(), unit.recomputedReportDue()));
        return Optional.ofNullable(instants.higher(instant));
    }

    private static void addReminders(Set<Instant> instants, Campaign campaign, String level, Instant due) {
        if (due != null) {
            for (Duration offset : campaign.remindersFor(level)) {
                instants.add(instant(due.minus(offset)));
            }
        }
    }

    /**
     * The instant a burst stands for: a reminder's or deadline's time cut to the millisecond, the precision of the
     * engine's dates, in which the timer and {@code nextBurstAt} keep it. Every instant a burst is found by or compared
     * with passes through here. A deadline given as a date-time keeps the fraction its text carried (microseconds from
     * a client's clock); compared whole, the instant read back from the engine matched no reminder or deadline, so
     * nothing was written, and the next instant after it was that same one again, already due: each timer job created
     * its successor due at once, which the job executor ran at once on the same thread as the exclusive job of the same
     * process, for ever (the job thread spinning in the two-node test).
     */
    static Instant instant(Instant exact) {
        return exact.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The campaign's report deadlines: its levels', and those units have of their own. */
    private static Set<Instant> reportDeadlines(Campaign campaign, Collection<BurstUnit> units) {
        Set<Instant> deadlines = new HashSet<>();
        campaign.deadlines().byLevel().keySet().forEach(level -> {
            Instant due = campaign.deadlines().reportDue(level);
            if (due != null) {
                deadlines.add(instant(due));
            }
        });
        units.stream().filter(unit -> unit.recomputedReportDue() != null)
                .forEach(unit -> deadlines.add(instant(unit.recomputedReportDue())));
        return deadlines;
    }
}
