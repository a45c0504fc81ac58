package vn.reviewcascade.notification;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The send rate's slots, on a clock the test moves. */
class MailRateTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void sendsAreSpreadEvenlyAtTheConfiguredRate() {
        MailRate rate = new MailRate(50, nanos::get);

        // Ten senders at once: the first goes now, each next one 20 ms after the one before.
        for (int i = 0; i < 10; i++) {
            assertThat(rate.reserve()).isEqualTo(i * 20_000_000L);
        }
        // A second later the queue of slots has drained: the next goes at once.
        nanos.addAndGet(1_000_000_000L);
        assertThat(rate.reserve()).isZero();
        assertThat(rate.reserve()).isEqualTo(20_000_000L);
    }

    @Test
    void aQuietSpellSavesNoCreditForALaterRush() {
        MailRate rate = new MailRate(100, nanos::get);
        nanos.addAndGet(60_000_000_000L);

        assertThat(rate.reserve()).isZero();
        assertThat(rate.reserve()).isEqualTo(10_000_000L);
        assertThat(rate.reserve()).isEqualTo(20_000_000L);
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new MailRate(0, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
