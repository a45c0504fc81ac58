package vn.reviewcascade.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The message of one outbox entry, carrying its identity: every send of the entry, including one repeated after
 * a node died before recording it, has the same {@code Message-ID} and {@code X-Review-Cascade-Key}, so mail
 * clients and relays that deduplicate by Message-ID show it once.
 */
final class OutboxMimeMessage extends MimeMessage {

    static final String KEY_HEADER = "X-Review-Cascade-Key";
    private static final String MESSAGE_ID_HEADER = "Message-ID";

    private final String messageId;

    OutboxMimeMessage(Session session, OutboxEntry entry, String from) throws MessagingException {
        super(session);
        this.messageId = messageId(entry, from);
        setHeader(KEY_HEADER, entry.key());
    }

    /**
     * JavaMail replaces the Message-ID with a random one at every {@code saveChanges()}, which the sender calls
     * before each send: this is where the stable one is set instead.
     */
    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader(MESSAGE_ID_HEADER, messageId);
    }

    /**
     * The key names the mail within this database only: campaign ids start again at 1 after a reinstall, and a
     * test deployment may share the sender's domain. The entry's creation time is hashed with it so a new mail
     * never takes the Message-ID of an old one still in someone's mailbox (which clients would drop as seen).
     */
    static String messageId(OutboxEntry entry, String from) {
        String identity = entry.key() + "\n" + entry.createdAt();
        String domain = from.substring(from.lastIndexOf('@') + 1);
        return "<" + HexFormat.of().formatHex(sha256(identity), 0, 16) + "@review-cascade." + domain + ">";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
