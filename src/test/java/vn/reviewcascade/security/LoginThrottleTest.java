package vn.reviewcascade.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.reviewcascade.EngineClock;

import static org.assertj.core.api.Assertions.assertThat;

/** How failed logins slow down their source, on the engine's clock (moved here, never slept on). */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(new EngineClock());
    private Instant now = Instant.parse("2030-05-01T01:00:00Z");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fiveFailuresAreFreeThenEachDoublesTheWaitUpToFifteenMinutes() {
        at(now);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("10.0.0.7", "admin", "api");
            assertThat(throttle.waitFor("10.0.0.7")).isZero();
        }
        throttle.failed("10.0.0.7", "admin", "api");
        assertThat(throttle.waitFor("10.0.0.7")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("10.0.0.7", "admin", "api");
        assertThat(throttle.waitFor("10.0.0.7")).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            throttle.failed("10.0.0.7", "hoxa.dt", "webapp");
        }
        assertThat(throttle.waitFor("10.0.0.7")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("10.0.0.8")).as("another address is not slowed").isZero();
        assertThat(throttle.recent()).hasSize(27).first().satisfies(failure -> {
            assertThat(failure.account()).isEqualTo("hoxa.dt");
            assertThat(failure.sourceBlocked()).isTrue();
        });
    }

    @Test
    void aQuietWindowOrASuccessClearsTheAddress() {
        at(now);
        for (int i = 0; i < 8; i++) {
            throttle.failed("10.0.0.9", "admin", "engine-rest");
        }
        assertThat(throttle.waitFor("10.0.0.9")).isPositive();
        at(now.plus(Duration.ofMinutes(16)));
        assertThat(throttle.waitFor("10.0.0.9")).as("blocks end").isZero();
        throttle.failed("10.0.0.9", "admin", "engine-rest");
        assertThat(throttle.waitFor("10.0.0.9")).as("after a quiet window the count starts again").isZero();
        for (int i = 0; i < 6; i++) {
            throttle.failed("10.0.0.9", "admin", "engine-rest");
        }
        throttle.succeeded("10.0.0.9");
        assertThat(throttle.waitFor("10.0.0.9")).isZero();
    }

    private void at(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
