package vn.reviewcascade.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SqlTimes;

/**
 * The outbox. A mail is written here in the transaction that decided to send it, together with the start of
 * its {@code mailDelivery} process, whose job sends it: the decision never waits on SMTP, an outage only
 * delays delivery (the job retries with back-off, then raises an incident), and a decision taken twice finds
 * its key already there and writes nothing.
 */
@Component
public class MailOutbox {

    static final String DELIVERY_PROCESS = "mailDelivery";
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

    public List<OutboxEntry> findByCampaign(long campaignId) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where campaign_id = ? order by id").param(campaignId)
                .query(MailOutbox::entry).list();
    }

    void markSent(long id, Instant at) {
        jdbc.sql("update mail_outbox set status = ?, sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(OutboxEntry.Status.SENT.name(), SqlTimes.at(at), id).update();
    }

    /** In a transaction of its own: the delivery job's own transaction is about to roll back. */
    void recordFailure(long id, Exception failure) {
        String message = String.valueOf(failure.getMessage());
        String error = message.length() > 1000 ? message.substring(0, 1000) : message;
        separateTransaction.executeWithoutResult(status -> jdbc.sql(
                        "update mail_outbox set attempts = attempts + 1, last_error = ? where id = ?")
                .params(error, id).update());
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
