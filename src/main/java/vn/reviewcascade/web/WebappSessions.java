package vn.reviewcascade.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The login of Camunda's webapps, read from the HTTP session, so that a user logged into Tasklist or Cockpit uses
 * this application's pages and API without logging in again. These are webapp.impl classes: the webapps keep the
 * login and the anti-forgery token in the session and publish no API to read them. Moving to Operaton means
 * renaming the package here and nothing else.
 */
final class WebappSessions {

    private WebappSessions() {
    }

    static Optional<UserAuthentication> user(HttpServletRequest request, String engineName) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications == null ? Optional.empty()
                : Optional.ofNullable((UserAuthentication) authentications.getAuthenticationForProcessEngine(engineName));
    }

    /**
     * Whether a state-changing request carries the session's anti-forgery token in {@code X-XSRF-TOKEN}, as the
     * webapps' own requests do: another site can make the browser send the session cookie, never this header.
     */
    static boolean carriesCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected != null && expected.equals(sent);
    }

    static boolean isSafe(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
