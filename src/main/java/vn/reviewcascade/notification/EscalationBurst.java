package vn.reviewcascade.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.DeadlineFormat;
import vn.reviewcascade.notification.MailAudiences.Audience;
import vn.reviewcascade.notification.MailAudiences.Unreached;
import vn.reviewcascade.people.People;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

/**
 * The escalation mails of a report deadline: every unit due then (at its level's deadline, or at its own where a
 * reorganisation recomputed it) that has not submitted is reported to its leaders, its parent's reviewers and the
 * organising board, each person once with every such unit they answer for (a district's reviewers get one mail listing
 * their late communes, the board one mail for the whole country, its first units named and the rest counted). The
 * escalation itself is still raised by each unit's process at the same instant (it marks the unit overdue and its tasks
 * late); the mail no longer waits for tens of thousands of those jobs to run.
 */
@Component
class EscalationBurst {

    /** Units one mail lists by name; the rest are counted, and all are on the dashboard. */
    static final int LISTED = 50;

    private final UnitTree tree;
    private final MailRecipients recipients;
    private final MailTemplates templates;
    private final NotificationProperties properties;
    private final People people;

    EscalationBurst(UnitTree tree, MailRecipients recipients, MailTemplates templates, NotificationProperties properties,
                    People people) {
        this.tree = tree;
        this.recipients = recipients;
        this.templates = templates;
        this.properties = properties;
        this.people = people;
    }

    /** A unit that missed the deadline, and the groups told of it, in the order the mail addresses them. */
    record Item(BurstUnit unit, String parentName, List<String> groups) {
    }

    /** The units whose report deadline — their own, else their level's — is {@code at}, and who is told of each. */
    MailAudiences<Item> audiences(Campaign campaign, Instant at, Map<String, BurstUnit> units) {
        List<Item> items = new ArrayList<>();
        for (BurstUnit unit : units.values()) {
            Instant due = unit.reportDue(campaign);
            if (due == null || !at.equals(MailBursts.instant(due)) || unit.submitted() || unit.retired()) {
                continue;
            }
            List<String> groups = new ArrayList<>();
            groups.add(tree.groupId(unit.code(), UnitRole.SIGNER));
            String parentName = null;
            if (unit.parentCode() != null) {
                groups.add(tree.groupId(unit.parentCode(), UnitRole.REVIEWER));
                BurstUnit parent = units.get(unit.parentCode());
                parentName = parent != null ? parent.name() : tree.find(unit.parentCode()).map(u -> u.name()).orElse(unit.parentCode());
            }
            groups.add(campaign.organisingGroup());
            items.add(new Item(unit, parentName, List.copyOf(groups)));
        }
        return MailAudiences.of(items, item -> null, Item::groups,
                recipients.membersOf(items.stream().flatMap(item -> item.groups().stream()).toList()), Map.of(),
                recipients::emptyGroup, MailRecipients::unknownUser);
    }

    OutgoingMail mail(Campaign campaign, Instant at, Instant now, Audience<Item> audience) {
        Map<String, Object> model = model(campaign, at, now, audience.items(), audience.groups());
        String key = "ESCALATION/%d/%s/%s".formatted(campaign.id(), at, audience.firstPersonId());
        return new OutgoingMail(key, campaign.id(), audience.items().size() == 1 ? audience.items().get(0).unit().code() : null,
                MailKind.ESCALATION, recipients.ofPersons(audience.persons()),
                templates.render(MailKind.ESCALATION.template(), model), null);
    }

    /** A unit whose groups have no members at all: recorded with the reasons, so the organising board sees it. */
    OutgoingMail unreached(Campaign campaign, Instant at, Instant now, Unreached<Item> unreached) {
        Item item = unreached.item();
        return new OutgoingMail("ESCALATION/%d/%s/%s".formatted(campaign.id(), at, item.unit().code()), campaign.id(),
                item.unit().code(), MailKind.ESCALATION, new MailRecipients.Resolved(List.of(), unreached.reasons()),
                templates.render(MailKind.ESCALATION.template(), model(campaign, at, now, List.of(item), item.groups())), null);
    }

    private Map<String, Object> model(Campaign campaign, Instant at, Instant now, List<Item> items, List<String> groups) {
        Map<String, Object> model = new HashMap<>();
        // Addressed as people read the groups: "Lãnh đạo ký duyệt – Đảng ủy xã …; Người thẩm định – …; Ban Dân vận Tỉnh ủy".
        model.put("addressee", "các đồng chí " + String.join("; ", people.groupNameList(groups)));
        model.put("planNumber", campaign.planNumber());
        model.put("reportTitle", campaign.plan().documents().report());
        model.put("deadline", DeadlineFormat.label(at));
        Duration late = Duration.between(at, now);
        model.put("lateness", late.toMinutes() < 1 ? null : TimeWords.of(late));
        model.put("count", items.size());
        List<Map<String, Object>> listed = items.stream().limit(LISTED).map(item -> {
            Map<String, Object> unit = new HashMap<>();
            unit.put("name", item.unit().name());
            unit.put("parentName", item.parentName());
            return unit;
        }).toList();
        model.put("units", listed);
        model.put("more", items.size() - listed.size());
        model.put("unitName", items.get(0).unit().name());
        model.put("parentName", items.get(0).parentName());
        model.put("dashboard", properties.baseUrl().replaceAll("/+$", "") + "/dashboard/?campaign=" + campaign.id());
        return model;
    }
}
