package vn.reviewcascade.audit;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.reviewcascade.EngineLogin;
import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine keeps of an approval: its tasks and who did them, its service task, how it ended;
 * not the gateways' and plain events' activity instances, and no authorization
 * row for someone who claims a task their candidate group already lets them work.
 */
class AuditHistoryTest extends CascadeTestSupport {

    @Autowired AuthorizationService authorizations;

    @Test
    void anApprovalKeepsItsTasksWhoDidThemAndItsJobsLogWithoutGateways() {
        Campaign campaign = start("CC");
        String review = unitProcess(campaign, "CC").getId();
        String approval = task(campaign, "CC", "DraftDocument").getProcessInstanceId();
        claimAsCandidate(campaign, "CC", "DraftDocument");
        complete(campaign, "CC", "DraftDocument", draft(1));
        approve(campaign, "CC", "ReviewDraft");
        approve(campaign, "CC", "SignDocument");

        List<String> activities = historyService.createHistoricActivityInstanceQuery().processInstanceId(approval).list()
                .stream().map(HistoricActivityInstance::getActivityId).toList();
        assertThat(activities).containsExactlyInAnyOrder("DraftDocument", "ReviewDraft", "SignDocument", "IssueDocument");
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(approval).finished().list())
                .extracting(task -> task.getTaskDefinitionKey() + ":" + task.getAssignee())
                .contains("DraftDocument:user.CC");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(approval).singleResult())
                .satisfies(instance -> {
                    assertThat(instance.getEndTime()).as("the approval ended").isNotNull();
                    assertThat(instance.getStartActivityId()).isEqualTo("DocumentRequested");
                    assertThat(instance.getEndActivityId()).as("how it ended, without the end event's own row")
                            .isEqualTo("DocumentIssued");
                });
        assertThat(historyService.createHistoricJobLogQuery().processInstanceId(approval).successLog().count())
                .as("the log of its jobs' success: which node ran each").isPositive();
        assertThat(historyService.createHistoricJobLogQuery().processInstanceId(approval).creationLog().count())
                .as("not that each job was written").isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(review).finished().count())
                .as("the unit reported: its review ended, its report deadline's timer deleted unrun").isEqualTo(1);
        assertThat(historyService.createHistoricJobLogQuery().processInstanceId(review).deletionLog().count())
                .as("not that a timer ended without running").isZero();
        assertThat(historyService.createHistoricJobLogQuery().processInstanceId(review).successLog().count())
                .as("the review's own jobs that ran are logged").isPositive();
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(approval).operationType("Complete")
                .count()).as("who completed each task").isEqualTo(3);
    }

    @Test
    void someoneClaimingATaskOfTheirCandidateGroupGetsNoAuthorizationOfTheirOwnAndCanStillWorkIt() {
        Campaign campaign = start("CC");
        Task draft = claimAsCandidate(campaign, "CC", "DraftDocument");

        assertThat(taskService.createTaskQuery().taskId(draft.getId()).singleResult().getAssignee()).isEqualTo("user.CC");
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(draft.getId())
                .userIdIn("user.CC").count()).as("the candidate group's row covers the assignee").isZero();
        EngineLogin.as(identityService, "user.CC", List.of("CC.drafters"));
        try {
            assertThat(taskService.createTaskQuery().taskAssignee("user.CC").taskId(draft.getId()).count()).isEqualTo(1);
        } finally {
            identityService.clearAuthentication();
        }
        complete(campaign, "CC", "DraftDocument", draft(1));

        // An administrator assigning a colleague: the engine's row for the assignee, as before.
        Task review = task(campaign, "CC", "ReviewDraft");
        taskService.setAssignee(review.getId(), "someone.else");
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(review.getId())
                .userIdIn("someone.else").count()).isEqualTo(1);
    }

    private Task claimAsCandidate(Campaign campaign, String unit, String taskKey) {
        Task task = task(campaign, unit, taskKey);
        EngineLogin.as(identityService, "user." + unit, List.of(unit + ".drafters"));
        try {
            taskService.claim(task.getId(), "user." + unit);
        } finally {
            identityService.clearAuthentication();
        }
        return task;
    }
}
