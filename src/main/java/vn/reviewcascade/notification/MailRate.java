package vn.reviewcascade.notification;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How fast this node hands mails to the SMTP server: at most {@code review-cascade.notifications.send-rate} per
 * second, spread evenly, shared by every delivery job the node runs at once. A relay that accepts a given rate is
 * never pushed past it into refusing or greylisting the cascade's mail, and a burst of fifty thousand leaves at a
 * steady pace instead of in spurts.
 *
 * <p>Each send takes the next free slot, one interval after the previous one; a sender that comes after a quiet
 * spell starts at once (no credit is saved up for a later rush).
 */
@Component
public class MailRate {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long nextSlot;

    @Autowired
    public MailRate(NotificationProperties properties) {
        this(properties.sendRate(), System::nanoTime);
    }

    MailRate(double mailsPerSecond, LongSupplier nanoTime) {
        if (!(mailsPerSecond > 0)) {
            throw new IllegalArgumentException("send-rate must be positive: " + mailsPerSecond);
        }
        this.intervalNanos = Math.round(TimeUnit.SECONDS.toNanos(1) / mailsPerSecond);
        this.nanoTime = nanoTime;
        this.nextSlot = nanoTime.getAsLong();
    }

    /** Waits for this node's next slot to send one mail. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Takes the next slot: how long the caller must wait for it, in nanoseconds (0 if it is now). */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        long slot = Math.max(now, nextSlot);
        nextSlot = slot + intervalNanos;
        return slot - now;
    }
}
