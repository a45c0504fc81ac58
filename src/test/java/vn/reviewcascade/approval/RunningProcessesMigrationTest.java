package vn.reviewcascade.approval;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An approval started before the upgrade, on the version of {@code documentApproval} whose service tasks checked the
 * draft and recorded decisions from variables (their beans are gone), is moved at start-up onto the newest version
 * and completes on the one completion path.
 */
class RunningProcessesMigrationTest extends CascadeTestSupport {

    /**
     * The model of the release before the completion path was one: with the service tasks that checked a task's
     * variables. Its listeners that copied a unit's status (to methods this build no longer has) are left out: they
     * ran under that release's code, and the migration skips custom listeners.
     */
    private static final String OLD_MODEL = "legacy/documentApproval-checked-by-service-tasks.bpmn";

    @Autowired RepositoryService repositoryService;
    @Autowired RunningProcessesMigration migration;

    @Test
    void anApprovalWaitingOnAnOlderVersionMovesToTheNewestAndCompletes() throws IOException {
        ProcessDefinition current = newest();
        ProcessDefinition old;
        Campaign campaign;
        try {
            // The old model becomes the newest for a moment, so the unit's review calls it as it did before the upgrade.
            old = deploy(OLD_MODEL, "documentApproval-old.bpmn");
            campaign = start("CC");
        } finally {
            // The release being started deploys its own model again, the newest from now on.
            deploy("processes/documentApproval.bpmn", "documentApproval.bpmn");
        }
        ProcessDefinition upgraded = newest();
        assertThat(upgraded.getVersion()).isGreaterThan(old.getVersion()).isGreaterThan(current.getVersion());
        Task draft = task(campaign, "CC", "DraftDocument");
        assertThat(draft.getProcessDefinitionId()).as("started before the upgrade").isEqualTo(old.getId());

        migration.run();

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(old.getId()).count()).isZero();
        assertThat(managementService.createJobQuery().activityId("ReminderDue").count())
                .as("the old reminder loop's timer is gone: the campaign's bursts remind now").isZero();
        Task moved = task(campaign, "CC", "DraftDocument");
        assertThat(moved.getId()).as("the same task, still open").isEqualTo(draft.getId());
        assertThat(moved.getProcessDefinitionId()).isEqualTo(upgraded.getId());

        complete(campaign, "CC", "DraftDocument", draft(1));
        sendBack(campaign, "CC", "ReviewDraft", "Mục 6 cần nêu kiến nghị cụ thể.");
        complete(campaign, "CC", "DraftDocument", java.util.Map.of());
        approve(campaign, "CC", "ReviewDraft");
        approve(campaign, "CC", "SignDocument");
        assertThat(reports.find(campaign.id(), "CC").orElseThrow().status()).isEqualTo(UnitStatus.SUBMITTED);
        assertThat(reports.find(campaign.id(), "CC").orElseThrow().documentNumber()).isNotNull();
    }

    private ProcessDefinition deploy(String resource, String name) throws IOException {
        try (InputStream model = new ClassPathResource(resource).getInputStream()) {
            // A name of its own: the application's deployment ("review-cascade") stays its latest, with every model.
            repositoryService.createDeployment().name("upgrade-test").addInputStream(name, model).deploy();
        }
        return newest();
    }

    private ProcessDefinition newest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(RunningProcessesMigration.PROCESS_KEY)
                .latestVersion().singleResult();
    }
}
