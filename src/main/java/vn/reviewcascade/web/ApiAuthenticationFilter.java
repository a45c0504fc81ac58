package vn.reviewcascade.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who calls {@code /api} and Actuator: HTTP Basic against the engine's users, or the login of Camunda's webapps in
 * the same browser (Tasklist's task forms and the dashboard call the API with it). A state-changing call on a
 * webapp login must carry the login's anti-forgery token. The user becomes the engine's current authentication for
 * the request, so the engine's authorizations, the comment history and the API's unit checks all see the same user.
 * The one address open to all is the readiness probe, which containers and load balancers call without a login.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String READINESS = "/actuator/health/readiness";
    static final String BASIC_CHALLENGE = "Basic realm=\"review-cascade\", charset=\"UTF-8\"";

    private final IdentityService identityService;
    private final String engineName;
    private final ErrorResponses errors;

    ApiAuthenticationFilter(IdentityService identityService, String engineName, ErrorResponses errors) {
        this.identityService = identityService;
        this.engineName = engineName;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).equals(READINESS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = credentials(header);
            if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
                errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Sai tên đăng nhập hoặc mật khẩu");
                return;
            }
            String user = credentials[0];
            List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
                    .stream().map(Tenant::getId).toList();
            authenticated(user, groups, tenants, request, response, chain);
            return;
        }
        UserAuthentication webappUser = WebappSessions.user(request, engineName).orElse(null);
        if (webappUser != null) {
            if (!WebappSessions.isSafe(request) && !WebappSessions.carriesCsrfToken(request)) {
                errors.write(response, HttpServletResponse.SC_FORBIDDEN,
                        "Yêu cầu thiếu mã chống giả mạo (X-XSRF-TOKEN) của phiên đăng nhập; hãy tải lại trang rồi thử lại.");
                return;
            }
            authenticated(webappUser.getName(), webappUser.getGroupIds(), webappUser.getTenantIds(), request, response, chain);
            return;
        }
        // A browser asks for a password only where a person opened an API address directly, not for a page's script.
        if (request.getHeader("X-Requested-With") == null && request.getHeader("X-XSRF-TOKEN") == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Cần đăng nhập");
    }

    private void authenticated(String user, List<String> groups, List<String> tenants, HttpServletRequest request,
                               HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        identityService.setAuthentication(user, groups, tenants);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static String[] credentials(String header) {
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
