package vn.reviewcascade.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.reviewcascade.approval.EscalationRaised;
import vn.reviewcascade.campaign.DeadlineFormat;
import vn.reviewcascade.people.People;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

/**
 * Tells the unit's leaders, its parent's reviewers and the organising board that the unit missed its
 * deadline. Listens in the escalation's own transaction, so the mail is queued exactly when the escalation
 * is recorded, once per missed deadline.
 */
@Component
class EscalationMailer {

    private final UnitTree tree;
    private final MailRecipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final People people;

    EscalationMailer(UnitTree tree, MailRecipients recipients, MailTemplates templates, MailOutbox outbox, People people) {
        this.people = people;
        this.tree = tree;
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
    }

    @EventListener
    void onEscalation(EscalationRaised escalation) {
        List<String> groups = new ArrayList<>();
        groups.add(tree.groupId(escalation.unitCode(), UnitRole.SIGNER));
        String parentName = null;
        if (escalation.parentCode() != null) {
            groups.add(tree.groupId(escalation.parentCode(), UnitRole.REVIEWER));
            parentName = tree.find(escalation.parentCode()).map(Unit::name).orElse(escalation.parentCode());
        }
        groups.add(escalation.organisingGroup());
        Map<String, Object> model = new HashMap<>();
        // Addressed as people read the groups: "Lãnh đạo ký duyệt – Đảng ủy xã …; Người thẩm định – …; Ban Dân vận Tỉnh ủy".
        model.put("addressee", "các đồng chí " + String.join("; ", people.groupNameList(groups)));
        model.put("planNumber", escalation.planNumber());
        model.put("unitName", escalation.unitName());
        model.put("reportTitle", escalation.reportTitle());
        model.put("parentName", parentName);
        model.put("deadline", DeadlineFormat.label(escalation.deadline()));
        Duration late = Duration.between(escalation.deadline(), escalation.raisedAt());
        model.put("lateness", late.toMinutes() < 1 ? null : TimeWords.of(late));
        String key = "ESCALATION/%d/%s/%s".formatted(escalation.campaignId(), escalation.unitCode(), escalation.deadline());
        outbox.queue(new OutgoingMail(key, escalation.campaignId(), escalation.unitCode(), MailKind.ESCALATION,
                recipients.ofGroups(groups), templates.render(MailKind.ESCALATION.template(), model), null));
    }
}
