package vn.reviewcascade.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks a user name and password (HTTP Basic) against the engine's own users, the same the webapps' login form
 * checks, so there is one list of users and one password per user. The engine delays the next check of an account
 * after each failure and never locks it for good (see application.yaml); {@code LoginThrottle} slows down the source.
 */
class EngineUsers implements AuthenticationProvider {

    private static final int GROUPS_READ_ONE_BY_ONE = 20;

    private final IdentityService identityService;

    EngineUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String user = login.getName();
        Object password = login.getCredentials();
        if (user.isEmpty() || !(password instanceof String text) || !identityService.checkPassword(user, text)) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        EngineUser found = new EngineUser(user, groups, tenants(user, groups));
        UsernamePasswordAuthenticationToken authenticated = found.authentication();
        authenticated.setDetails(login.getDetails());
        return authenticated;
    }

    /**
     * The user's tenants and their groups', read one indexed query each: the engine's own query for both at once
     * ({@code includingGroupsOfUser}) joins them with an OR that reads every tenant membership of the country, about
     * 213,000 rows and 50–70 ms with the national tree, for every request. A user in many groups (an administrator)
     * is read by that one query rather than by one per group.
     */
    private List<String> tenants(String user, List<String> groups) {
        if (groups.size() > GROUPS_READ_ONE_BY_ONE) {
            return identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                    .map(Tenant::getId).toList();
        }
        Set<String> tenants = new LinkedHashSet<>();
        identityService.createTenantQuery().userMember(user).list().forEach(tenant -> tenants.add(tenant.getId()));
        for (String group : groups) {
            identityService.createTenantQuery().groupMember(group).list().forEach(tenant -> tenants.add(tenant.getId()));
        }
        return List.copyOf(tenants);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
