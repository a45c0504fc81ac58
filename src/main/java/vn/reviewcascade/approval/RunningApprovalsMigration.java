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

/**
 * Moves the running approvals onto the newest {@code documentApproval}, right after the processes are deployed and
 * before the first request or job.
 *
 * <p>Why: a running instance stays on the version it started with, and older versions complete a task with service
 * tasks right after it ({@code CheckDraft}, {@code RecordReviewDecision}, {@code RecordSignDecision}) whose beans no
 * longer exist, and gateways that read a transient variable no one sets any more. Left there, an approval started
 * before an upgrade could never be completed. Every version keeps the ids of its user tasks, of the asynchronous
 * {@code IssueDocument} and of the reminders' timers, which are where an instance waits, so equal activities are
 * mapped; an instance waiting anywhere else would be refused by the engine's validation, and is logged and left.
 *
 * <p>Instances are migrated a page at a time, each page in a transaction of its own, so a national tree's tens of
 * thousands of approvals never make one transaction. Custom listeners are skipped: a migrated task or timer neither
 * starts nor ends, and the unit's progress must not be written again. Nodes of a cluster starting together may
 * migrate the same page: the one that loses the race reads the instances again and finds them done.
 */
@Component
@Order(1)
class RunningApprovalsMigration implements SetupStep {

    static final String PROCESS_KEY = "documentApproval";
    private static final int PAGE = 200;
    private static final int RACES = 5;
    private static final Logger log = LoggerFactory.getLogger(RunningApprovalsMigration.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    RunningApprovalsMigration(RepositoryService repositoryService, RuntimeService runtimeService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    @Override
    public void run() {
        ProcessDefinition newest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        if (newest == null) {
            return;
        }
        for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .orderByProcessDefinitionVersion().asc().list()) {
            if (!older.getId().equals(newest.getId())
                    && runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).count() > 0) {
                migrate(older, newest);
            }
        }
    }

    private void migrate(ProcessDefinition older, ProcessDefinition newest) {
        MigrationPlan plan;
        try {
            plan = runtimeService.createMigrationPlan(older.getId(), newest.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            log.error("The running approvals of {} version {} cannot move to version {}: {}", PROCESS_KEY, older.getVersion(),
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
        log.info("Approvals: {} running instances of {} version {} moved to version {}{}", migrated, PROCESS_KEY,
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
                    log.error("The approval {} cannot move to the newest {}: {}", instance, PROCESS_KEY, refused.getMessage());
                    left.add(instance);
                }
            }
            return migrated;
        }
    }
}
