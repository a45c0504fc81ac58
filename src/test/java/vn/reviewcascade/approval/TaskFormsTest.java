package vn.reviewcascade.approval;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processes are deployed under the same names however the application runs — the tests run from
 * {@code target/classes}, a file-system classpath, as the README's {@code mvn spring-boot:run} does — and the form of
 * every user task opens: its key names a page the application serves, and that page finds its script in Tasklist.
 */
class TaskFormsTest extends CascadeTestSupport {

    @Autowired RepositoryService repositoryService;
    @Autowired TestRestTemplate anonymous;

    @Test
    void processesAreDeployedUnderTheirBareNames() {
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentName("review-cascade")
                .orderByDeploymentTime().desc().list().get(0);
        assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
                .containsExactlyInAnyOrder("campaignOpening.bpmn", "documentApproval.bpmn", "mailBursts.bpmn",
                        "mailDelivery.bpmn", "overdueDigest.bpmn", "unitReview.bpmn");
    }

    @Test
    void everyUserTasksFormOpensInTasklist() {
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().latestVersion().list();
        List<UserTask> userTasks = definitions.stream()
                .flatMap(definition -> repositoryService.getBpmnModelInstance(definition.getId())
                        .getModelElementsByType(UserTask.class).stream()).toList();
        assertThat(userTasks).extracting(UserTask::getId).contains("DraftDocument", "ReviewDraft", "SignDocument");
        for (UserTask userTask : userTasks) {
            String key = userTask.getCamundaFormKey();
            assertThat(key).as(userTask.getId()).startsWith("embedded:/");
            ResponseEntity<String> form = anonymous.getForEntity(key.substring("embedded:".length()), String.class);
            assertThat(form.getStatusCode().value()).as("the form of %s", userTask.getId()).isEqualTo(200);
            assertThat(form.getBody()).contains("<form").contains("cam-script").contains("reviewCascadeForms.attach(camForm)");
        }
        assertThat(anonymous.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class).getBody())
                .contains("review-cascade-forms.js");
        assertThat(anonymous.getForEntity("/camunda/app/tasklist/scripts/review-cascade-forms.js", String.class).getBody())
                .contains("window.reviewCascadeForms = { attach }");
    }

    @Test
    void theEnginesRestApiGivesEachOpenTaskItsForm() {
        Campaign campaign = start("CC");
        String taskId = task(campaign, "CC", "DraftDocument").getId();
        @SuppressWarnings("unchecked")
        Map<String, Object> form = anonymous.withBasicAuth("admin", "Thu-Nghiem-2030")
                .getForObject("/engine-rest/task/" + taskId + "/form", Map.class);
        assertThat(form).containsEntry("key", "embedded:/forms/task.html");
    }
}
