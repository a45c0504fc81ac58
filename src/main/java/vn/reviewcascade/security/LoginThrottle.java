package vn.reviewcascade.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;

/**
 * Slows down whoever guesses passwords, and never locks the owner out for good.
 *
 * <p>Per source address (this node's view): the first {@value #FREE_FAILURES} failures within
 * {@value #WINDOW_MINUTES} minutes cost nothing; each further one blocks the address for twice as long as the
 * last (1 s, 2 s, 4 s … at most {@value #MAX_BLOCK_MINUTES} minutes), during which its logins are answered 429
 * without checking any password. A success, or a quiet window, clears the address.
 *
 * <p>Per account (every node, in the engine's own user table): the engine delays the next check after each
 * failure (3 s, 6 s … at most 60 s) and, configured with an unlimited number of attempts, never locks an
 * account for good; the owner waits at most a minute.
 *
 * <p>It learns of logins from Spring Security's authentication events, whose details say where each came from
 * ({@link LoginAttempt}); the gate in front of the logins asks {@link #waitFor} before any password is checked.
 * Administrators read the recent failures at {@code GET /api/security/login-failures}; each is also logged.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int WINDOW_MINUTES = 15;
    static final int MAX_BLOCK_MINUTES = 15;
    private static final int RECENT = 500;
    private static final int MAX_SOURCES = 100_000;
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** One failed login: when, from where, for which account, through which door (api, engine-rest, webapp). */
    public record LoginFailure(Instant at, String source, String account, String channel, boolean sourceBlocked) {
    }

    private record SourceState(int failures, Instant lastFailure, Instant blockedUntil) {
    }

    private final EngineClock clock;
    private final Map<String, SourceState> sources = new ConcurrentHashMap<>();
    private final Deque<LoginFailure> recent = new ArrayDeque<>();

    public LoginThrottle(EngineClock clock) {
        this.clock = clock;
    }

    /** How long the source must still wait before its next login is checked; zero if it may try now. */
    public Duration waitFor(String source) {
        SourceState state = sources.get(source);
        Instant now = clock.now();
        if (state == null || state.blockedUntil() == null || !state.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, state.blockedUntil());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getDetails() instanceof LoginAttempt attempt) {
            failed(attempt.source(), event.getAuthentication().getName(), attempt.channel());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof LoginAttempt attempt) {
            succeeded(attempt.source());
        }
    }

    public void failed(String source, String account, String channel) {
        Instant now = clock.now();
        if (sources.size() > MAX_SOURCES) {
            sources.values().removeIf(state -> state.lastFailure().isBefore(now.minus(Duration.ofMinutes(WINDOW_MINUTES))));
        }
        SourceState state = sources.compute(source, (key, old) -> {
            int failures = old == null || old.lastFailure().isBefore(now.minus(Duration.ofMinutes(WINDOW_MINUTES)))
                    ? 1 : old.failures() + 1;
            Instant blockedUntil = failures <= FREE_FAILURES ? null : now.plus(block(failures - FREE_FAILURES));
            return new SourceState(failures, now, blockedUntil);
        });
        boolean blocked = state.blockedUntil() != null;
        log.warn("Failed login for account '{}' from {} through {} ({} failures from this address{})", account, source,
                channel, state.failures(), blocked ? ", address blocked until " + state.blockedUntil() : "");
        synchronized (recent) {
            recent.addFirst(new LoginFailure(now, source, account, channel, blocked));
            while (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
    }

    public void succeeded(String source) {
        sources.remove(source);
    }

    /** The most recent failures, newest first. */
    public List<LoginFailure> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    private static Duration block(int beyondFree) {
        long seconds = 1L << Math.min(beyondFree - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, MAX_BLOCK_MINUTES * 60L));
    }
}
