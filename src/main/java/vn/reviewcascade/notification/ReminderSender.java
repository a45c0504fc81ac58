package vn.reviewcascade.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.DeadlineFormat;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.people.People;
import vn.reviewcascade.report.ReportService;

/**
 * Reminds whoever holds the open task of a document before its deadline: its assignee, or else the members of
 * its candidate groups, greeted by name or by role and unit. Once the document is issued its process has ended, so a unit that has submitted gets
 * no reminder.
 */
@Component
public class ReminderSender implements JavaDelegate {

    private final ReminderSchedule schedule;
    private final TaskService taskService;
    private final MailRecipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final NotificationProperties properties;
    private final CampaignService campaigns;
    private final ReportService reports;
    private final EngineClock clock;
    private final People people;

    public ReminderSender(ReminderSchedule schedule, TaskService taskService, MailRecipients recipients,
                          MailTemplates templates, MailOutbox outbox, NotificationProperties properties,
                          CampaignService campaigns, ReportService reports, EngineClock clock, People people) {
        this.people = people;
        this.campaigns = campaigns;
        this.reports = reports;
        this.schedule = schedule;
        this.taskService = taskService;
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Duration> offset = schedule.offsetDueNow(execution);
        List<Task> open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().list();
        if (offset.isEmpty() || open.isEmpty()) {
            return;
        }
        Task task = open.get(0);
        List<String> groups = task.getAssignee() != null ? List.of()
                : taskService.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                        .map(IdentityLink::getGroupId).toList();
        MailRecipients.Resolved to = task.getAssignee() != null ? recipients.ofUser(task.getAssignee())
                : recipients.ofGroups(groups);
        Instant due = schedule.due(execution);
        ReviewKey key = ReviewKey.of(execution);
        long campaignId = key.campaignId();
        String unitCode = key.unitCode();
        Map<String, Object> model = new HashMap<>();
        model.put("planNumber", campaigns.find(campaignId).planNumber());
        model.put("unitName", reports.unit(campaignId, unitCode).unitName());
        model.put("taskName", task.getName());
        // The person who has taken the task by name, else the groups it waits on by role and unit.
        model.put("addressee", task.getAssignee() != null ? "đồng chí " + people.userName(task.getAssignee())
                : "các đồng chí " + String.join("; ", people.groupNameList(groups)));
        model.put("deadline", DeadlineFormat.label(due));
        model.put("timeLeft", TimeWords.of(Duration.between(clock.now(), due)));
        model.put("link", properties.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        String mailKey = "REMINDER/%d/%s/%s/%s/%s".formatted(campaignId, unitCode, key.kind(), due, offset.get());
        outbox.queue(new OutgoingMail(mailKey, campaignId, unitCode, MailKind.REMINDER, to,
                templates.render(MailKind.REMINDER.template(), model), null));
    }
}
