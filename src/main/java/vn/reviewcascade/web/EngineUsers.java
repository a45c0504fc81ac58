package vn.reviewcascade.web;

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
        EngineUser found = new EngineUser(user,
                identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList(),
                identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).toList());
        UsernamePasswordAuthenticationToken authenticated = found.authentication();
        authenticated.setDetails(login.getDetails());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
