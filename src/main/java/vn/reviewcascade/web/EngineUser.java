package vn.reviewcascade.web;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A user of the engine as Spring Security knows them, whether they logged in by HTTP Basic or through the webapps:
 * the engine's user id with their groups and tenants, which the engine's authorizations and the API's unit checks
 * read (see {@link EngineIdentity}). The groups are also the authentication's authorities, so the access rules of
 * {@link WebSecurity} can name them.
 */
record EngineUser(String id, List<String> groupIds, List<String> tenantIds) implements AuthenticatedPrincipal {

    EngineUser {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
    }

    @Override
    public String getName() {
        return id;
    }

    UsernamePasswordAuthenticationToken authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null,
                groupIds.stream().map(SimpleGrantedAuthority::new).toList());
    }
}
