package vn.reviewcascade.notification;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import vn.reviewcascade.document.IssuedDocuments;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.UnitDocuments;

/**
 * Sends a batch of outbox mails, in the delivery job: over one SMTP connection (a relay's TLS handshake and login
 * are paid once per batch, not per mail), each at this node's next slot of the send rate ({@link MailRate}), each
 * recorded sent right after the server accepted it. A mail recorded as sent (the job ran again, or ran on two nodes
 * at once) is not sent again; one whose node died between the send and the record is, with the same Message-ID
 * (see {@link MailOutbox#deliver}). When the server fails, the mails not yet sent are counted with the error and the
 * job fails, so the engine retries the rest with back-off and, when retries run out, shows an incident in Cockpit
 * from which the job can be retried.
 */
@Component
public class OutboxSender implements JavaDelegate {

    private final MailOutbox outbox;
    /** The implementation, not the interface: its configured session builds each {@link OutboxMimeMessage}. */
    private final JavaMailSenderImpl mailSender;
    private final NotificationProperties properties;
    private final MailRate rate;
    private final UnitDocuments documents;
    private final IssuedDocuments issuedDocuments;

    public OutboxSender(MailOutbox outbox, JavaMailSenderImpl mailSender, NotificationProperties properties, MailRate rate,
                        UnitDocuments documents, IssuedDocuments issuedDocuments) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
        this.rate = rate;
        this.documents = documents;
        this.issuedDocuments = issuedDocuments;
    }

    /** How the delivery job retries when the mail server fails ({@code camunda:failedJobRetryTimeCycle}). */
    public String retryCycle() {
        return properties.retryCycle();
    }

    @Override
    public void execute(DelegateExecution execution) throws MessagingException, InterruptedException {
        // A delivery started before batches carries the one mail it sends as outboxId.
        Number single = (Number) execution.getVariable("outboxId");
        long first = single != null ? single.longValue() : ((Number) execution.getVariable("outboxFrom")).longValue();
        long last = single != null ? single.longValue() : ((Number) execution.getVariable("outboxTo")).longValue();
        List<OutboxEntry> pending = outbox.pendingBetween(first, last);
        try (Connection connection = new Connection()) {
            for (int i = 0; i < pending.size(); i++) {
                OutboxEntry entry = pending.get(i);
                // Composed before the delivery's transaction: reading the attachments takes time that should not
                // hold the mail's row locked.
                MimeMessage message = compose(entry);
                rate.acquire();
                try {
                    outbox.deliver(entry.id(), () -> connection.send(message));
                } catch (MailException e) {
                    outbox.failed(pending.subList(i + 1, pending.size()).stream().map(OutboxEntry::id).toList(),
                            String.valueOf(e.getMessage()));
                    throw e;
                }
            }
        }
    }

    private MimeMessage compose(OutboxEntry entry) throws MessagingException {
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
        return message;
    }

    private static void attach(MimeMessageHelper helper, String fileName, byte[] content, String contentType) {
        try {
            helper.addAttachment(fileName, new ByteArrayResource(content), contentType);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot attach " + fileName, e);
        }
    }

    /** One SMTP connection for the batch, opened at its first send, with the server and login the sender is configured with. */
    private final class Connection implements AutoCloseable {

        private Transport transport;

        void send(MimeMessage message) {
            if (transport == null || !transport.isConnected()) {
                connect();
            }
            try {
                // Sets the headers, the mail's own Message-ID among them (OutboxMimeMessage#updateMessageID).
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                throw new MailSendException("Không gửi được thư qua máy chủ thư: " + e.getMessage(), e);
            }
        }

        /** Any failure to reach the server counts as a failed send, as JavaMailSenderImpl counts it. */
        private void connect() {
            try {
                transport = mailSender.getSession().getTransport(mailSender.getProtocol() == null ? "smtp" : mailSender.getProtocol());
                // An empty login in the configuration (MAIL_USERNAME unset) means none, as for JavaMailSenderImpl.
                String username = mailSender.getUsername();
                String password = mailSender.getPassword();
                if ("".equals(username)) {
                    username = null;
                    password = "".equals(password) ? null : password;
                }
                transport.connect(mailSender.getHost(), mailSender.getPort(), username, password);
            } catch (Exception e) {
                transport = null;
                throw new MailSendException("Không kết nối được máy chủ thư: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // The mails are recorded already; a connection that does not close cleanly loses nothing.
                }
            }
        }
    }
}
