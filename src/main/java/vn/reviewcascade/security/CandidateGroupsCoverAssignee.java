package vn.reviewcascade.security;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * No authorization row of their own for someone who claims a task of their own unit. The engine, by default, grants
 * the new assignee of a task the task permission ({@code TASK_WORK}) in a row of its own, although a candidate group
 * they are in already grants it in one: an insert on every claim, a delete when the task ends, and a row held while
 * it runs. Here the row is left out when the user claiming is the new assignee and is, in the groups they are logged
 * in with, a member of one of the task's candidate groups: the group's row covers them for as long as the task is
 * that group's. Anyone else made assignee (an administrator assigning a colleague) gets the engine's row as before.
 */
@Component
class CandidateGroupsCoverAssignee extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return coveredByCandidateGroup(task, newAssignee) ? null : super.newTaskAssignee(task, oldAssignee, newAssignee);
        }

        private static boolean coveredByCandidateGroup(Task task, String assignee) {
            CommandContext command = Context.getCommandContext();
            Authentication authentication = command == null ? null : command.getAuthentication();
            if (assignee == null || authentication == null || !assignee.equals(authentication.getUserId())
                    || !(task instanceof TaskEntity entity)) {
                return false;
            }
            List<String> groups = authentication.getGroupIds();
            return groups != null && entity.getCandidates().stream().map(IdentityLink::getGroupId)
                    .anyMatch(group -> group != null && groups.contains(group));
        }
    }
}
