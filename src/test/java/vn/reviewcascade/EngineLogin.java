package vn.reviewcascade;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;

/**
 * Makes a user with the given groups the engine's current user as a login does: with the tenants those groups are
 * members of, without which the engine's tenant check hides every unit's processes from them.
 */
public final class EngineLogin {

    private EngineLogin() {
    }

    public static void as(IdentityService identityService, String userId, Collection<String> groupIds) {
        // The memberships are read as the system, as a login reads them: never limited by a previous user's rights.
        identityService.clearAuthentication();
        List<String> tenantIds = groupIds.stream()
                .flatMap(group -> identityService.createTenantQuery().groupMember(group).list().stream())
                .map(Tenant::getId).distinct().toList();
        identityService.setAuthentication(userId, List.copyOf(groupIds), tenantIds);
    }
}
