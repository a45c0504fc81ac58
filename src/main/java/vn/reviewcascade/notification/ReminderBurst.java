package vn.reviewcascade.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.reviewcascade.approval.ApprovalTasks;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.DeadlineFormat;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.notification.MailAudiences.Audience;
import vn.reviewcascade.notification.MailAudiences.Unreached;
import vn.reviewcascade.people.People;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.DocumentKind;

/**
 * The reminders of one instant of a campaign: every open task of a document (guidance or report, any level) whose
 * deadline — the level's, or a unit's own report deadline — is one of its level's reminder offsets after that instant.
 * Its holder — the person who took it, else the members of its candidate group — is reminded in one mail with the other
 * tasks of the instant they hold. A document already issued has no open task, so a unit that has submitted gets no
 * reminder.
 */
@Component
class ReminderBurst {

    /** Tasks one mail lists by name; the rest are counted, and all are in Tasklist. */
    static final int LISTED = 50;

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ApprovalTasks approvals;
    private final MailRecipients recipients;
    private final MailTemplates templates;
    private final NotificationProperties properties;
    private final People people;

    ReminderBurst(RuntimeService runtimeService, TaskService taskService, ApprovalTasks approvals, MailRecipients recipients,
                  MailTemplates templates, NotificationProperties properties, People people) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.approvals = approvals;
        this.recipients = recipients;
        this.templates = templates;
        this.properties = properties;
        this.people = people;
    }

    /** A task to remind of. */
    record Item(ReviewKey key, BurstUnit unit, Task task, String group, Instant due) {
    }

    /**
     * Whether a document of the level due at {@code due} is reminded at {@code at}: its deadline lies one of the level's
     * offsets after that instant. A reminder whose time passed unsent (the cluster was down) goes out late only if it is
     * still the latest one due and its deadline is ahead: no "7 days left" after the "1 day left", nothing after the
     * deadline.
     */
    static boolean remindedAt(Campaign campaign, String level, Instant due, Instant at, Instant now) {
        if (due == null || !due.isAfter(now)) {
            return false;
        }
        List<Duration> offsets = campaign.remindersFor(level);
        for (Duration offset : offsets) {
            boolean superseded = offsets.stream().anyMatch(other -> other.compareTo(offset) < 0 && !due.minus(other).isAfter(now));
            if (MailBursts.instant(due.minus(offset)).equals(at) && !superseded) {
                return true;
            }
        }
        return false;
    }

    /** A level's document due at an instant: the units of a level share it, but for a report deadline of their own. */
    private record Target(String level, Instant due) {
    }

    /**
     * Whom the reminders of {@code at} go to, each person once: the holders of the open tasks of every document
     * reminded at that instant, each with the deadline of its own unit.
     */
    MailAudiences<Item> audiences(Campaign campaign, Instant at, Instant now, Map<String, BurstUnit> units) {
        List<Item> items = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            Set<Target> reminded = units.values().stream().map(unit -> new Target(unit.level(), unit.due(campaign, kind)))
                    .distinct().filter(target -> remindedAt(campaign, target.level(), target.due(), at, now))
                    .collect(Collectors.toSet());
            if (reminded.isEmpty()) {
                continue;
            }
            String approvalsOfKind = campaign.id() + "/%/" + kind.name();
            Map<String, ReviewKey> keys = new HashMap<>();
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(ApprovalTasks.PROCESS_KEY).processInstanceBusinessKeyLike(approvalsOfKind).list()) {
                keys.put(instance.getId(), ReviewKey.parse(instance.getBusinessKey()));
            }
            for (Task task : taskService.createTaskQuery().processDefinitionKey(ApprovalTasks.PROCESS_KEY)
                    .processInstanceBusinessKeyLike(approvalsOfKind).active().list()) {
                ReviewKey key = keys.get(task.getProcessInstanceId());
                BurstUnit unit = key == null ? null : units.get(key.unitCode());
                if (unit == null) {
                    continue;
                }
                Instant due = unit.due(campaign, kind);
                if (reminded.contains(new Target(unit.level(), due))) {
                    ApprovalStep step = ApprovalStep.ofTask(task.getTaskDefinitionKey()).orElseThrow();
                    items.add(new Item(key, unit, task, approvals.candidateGroup(key, step), due));
                }
            }
        }
        items.sort(Comparator.comparing((Item item) -> item.unit().code()).thenComparing(item -> item.key().kind()));
        List<String> groups = items.stream().filter(item -> item.task().getAssignee() == null).map(Item::group).toList();
        List<String> assignees = items.stream().map(item -> item.task().getAssignee()).filter(Objects::nonNull).toList();
        return MailAudiences.of(items, item -> item.task().getAssignee(), item -> List.of(item.group()),
                recipients.membersOf(groups), recipients.persons(assignees), recipients::emptyGroup,
                MailRecipients::unknownUser);
    }

    OutgoingMail mail(Campaign campaign, Instant at, Instant now, Audience<Item> audience) {
        Map<String, Object> model = new HashMap<>();
        model.put("planNumber", campaign.planNumber());
        // The person who has taken a task by name, else the groups the tasks wait on by role and unit.
        model.put("addressee", audience.assigned() ? "đồng chí " + audience.persons().get(0).name()
                : "các đồng chí " + String.join("; ", people.groupNameList(audience.groups())));
        List<Map<String, Object>> tasks = audience.items().stream().limit(LISTED).map(item -> task(item, now)).toList();
        model.put("tasks", tasks);
        model.put("count", audience.items().size());
        model.put("more", audience.items().size() - tasks.size());
        model.put("timeLeft", TimeWords.of(Duration.between(now,
                audience.items().stream().map(Item::due).min(Comparator.naturalOrder()).orElseThrow())));
        model.put("tasklist", properties.baseUrl() + "/camunda/app/tasklist/default/");
        Item first = audience.items().get(0);
        String key = "REMINDER/%d/%s/%s".formatted(campaign.id(), at, audience.firstPersonId());
        return new OutgoingMail(key, campaign.id(), audience.items().size() == 1 ? first.unit().code() : null,
                MailKind.REMINDER, recipients.ofPersons(audience.persons()),
                templates.render(MailKind.REMINDER.template(), model), null);
    }

    /** A task no one can be reminded of: recorded with the reason, so the organising board sees who was not told. */
    OutgoingMail unreached(Campaign campaign, Instant at, Unreached<Item> unreached) {
        Item item = unreached.item();
        return new OutgoingMail("REMINDER/%d/%s/%s/%s".formatted(campaign.id(), at, item.unit().code(), item.key().kind()),
                campaign.id(), item.unit().code(), MailKind.REMINDER,
                new MailRecipients.Resolved(List.of(), unreached.reasons()),
                templates.render(MailKind.REMINDER.template(), Map.of("planNumber", campaign.planNumber(),
                        "addressee", "các đồng chí " + people.groupName(item.group()), "tasks", List.of(task(item, at)),
                        "count", 1, "more", 0, "timeLeft", TimeWords.of(Duration.between(at, item.due())),
                        "tasklist", properties.baseUrl() + "/camunda/app/tasklist/default/")), null);
    }

    private Map<String, Object> task(Item item, Instant now) {
        return Map.of("name", item.task().getName(), "unitName", item.unit().name(),
                "deadline", DeadlineFormat.label(item.due()),
                "timeLeft", TimeWords.of(Duration.between(now, item.due())),
                "link", properties.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + item.task().getId());
    }
}
