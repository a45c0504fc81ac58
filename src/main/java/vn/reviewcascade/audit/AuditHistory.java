package vn.reviewcascade.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Writes the engine's history (level full) but for rows nobody reads, which were most of what an approval writes
 * (issue 20: 46 of its 142 rows per unit were {@code ACT_HI_ACTINST}, 18 {@code ACT_HI_JOB_LOG}):
 * <ul>
 * <li>the activity instances of gateways, plain start events, none intermediate throw events and a process's own
 * plain and terminating end events: each is an insert and an update that say only that the token passed, or what the
 * process instance's row says already (its start and end activity). Tasks, call activities, service tasks, the events
 * a unit waits on (timers, messages, signals), the ends inside a subprocess and everything else stay: they say what
 * happened and when. The process instance keeps its start and end activity, its times and who started it; the tasks
 * keep who did them; the application's own tables keep the review history and the signatures
 * ({@code review_comment}, the audit log, the signed documents);</li>
 * <li>the job log's creation and deletion entries: one per job, saying only that the engine wrote a job, and one per
 * job that ended without running (a unit's deadline timer once it has reported, a guidance timer once the guidance
 * came), which the end of its scope in the activity history says already. The entries of its success and failure
 * stay: they say which node ran it, when, and with what error (the cluster's operators and the two-node test read
 * the node from them).</li>
 * </ul>
 * Cockpit Community Edition shows runtime state, incidents and retries, none of these rows (its history views are
 * Enterprise-only). The history level stays {@code full}: the database's recorded level does not change, and every
 * other event (tasks, variables, identity links, user operations, incidents) is written as before.
 */
@Component
class AuditHistory extends AbstractProcessEnginePlugin {

    /** Activities whose instance says nothing beyond the flow: dropped from history, start to end alike. */
    static final Set<String> PASS_THROUGH = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE,
            ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_COMPLEX, ActivityTypes.GATEWAY_EVENT_BASED,
            ActivityTypes.START_EVENT, ActivityTypes.INTERMEDIATE_EVENT_NONE_THROW);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new Trimmed());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Whether the engine's history keeps this event. */
    static boolean kept(HistoryEvent event) {
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            // Every event of such an instance (start, end, migration) is dropped, so no update meets a missing row.
            return !PASS_THROUGH.contains(activity.getActivityType()) && !endsItsProcess(activity);
        }
        if (event instanceof HistoricJobLogEvent log) {
            return log.getState() == JobState.SUCCESSFUL.getStateCode() || log.getState() == JobState.FAILED.getStateCode();
        }
        return true;
    }

    /**
     * A plain or terminating end event of the process itself (not of a subprocess): the process instance's end
     * activity says it.
     */
    private static boolean endsItsProcess(HistoricActivityInstanceEventEntity activity) {
        return (ActivityTypes.END_EVENT_NONE.equals(activity.getActivityType())
                || ActivityTypes.END_EVENT_TERMINATE.equals(activity.getActivityType()))
                && activity.getProcessInstanceId() != null
                && activity.getProcessInstanceId().equals(activity.getParentActivityInstanceId());
    }

    /** The engine's database history handler, given only the events kept. */
    static final class Trimmed extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (kept(event)) {
                super.handleEvent(event);
            }
        }
    }
}
