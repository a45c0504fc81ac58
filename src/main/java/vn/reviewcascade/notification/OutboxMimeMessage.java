package vn.reviewcascade.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import vn.reviewcascade.Sha256;

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
        return "<" + Sha256.hex(identity).substring(0, 32) + "@review-cascade." + domain + ">";
    }
}
