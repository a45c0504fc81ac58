package vn.reviewcascade;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The time as the process engine sees it. Deadlines are decided by engine timers, so submission and
 * escalation times must be read from the same clock or "late" would mean two things; tests move this clock.
 * ClockUtil is an engine.impl class: it is the engine's only clock and has no public-API counterpart.
 */
@Component
public class EngineClock {

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
