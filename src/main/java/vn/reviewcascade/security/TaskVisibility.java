package vn.reviewcascade.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.reviewcascade.unit.UnitTree;

/**
 * Lets the parent unit's reviewers see (not claim, not complete) a subordinate's task, for their
 * "Đơn vị cấp dưới" filter. The engine already lets the candidate groups work it. Called by a task listener
 * on create in {@code documentApproval.bpmn}.
 */
@Component("taskVisibility")
public class TaskVisibility {

    private final AuthorizationService authorizations;
    private final UnitTree tree;

    public TaskVisibility(AuthorizationService authorizations, UnitTree tree) {
        this.authorizations = authorizations;
        this.tree = tree;
    }

    public void shareWithParentReviewers(DelegateTask task) {
        String parentCode = (String) task.getVariable("parentCode");
        if (parentCode == null || !Boolean.TRUE.equals(task.getVariable("hasParent"))) {
            return;
        }
        tree.find(parentCode).ifPresent(parent -> {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(parent.reviewers().id());
            authorization.setResource(Resources.TASK);
            authorization.setResourceId(task.getId());
            authorization.addPermission(Permissions.READ);
            authorizations.saveAuthorization(authorization);
        });
    }
}
