package vn.reviewcascade.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

/**
 * Lets the parent unit's reviewers see (not claim, not complete) a subordinate's task, for their
 * "Đơn vị cấp dưới" filter. The engine already lets the candidate groups work it. Called by a task listener
 * on create in {@code documentApproval.bpmn}.
 */
@Component("taskVisibility")
public class TaskVisibility {

    private final AuthorizationService authorizations;
    private final ReportRepository reports;
    private final UnitTree tree;

    public TaskVisibility(AuthorizationService authorizations, ReportRepository reports, UnitTree tree) {
        this.authorizations = authorizations;
        this.reports = reports;
        this.tree = tree;
    }

    public void shareWithParentReviewers(DelegateTask task) {
        ReviewKey key = ReviewKey.of(task);
        String parentCode = reports.find(key.campaignId(), key.unitCode()).orElseThrow().parentCode();
        if (parentCode == null) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(tree.groupId(parentCode, UnitRole.REVIEWER));
        authorization.setResource(Resources.TASK);
        authorization.setResourceId(task.getId());
        authorization.addPermission(Permissions.READ);
        authorizations.saveAuthorization(authorization);
    }
}
