package vn.reviewcascade.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;

/**
 * Gives the administrators' group, created by the engine's starter as "camunda BPM Administrators", a name the
 * Admin webapp's Vietnamese users read. The group's id ({@code camunda-admin}) stays: the engine depends on it.
 */
@Component
@Order(1)
class AdminGroupName implements SetupStep {

    static final String NAME = "Quản trị hệ thống";

    private final IdentityService identityService;

    AdminGroupName(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run() {
        if (identityService.isReadOnly()) {
            return;
        }
        Group group = identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult();
        if (group != null && !NAME.equals(group.getName())) {
            group.setName(NAME);
            identityService.saveGroup(group);
        }
    }
}
