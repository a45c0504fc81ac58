package vn.reviewcascade.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;

/**
 * The engine's authorizations that do not depend on a single task. Tasks themselves are authorized by the
 * engine for their candidate groups (and, read-only, for the parent unit's reviewers: {@link TaskVisibility}).
 * Everyone may open Tasklist and read process models; the observer boards also read every instance and use
 * Cockpit. Idempotent: run at each start.
 */
@Component
@Order(2)
class AccessSetup implements SetupStep {

    private final AuthorizationService authorizations;
    private final SecurityProperties properties;

    AccessSetup(AuthorizationService authorizations, SecurityProperties properties) {
        this.authorizations = authorizations;
        this.properties = properties;
    }

    @Override
    public void run() {
        grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantEveryone(Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
        for (String group : properties.observerGroups()) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            grant(group, Resources.TASK, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
        }
        // Campaigns are started through the application's API, which checks who asks and then starts the processes
        // itself: nobody needs to start a process through the engine. Grants of earlier versions are withdrawn.
        for (String group : properties.observerGroups()) {
            revoke(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            revoke(group, Resources.PROCESS_DEFINITION, "unitReview", ProcessDefinitionPermissions.CREATE_INSTANCE);
            revoke(group, Resources.PROCESS_DEFINITION, "overdueDigest", ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
    }

    private void grantEveryone(Resource resource, String resourceId, Permission permission) {
        boolean present = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).hasPermission(permission).count() > 0;
        if (!present) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            authorization.setUserId(Authorization.ANY);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizations.saveAuthorization(authorization);
        }
    }

    private void revoke(String group, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization != null && authorization.isPermissionGranted(permission)) {
            authorization.removePermission(permission);
            authorizations.saveAuthorization(authorization);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
