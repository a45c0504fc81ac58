package vn.reviewcascade.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.Vietnam;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.CampaignStarted;
import vn.reviewcascade.campaign.DeadlineFormat;
import vn.reviewcascade.people.People;
import vn.reviewcascade.report.ReportRepository;

/**
 * The organising board's digest of overdue units: one {@code overdueDigest} process per campaign wakes at
 * each slot of the digest schedule and, while any unit is overdue, mails a summary grouped by the unit each one
 * reports to: how many under each, the first names, and a link to the dashboard for the rest. It ends with the campaign, when the root unit's report is submitted.
 */
@Component
public class OverdueDigest implements JavaDelegate {

    static final String PROCESS = "overdueDigest";

    /**
     * How much of a national list one mail carries: the parents with the most overdue units and the first names
     * under each, counted for the rest, with a link to the dashboard that lists them all.
     */
    static final int MAX_PARENTS = 20;
    static final int UNITS_PER_PARENT = 5;
    static final int NAME_LENGTH = 100;

    private final RuntimeService runtimeService;
    private final CampaignService campaigns;
    private final ReportRepository reports;
    private final MailRecipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final CronExpression schedule;
    private final String scheduleWords;
    private final String baseUrl;
    private final EngineClock clock;
    private final People people;

    public OverdueDigest(People people, RuntimeService runtimeService, CampaignService campaigns,
                         ReportRepository reports,
                         MailRecipients recipients, MailTemplates templates, MailOutbox outbox,
                         NotificationProperties properties, EngineClock clock) {
        this.people = people;
        this.runtimeService = runtimeService;
        this.campaigns = campaigns;
        this.reports = reports;
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.schedule = CronExpression.parse(properties.digestCron());
        this.baseUrl = properties.baseUrl();
        this.scheduleWords = TimeWords.schedule(properties.digestCron());
        this.clock = clock;
    }

    @EventListener
    void onCampaignStarted(CampaignStarted started) {
        long id = started.campaign().id();
        runtimeService.startProcessInstanceByKey(PROCESS, id + "/digest",
                Map.of("campaignId", id, "nextDigestAt", nextSlotAfter(clock.now())));
    }

    /** Runs at the slot in {@code nextDigestAt}; the slot, not the clock, keys the mail, so a rerun sends nothing. */
    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable("campaignId")).longValue();
        Instant slot = ((Date) execution.getVariable("nextDigestAt")).toInstant();
        Campaign campaign = campaigns.find(campaignId);
        Instant now = clock.now();
        long count = reports.countOverdue(campaignId);
        if (count > 0) {
            Map<String, Object> model = summary(count, reports.overdueByParent(campaignId, MAX_PARENTS, UNITS_PER_PARENT), now);
            model.put("board", people.groupName(campaign.organisingGroup()));
            model.put("planNumber", campaign.planNumber());
            model.put("title", campaign.title());
            model.put("reportTitle", campaign.plan().documents().report());
            model.put("dashboard", dashboardLink(campaignId));
            model.put("at", DeadlineFormat.label(now));
            model.put("schedule", scheduleWords);
            outbox.queue(new OutgoingMail("DIGEST/%d/%s".formatted(campaignId, slot), campaignId, null,
                    MailKind.OVERDUE_DIGEST, recipients.ofGroups(List.of(campaign.organisingGroup())),
                    templates.render(MailKind.OVERDUE_DIGEST.template(), model), null));
        }
        boolean running = reports.find(campaignId, campaign.rootUnit()).map(root -> !root.submitted()).orElse(false);
        execution.setVariable("campaignRunning", running);
        execution.setVariable("nextDigestAt", nextSlotAfter(slot.isAfter(now) ? slot : now));
    }

    private Date nextSlotAfter(Instant instant) {
        return Date.from(schedule.next(instant.atZone(Vietnam.ZONE)).toInstant());
    }

    /**
     * The list part of the digest: the {@code count} overdue units, the groups listed with their first units, how
     * many more each has and how many are under parents not listed. Names are cut to {@link #NAME_LENGTH}
     * characters, so a digest stays under 100 KB whatever the tree.
     */
    static Map<String, Object> summary(long count, List<ReportRepository.OverdueGroup> groups, Instant now) {
        List<Map<String, Object>> byParent = groups.stream().map(group -> Map.<String, Object>of(
                "name", shortened(group.parentName()),
                "count", group.count(),
                "more", group.count() - group.first().size(),
                "units", group.first().stream().map(unit -> Map.of(
                        "name", shortened(unit.unitName()),
                        "deadline", DeadlineFormat.label(unit.reportDue()),
                        "late", TimeWords.of(Duration.between(unit.reportDue(), now)))).toList())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("count", count);
        model.put("byParent", byParent);
        model.put("moreParents", count - groups.stream().mapToLong(ReportRepository.OverdueGroup::count).sum());
        return model;
    }

    private static String shortened(String name) {
        return name.codePointCount(0, name.length()) <= NAME_LENGTH ? name
                : name.substring(0, name.offsetByCodePoints(0, NAME_LENGTH - 1)) + "…";
    }

    private String dashboardLink(long campaignId) {
        return baseUrl.replaceAll("/+$", "") + "/dashboard/?campaign=" + campaignId;
    }
}
