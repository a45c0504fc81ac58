package vn.reviewcascade.notification;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A row of the sent log: what was (or is to be) sent to whom, and how delivery went. */
public record OutboxEntry(long id, String key, long campaignId, String unitCode, MailKind kind, List<String> recipients,
                          List<String> skipped, String subject, String bodyText, String bodyHtml, String attachmentUnit,
                          Status status, Instant createdAt, Instant sentAt, int attempts, String lastError) {

    public enum Status {
        /** Waiting for its delivery job. */
        PENDING,
        SENT,
        /** Not one valid address: recorded so the organising board sees who could not be told. */
        NO_RECIPIENT
    }

    /** The kind in the organising board's words, for the sent log's screen. */
    @JsonProperty
    public String kindLabel() {
        return kind.label();
    }
}
