package vn.reviewcascade.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.reviewcascade.approval.EscalationRaised;

/**
 * Where notifications hook into the cascade. For now each escalation is logged once its transaction has
 * committed; email delivery replaces this listener.
 */
@Component
class NotificationLog {

    private static final Logger log = LoggerFactory.getLogger(NotificationLog.class);

    @TransactionalEventListener
    void onEscalation(EscalationRaised escalation) {
        log.warn("Escalation: campaign {} ({}), unit {} missed its deadline {}; parent {}, organising board {}",
                escalation.campaignId(), escalation.planNumber(), escalation.unitCode(), escalation.deadline(),
                escalation.parentCode(), escalation.organisingGroup());
    }
}
