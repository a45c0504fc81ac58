package vn.reviewcascade.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.reviewcascade.EngineLogin;
import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizedGroupsOfUserTest extends CascadeTestSupport {

    @Autowired ProcessEngineConfiguration configuration;

    @Test
    void theEngineChecksTheUsersGroupsAsGivenWithoutReadingEveryGroupThatHoldsAnAuthorization() {
        List<String> groups = List.of("VL-A.drafters", "VL-A.drafters", "no-such-group");
        List<String> checked = inCommand(command -> command.getAuthorizationManager().filterAuthenticatedGroupIds(groups));

        assertThat(checked).as("each group once, a group without authorizations kept: it matches no row")
                .containsExactly("VL-A.drafters", "no-such-group");
        Object manager = inCommand(command -> command.getAuthorizationManager());
        assertThat(manager).isInstanceOf(AuthorizedGroupsOfUser.GroupsAsGiven.class);
    }

    @Test
    void aUserInMoreGroupsThanTheLimitIsFilteredByTheEngineAsBefore() {
        List<String> many = new ArrayList<>(IntStream.range(0, AuthorizedGroupsOfUser.PASS_THROUGH_LIMIT)
                .mapToObj(i -> "unknown-" + i).toList());
        many.add("VL-A.drafters");

        List<String> checked = inCommand(command -> command.getAuthorizationManager().filterAuthenticatedGroupIds(many));
        assertThat(checked).as("only the groups holding an authorization").containsExactly("VL-A.drafters");
    }

    @Test
    void aBaseUnitsDrafterSeesTheSameTasksWithGroupsThatHoldNoAuthorization() {
        Campaign campaign = start("TU");
        issueGuidance(campaign, "TU");
        issueGuidance(campaign, "VL");

        EngineLogin.as(identityService, "f.a.dt", List.of("VL-A.drafters"));
        List<String> alone = taskIds(campaign);
        EngineLogin.as(identityService, "f.a.dt", List.of("VL-A.drafters", "no-such-group", "another-unknown-group"));
        List<String> withUnknown = taskIds(campaign);
        EngineLogin.as(identityService, "f.x", List.of("no-such-group"));
        List<String> unknownOnly = taskIds(campaign);

        assertThat(alone).isNotEmpty();
        assertThat(withUnknown).containsExactlyInAnyOrderElementsOf(alone);
        assertThat(unknownOnly).isEmpty();
    }

    private List<String> taskIds(Campaign campaign) {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(campaign.id() + "/%").listPage(0, 100).stream()
                .map(Task::getId).toList();
    }

    private <T> T inCommand(Command<T> command) {
        return ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired().execute(command);
    }
}
