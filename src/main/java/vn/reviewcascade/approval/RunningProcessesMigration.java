package vn.reviewcascade.approval;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;
import vn.reviewcascade.campaign.UnitReviewStarter;

/**
 * Moves the running units' processes and approvals onto the newest {@code unitReview} and {@code documentApproval},
 * right after the processes are deployed and before the first request or job.
 *
 * <p>Why: a running instance stays on the version it started with, and older versions call beans and methods that no
 * longer exist: approvals complete a task with service tasks right after it ({@code CheckDraft},
 * {@code RecordReviewDecision}, {@code RecordSignDecision}) and gateways that read a transient variable no one sets
 * any more; both processes copied a status into the unit's row with listeners ({@code unitProgress.enter…}) before a
 * status was derived. Left there, work started before an upgrade could never finish. Every version keeps the ids of
 * the activities where an instance waits (user tasks, the asynchronous {@code IssueDocument}, timers, the waits for
 * guidance and for subordinates, the call activities, <i>Báo cáo quá hạn</i>), so equal activities are mapped; an
 * instance waiting anywhere else would be refused by the engine's validation, and is logged and left.
 *
 * <p>Instances are migrated a page at a time, each page in a transaction of its own, so a national tree's tens of
 * thousands of approvals never make one transaction. Custom listeners are skipped: a migrated task or timer neither
 * starts nor ends, and nothing it would announce happened. Nodes of a cluster starting together may
 * migrate the same page: the one that loses the race reads the instances again and finds them done.
 */
@Component
@Order(1)
class RunningProcessesMigration implements SetupStep {

    static final String PROCESS_KEY = ApprovalTasks.PROCESS_KEY;
    /** The units' processes first: an approval's caller is migrated before the approval it waits on. */
    private static final List<String> PROCESS_KEYS = List.of(UnitReviewStarter.PROCESS_KEY, PROCESS_KEY);
    private static final int PAGE = 200;
    /** The reminder loop of approvals before bursts, and where an approval waited in it. */
    static final String REMINDER_LOOP = "RemindBeforeDeadline";
    static final String REMINDER_LOOP_WAIT = "NextReminderDue";
    private static final int RACES = 5;
    private static final Logger log = LoggerFactory.getLogger(RunningProcessesMigration.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    RunningProcessesMigration(RepositoryService repositoryService, RuntimeService runtimeService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    @Override
    public void run() {
        PROCESS_KEYS.forEach(this::migrateOlderVersions);
    }

    private void migrateOlderVersions(String key) {
        ProcessDefinition newest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        if (newest == null) {
            return;
        }
        for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().asc().list()) {
            if (!older.getId().equals(newest.getId())
                    && runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).count() > 0) {
                endReminderLoops(older);
                migrate(older, newest);
            }
        }
    }

    /**
     * Approvals started before reminders went out in bursts ran a reminder loop of their own (the event subprocess
     * {@value #REMINDER_LOOP}), which the newest version no longer has; an approval waiting inside it for its next
     * reminder could not move. The loop is ended; the campaign's {@code mailBursts} process reminds its tasks now.
     */
    private void endReminderLoops(ProcessDefinition older) {
        if (!older.getKey().equals(PROCESS_KEY)) {
            return;
        }
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId())
                .activityIdIn(REMINDER_LOOP_WAIT).list()) {
            runtimeService.createProcessInstanceModification(instance.getId()).cancelAllForActivity(REMINDER_LOOP)
                    .execute(true, true);
        }
    }

    private void migrate(ProcessDefinition older, ProcessDefinition newest) {
        MigrationPlan plan;
        try {
            plan = runtimeService.createMigrationPlan(older.getId(), newest.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            log.error("The running instances of {} version {} cannot move to version {}: {}", older.getKey(), older.getVersion(),
                    newest.getVersion(), e.getMessage());
            return;
        }
        List<String> left = new ArrayList<>();
        int migrated = 0;
        int races = 0;
        while (true) {
            // The instances left behind sort before those not yet tried: each page is the first after them.
            List<String> page = runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId())
                    .orderByProcessInstanceId().asc().listPage(left.size(), PAGE).stream().map(ProcessInstance::getId).toList();
            if (page.isEmpty()) {
                break;
            }
            try {
                migrated += migrate(plan, page, left);
            } catch (OptimisticLockingException e) {
                if (++races > RACES) {
                    throw e;
                }
            }
        }
        log.info("{} running instances of {} version {} moved to version {}{}", migrated, older.getKey(),
                older.getVersion(), newest.getVersion(), left.isEmpty() ? "" : "; left where they are: " + left);
    }

    /** Migrates the page at once, or, if an instance of it cannot move, one by one, adding those to {@code left}. */
    private int migrate(MigrationPlan plan, List<String> page, List<String> left) {
        try {
            runtimeService.newMigration(plan).processInstanceIds(page).skipCustomListeners().execute();
            return page.size();
        } catch (MigratingProcessInstanceValidationException e) {
            int migrated = 0;
            for (String instance : page) {
                try {
                    runtimeService.newMigration(plan).processInstanceIds(instance).skipCustomListeners().execute();
                    migrated++;
                } catch (MigratingProcessInstanceValidationException refused) {
                    log.error("The instance {} cannot move to the newest {}: {}", instance, plan.getTargetProcessDefinitionId(),
                            refused.getMessage());
                    left.add(instance);
                }
            }
            return migrated;
        }
    }
}
