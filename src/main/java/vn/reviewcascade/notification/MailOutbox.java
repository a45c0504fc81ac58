package vn.reviewcascade.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.mail.MailException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.dashboard.Page;

/**
 * The outbox. A mail is written here in the transaction that decided to send it, together with the start of
 * its {@code mailDelivery} process, whose job sends it: the decision never waits on SMTP, an outage only
 * delays delivery (the job retries with back-off, then raises an incident), and a decision taken twice finds
 * its key already there and writes nothing.
 */
@Component
public class MailOutbox {

    public static final String DELIVERY_PROCESS = "mailDelivery";
    private static final String COLUMNS = """
            id, idempotency_key, campaign_id, unit_code, kind, recipients, skipped, subject, body_text, body_html,
            attachment_unit, status, created_at, sent_at, attempts, last_error""";

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final EngineClock clock;
    private final TransactionTemplate separateTransaction;

    public MailOutbox(JdbcClient jdbc, RuntimeService runtimeService, EngineClock clock,
                      PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return false if a mail with this key was queued before: nothing is written then */
    public boolean queue(OutgoingMail mail) {
        boolean known = jdbc.sql("select count(*) from mail_outbox where idempotency_key = ?").param(mail.key())
                .query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        boolean deliverable = !mail.recipients().addresses().isEmpty();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into mail_outbox (idempotency_key, campaign_id, unit_code, kind, recipients, skipped, subject,
                                                 body_text, body_html, attachment_unit, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(mail.key(), mail.campaignId(), mail.unitCode(), mail.kind().name(),
                        String.join(",", mail.recipients().addresses()), String.join("\n", mail.recipients().skipped()),
                        mail.content().subject(), mail.content().text(), mail.content().html(), mail.attachmentUnit(),
                        (deliverable ? OutboxEntry.Status.PENDING : OutboxEntry.Status.NO_RECIPIENT).name(),
                        SqlTimes.at(clock.now()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (deliverable) {
            runtimeService.startProcessInstanceByKey(DELIVERY_PROCESS, mail.campaignId() + "/mail/" + id,
                    Map.of("outboxId", id, "campaignId", mail.campaignId(), "mailKind", mail.kind().name()));
        }
        return true;
    }

    public Optional<OutboxEntry> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where id = ?").param(id).query(MailOutbox::entry).optional();
    }

    /** A page of the campaign's sent log, newest first, and how many entries it has in all. */
    public Page<OutboxEntry> page(long campaignId, int page, int size) {
        long total = jdbc.sql("select count(*) from mail_outbox where campaign_id = ?").param(campaignId)
                .query(Long.class).single();
        List<OutboxEntry> entries = jdbc.sql("select " + COLUMNS + " from mail_outbox where campaign_id = ? order by id desc"
                        + " limit ? offset ?")
                .params(campaignId, size, (long) page * size).query(MailOutbox::entry).list();
        return new Page<>(page, size, total, entries);
    }

    public List<OutboxEntry> findByCampaign(long campaignId) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where campaign_id = ? order by id").param(campaignId)
                .query(MailOutbox::entry).list();
    }

    /**
     * Sends a pending mail and records the outcome, both in one transaction of its own that locks the mail's
     * row before the send and commits right after it; nothing is sent if the mail is no longer pending. A send
     * that fails is counted with its error, and rethrown so the delivery job retries.
     *
     * <p>SMTP cannot be part of a transaction: once the server has accepted the mail, a node that dies before
     * the mail is recorded SENT leaves it pending, and the job, retried, sends it again. Delivery is therefore
     * at least once, and a repeat carries the same Message-ID (see {@link OutboxMimeMessage}). This transaction
     * makes that window as small as it can be: it holds only the closing of the SMTP connection and one UPDATE's
     * commit, where recording in the job's transaction would also hold the end of the process, its history and
     * the job's removal. A SENDING claim committed before the send would not narrow it: after a crash a retry
     * cannot tell whether the send happened, so it must send again or lose the mail. The row lock does close
     * another gap: a node whose job lock expired while the job still waited in its queue, or still ran, and
     * another node that took the job over, do not both send; the second waits, then finds the mail SENT. A
     * node that dies releases the lock with its connection.
     */
    void deliver(long id, Runnable send) {
        MailException failure = separateTransaction.execute(status -> {
            String current = jdbc.sql("select status from mail_outbox where id = ? for update").param(id)
                    .query(String.class).single();
            if (!OutboxEntry.Status.PENDING.name().equals(current)) {
                return null;
            }
            try {
                send.run();
            } catch (MailException e) {
                String message = String.valueOf(e.getMessage());
                jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = ? where id = ?")
                        .params(message.length() > 1000 ? message.substring(0, 1000) : message, id).update();
                return e;
            }
            jdbc.sql("update mail_outbox set status = ?, sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                    .params(OutboxEntry.Status.SENT.name(), SqlTimes.at(clock.now()), id).update();
            return null;
        });
        if (failure != null) {
            throw failure;
        }
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getString("idempotency_key"), rs.getLong("campaign_id"),
                rs.getString("unit_code"), MailKind.valueOf(rs.getString("kind")), split(rs.getString("recipients"), ","),
                split(rs.getString("skipped"), "\n"), rs.getString("subject"), rs.getString("body_text"),
                rs.getString("body_html"), rs.getString("attachment_unit"), OutboxEntry.Status.valueOf(rs.getString("status")),
                SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "sent_at"), rs.getInt("attempts"),
                rs.getString("last_error"));
    }

    private static List<String> split(String text, String separator) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(separator));
    }
}
