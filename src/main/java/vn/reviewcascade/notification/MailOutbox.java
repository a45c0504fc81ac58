package vn.reviewcascade.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.mail.MailException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * the {@code mailDelivery} process whose job sends it with the other mails of its batch: the decision never waits
 * on SMTP, an outage only delays delivery (the job retries with back-off, then raises an incident), and a decision
 * taken twice finds its key already there and writes nothing.
 */
@Component
public class MailOutbox {

    public static final String DELIVERY_PROCESS = "mailDelivery";
    /**
     * Mails per delivery job: few enough that a job ends within seconds at the send rate (other jobs, a sign-off's
     * issuing, wait for a thread no longer than that), many enough that a national burst needs a thousand jobs.
     */
    static final int DELIVERY_BATCH = 50;
    private static final int KEYS_PER_QUERY = 500;
    private static final String INSERT = """
            insert into mail_outbox (idempotency_key, campaign_id, unit_code, kind, recipients, skipped, subject,
                                     body_text, body_html, attachment_unit, status, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String COLUMNS = """
            id, idempotency_key, campaign_id, unit_code, kind, recipients, skipped, subject, body_text, body_html,
            attachment_unit, status, created_at, sent_at, attempts, last_error""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RuntimeService runtimeService;
    private final EngineClock clock;
    private final TransactionTemplate separateTransaction;

    public MailOutbox(JdbcClient jdbc, JdbcTemplate batch, RuntimeService runtimeService, EngineClock clock,
                      PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return false if a mail with this key was queued before: nothing is written then */
    public boolean queue(OutgoingMail mail) {
        return queueAll(List.of(mail)) == 1;
    }

    /**
     * Writes the mails in one batch of inserts, leaving out those whose key was queued before, and starts one
     * delivery job per {@link #DELIVERY_BATCH} deliverable mails: a burst of fifty thousand costs a thousand engine
     * instances, not fifty thousand, and is queued in one transaction with the decision that made it.
     *
     * @return how many mails were written
     */
    public int queueAll(List<OutgoingMail> mails) {
        Map<String, OutgoingMail> byKey = new LinkedHashMap<>();
        mails.forEach(mail -> byKey.putIfAbsent(mail.key(), mail));
        List<String> keys = List.copyOf(byKey.keySet());
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            jdbc.sql("select idempotency_key from mail_outbox where idempotency_key in (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY)))
                    .query(String.class).list().forEach(byKey::remove);
        }
        List<OutgoingMail> fresh = List.copyOf(byKey.values());
        if (fresh.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = SqlTimes.at(clock.now());
        KeyHolder keyHolder = new GeneratedKeyHolder();
        batch.batchUpdate(connection -> connection.prepareStatement(INSERT, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        OutgoingMail mail = fresh.get(i);
                        statement.setString(1, mail.key());
                        statement.setLong(2, mail.campaignId());
                        statement.setString(3, mail.unitCode());
                        statement.setString(4, mail.kind().name());
                        statement.setString(5, String.join(",", mail.recipients().addresses()));
                        statement.setString(6, String.join("\n", mail.recipients().skipped()));
                        statement.setString(7, mail.content().subject());
                        statement.setString(8, mail.content().text());
                        statement.setString(9, mail.content().html());
                        statement.setString(10, mail.attachmentUnit());
                        statement.setString(11, (deliverable(mail) ? OutboxEntry.Status.PENDING : OutboxEntry.Status.NO_RECIPIENT).name());
                        statement.setObject(12, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return fresh.size();
                    }
                }, keyHolder);
        List<Map<String, Object>> generated = keyHolder.getKeyList();
        // Delivery batches per campaign, in the order written: the ids of one batch are few and close together.
        Map<Long, List<Long>> deliverableIds = new LinkedHashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            if (deliverable(fresh.get(i))) {
                long id = ((Number) generated.get(i).values().iterator().next()).longValue();
                deliverableIds.computeIfAbsent(fresh.get(i).campaignId(), campaign -> new ArrayList<>()).add(id);
            }
        }
        deliverableIds.forEach((campaignId, ids) -> {
            Collections.sort(ids);
            for (int from = 0; from < ids.size(); from += DELIVERY_BATCH) {
                List<Long> slice = ids.subList(from, Math.min(ids.size(), from + DELIVERY_BATCH));
                long first = slice.get(0);
                long last = slice.get(slice.size() - 1);
                runtimeService.startProcessInstanceByKey(DELIVERY_PROCESS, campaignId + "/mail/" + first,
                        Map.of("outboxFrom", first, "outboxTo", last, "campaignId", campaignId));
            }
        });
        return fresh.size();
    }

    private static boolean deliverable(OutgoingMail mail) {
        return !mail.recipients().addresses().isEmpty();
    }

    /**
     * The mails of a delivery batch still waiting, in the order queued. Another transaction's mail whose id fell
     * between the batch's first and last is included: whichever of its two jobs comes first sends it, under the
     * row lock of {@link #deliver}, and the other finds it sent.
     */
    List<OutboxEntry> pendingBetween(long first, long last) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where id between ? and ? and status = ? order by id")
                .params(first, last, OutboxEntry.Status.PENDING.name()).query(MailOutbox::entry).list();
    }

    /**
     * Counts a failed attempt for mails of a batch that was cut short: the server refused the connection or
     * broke it, so they wait with the error for the batch's retry.
     */
    void failed(List<Long> ids, String error) {
        if (ids.isEmpty()) {
            return;
        }
        separateTransaction.executeWithoutResult(status -> jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, last_error = :error
                        where id in (:ids) and status = 'PENDING'""")
                .param("error", shortened(error)).param("ids", ids).update());
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
     * makes that window as small as it can be: it holds only the server's answer to the message and one UPDATE's
     * commit, where recording in the job's transaction would also hold the rest of the batch, the end of the process,
     * its history and the job's removal. A SENDING claim committed before the send would not narrow it: after a crash a retry
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
                jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = ? where id = ?")
                        .params(shortened(String.valueOf(e.getMessage())), id).update();
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

    private static String shortened(String message) {
        return message.length() > 1000 ? message.substring(0, 1000) : message;
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
