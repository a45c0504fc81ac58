package vn.reviewcascade.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The login of Camunda's webapps, read from the HTTP session, so that a user logged into Tasklist or Cockpit uses
 * this application's pages and API without logging in again; and the anti-forgery token the webapps keep in the same
 * session, which this application's state-changing calls on that login must carry as the webapps' own calls do.
 *
 * <p>Read only: the webapps' login form and logout stay the only ways in and out, so saving does nothing and no token
 * is ever issued here. These are webapp.impl classes: the webapps publish no API to read their session. Moving to
 * Operaton means renaming the package here and nothing else.
 */
class WebappSessions implements SecurityContextRepository, CsrfTokenRepository {

    private final String engineName;
    private final RequestMatcher where;

    /** @param where the requests the webapps' login counts for */
    WebappSessions(String engineName, RequestMatcher where) {
        this.engineName = engineName;
        this.where = where;
    }

    /** Whether the request comes with a webapps' login that counts for it. */
    boolean loggedIn(HttpServletRequest request) {
        return user(request) != null;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        UserAuthentication user = user(request);
        SecurityContext context = new SecurityContextImpl(user == null ? null
                : new EngineUser(user.getName(), user.getGroupIds(), user.getTenantIds()).authentication());
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return context;
            }

            @Override
            public boolean isGenerated() {
                return user == null;
            }
        };
    }

    /** @deprecated Spring Security asks {@link #loadDeferredContext}; this is the interface's older form. */
    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // The webapps keep their login themselves.
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return loggedIn(request);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return token instanceof String value ? token(value) : null;
    }

    /** A token no request carries: a session without the webapps' token has nothing a request could match. */
    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return token(UUID.randomUUID().toString());
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        // The webapps issue the token and keep it in their session.
    }

    private static CsrfToken token(String value) {
        return new DefaultCsrfToken(CsrfConstants.CSRF_TOKEN_HEADER_NAME, "_csrf", value);
    }

    private UserAuthentication user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !where.matches(request)) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications == null ? null : (UserAuthentication) authentications.getAuthenticationForProcessEngine(engineName);
    }
}
