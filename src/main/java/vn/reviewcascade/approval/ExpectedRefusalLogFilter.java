package vn.reviewcascade.approval;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps a refused completion out of the error log. The engine logs every exception that ends a command at ERROR
 * with its stack trace (ENGINE-16004), its own expected refusals excepted; a {@link CompletionRefused} from a task's
 * {@code complete} listener (which the engine wraps) is just as expected — the user is told what to correct — so it
 * is not logged at all. It joins the logging Spring Boot configured, when the application starts.
 */
@Component
class ExpectedRefusalLogFilter extends TurboFilter {

    ExpectedRefusalLogFilter() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.addTurboFilter(this);
            start();
        }
    }

    private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName()) || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        if (refused(t)) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object param : params) {
                if (param instanceof Throwable thrown && refused(thrown)) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean refused(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof CompletionRefused) {
                return true;
            }
        }
        return false;
    }
}
