package vn.reviewcascade.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
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
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;

/**
 * The organising board's digest of overdue units: one {@code overdueDigest} process per campaign wakes at
 * each slot of the digest schedule and, while any unit is overdue, mails the list grouped by the unit each one
 * reports to. It ends with the campaign, when the root unit's report is submitted.
 */
@Component
public class OverdueDigest implements JavaDelegate {

    static final String PROCESS = "overdueDigest";

    private final RuntimeService runtimeService;
    private final CampaignService campaigns;
    private final ReportRepository reports;
    private final MailRecipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final CronExpression schedule;
    private final String scheduleWords;
    private final EngineClock clock;
    private final IdentityService identityService;

    public OverdueDigest(IdentityService identityService, RuntimeService runtimeService, CampaignService campaigns,
                         ReportRepository reports,
                         MailRecipients recipients, MailTemplates templates, MailOutbox outbox,
                         NotificationProperties properties, EngineClock clock) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.campaigns = campaigns;
        this.reports = reports;
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.schedule = CronExpression.parse(properties.digestCron());
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
        List<UnitReport> units = reports.findAll(campaignId);
        Instant now = clock.now();
        List<UnitReport> overdue = units.stream().filter(UnitReport::overdue).toList();
        if (!overdue.isEmpty()) {
            Map<String, String> names = new HashMap<>();
            units.forEach(unit -> names.put(unit.unitCode(), unit.unitName()));
            Map<String, List<Map<String, Object>>> byParent = new LinkedHashMap<>();
            overdue.stream()
                    .sorted(Comparator.comparing((UnitReport unit) -> parentName(unit, names)).thenComparing(UnitReport::unitName))
                    .forEach(unit -> byParent.computeIfAbsent(parentName(unit, names), parent -> new ArrayList<>()).add(Map.of(
                            "name", unit.unitName(),
                            "deadline", DeadlineFormat.label(unit.reportDue()),
                            "late", TimeWords.of(Duration.between(unit.reportDue(), now)))));
            Map<String, Object> model = new HashMap<>();
            model.put("board", boardName(campaign.organisingGroup()));
            model.put("planNumber", campaign.planNumber());
            model.put("title", campaign.title());
            model.put("reportTitle", campaign.plan().documents().report());
            model.put("count", overdue.size());
            model.put("byParent", byParent);
            model.put("at", DeadlineFormat.label(now));
            model.put("schedule", scheduleWords);
            outbox.queue(new OutgoingMail("DIGEST/%d/%s".formatted(campaignId, slot), campaignId, null,
                    MailKind.OVERDUE_DIGEST, recipients.ofGroups(List.of(campaign.organisingGroup())),
                    templates.render(MailKind.OVERDUE_DIGEST.template(), model), null));
        }
        boolean running = units.stream().anyMatch(unit -> unit.unitCode().equals(campaign.rootUnit()) && !unit.submitted());
        execution.setVariable("campaignRunning", running);
        execution.setVariable("nextDigestAt", nextSlotAfter(slot.isAfter(now) ? slot : now));
    }

    private Date nextSlotAfter(Instant instant) {
        return Date.from(schedule.next(instant.atZone(Vietnam.ZONE)).toInstant());
    }

    /** The unit an overdue unit is listed under: its parent in the campaign; the campaign's root under itself. */
    private static String parentName(UnitReport unit, Map<String, String> names) {
        return unit.parentCode() == null ? unit.unitName() : names.getOrDefault(unit.parentCode(), unit.parentCode());
    }

    /** "Ban Dân vận Tỉnh ủy": the organising group's name as the engine knows it, else its id. */
    private String boardName(String groupId) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
    }
}
