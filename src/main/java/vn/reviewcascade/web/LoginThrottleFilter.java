package vn.reviewcascade.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.reviewcascade.security.LoginThrottle;

/**
 * Puts every door a password goes through — HTTP Basic on {@code /api} and {@code /engine-rest}, the webapps'
 * login form — behind {@link LoginThrottle}: a blocked address is answered 429 before any password is checked,
 * and each answer 401 to a request that carried credentials counts as a failure.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private record Attempt(String account, String channel) {
    }

    private final LoginThrottle throttle;
    private final ErrorResponses errors;

    LoginThrottleFilter(LoginThrottle throttle, ErrorResponses errors) {
        this.throttle = throttle;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Attempt attempt = attempt(request);
        if (attempt == null) {
            chain.doFilter(request, response);
            return;
        }
        String source = request.getRemoteAddr();
        Duration wait = throttle.waitFor(source);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            errors.write(response, 429, "Đăng nhập sai quá nhiều lần từ địa chỉ này; hãy thử lại sau " + seconds + " giây.");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(source, attempt.account(), attempt.channel());
        } else if (response.getStatus() < 400) {
            throttle.succeeded(source);
        }
    }

    /** The login a request attempts, or null for a request without credentials (a session, or none). */
    private static Attempt attempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Attempt(basicUser(header), path.startsWith("/engine-rest") ? "engine-rest" : "api");
        }
        if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
            return new Attempt(String.valueOf(request.getParameter("username")), "webapp");
        }
        return null;
    }

    static String basicUser(String header) {
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
