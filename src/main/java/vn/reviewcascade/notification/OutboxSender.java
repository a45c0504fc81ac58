package vn.reviewcascade.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import vn.reviewcascade.document.IssuedDocuments;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.UnitDocuments;

/**
 * Sends one outbox mail, in the delivery job. A mail recorded as sent (the job ran again) is not sent again; one
 * whose node died between the send and the record is, with the same Message-ID (see {@link MailOutbox#deliver}).
 * A failure is counted in the sent log and rethrown, so the engine retries with back-off and, when retries
 * run out, shows an incident in Cockpit from which the job can be retried.
 */
@Component
public class OutboxSender implements JavaDelegate {

    private final MailOutbox outbox;
    /** The implementation, not the interface: its configured session builds each {@link OutboxMimeMessage}. */
    private final JavaMailSenderImpl mailSender;
    private final NotificationProperties properties;
    private final UnitDocuments documents;
    private final IssuedDocuments issuedDocuments;

    public OutboxSender(MailOutbox outbox, JavaMailSenderImpl mailSender, NotificationProperties properties,
                        UnitDocuments documents, IssuedDocuments issuedDocuments) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
        this.documents = documents;
        this.issuedDocuments = issuedDocuments;
    }

    /** How the delivery job retries when the mail server fails ({@code camunda:failedJobRetryTimeCycle}). */
    public String retryCycle() {
        return properties.retryCycle();
    }

    @Override
    public void execute(DelegateExecution execution) throws MessagingException {
        long id = ((Number) execution.getVariable("outboxId")).longValue();
        OutboxEntry entry = outbox.find(id).orElseThrow();
        if (entry.status() != OutboxEntry.Status.PENDING) {
            return;
        }
        // Composed before the delivery's transaction: reading the attachments takes time that should not hold
        // the mail's row locked.
        MimeMessage message = new OutboxMimeMessage(mailSender.getSession(), entry, properties.from());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(entry.recipients().toArray(String[]::new));
        helper.setSubject(entry.subject());
        helper.setText(entry.bodyText(), entry.bodyHtml());
        if (entry.attachmentUnit() != null) {
            // The report as issued and signed, and whatever the unit attached to it.
            issuedDocuments.find(entry.campaignId(), entry.attachmentUnit(), DocumentKind.REPORT).ifPresent(issued ->
                    attach(helper, "Báo cáo " + issued.number().replace('/', '-') + ".pdf", issued.pdf(), "application/pdf"));
            documents.load(entry.campaignId(), entry.attachmentUnit(), DocumentKind.REPORT).ifPresent(
                    document -> attach(helper, document.fileName(), document.content(), document.contentType()));
        }
        outbox.deliver(id, () -> mailSender.send(message));
    }

    private static void attach(MimeMessageHelper helper, String fileName, byte[] content, String contentType) {
        try {
            helper.addAttachment(fileName, new ByteArrayResource(content), contentType);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot attach " + fileName, e);
        }
    }
}
