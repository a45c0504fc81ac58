package vn.reviewcascade.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.reviewcascade.security.LoginAttempt;
import vn.reviewcascade.security.LoginThrottle;

/**
 * Puts every door a password goes through — HTTP Basic on {@code /api} and {@code /engine-rest}, the webapps'
 * login form — behind {@link LoginThrottle}: a blocked address is answered 429 before any password is checked.
 *
 * <p>HTTP Basic is checked by Spring Security, which publishes each outcome as an authentication event the throttle
 * listens to. The webapps' form is checked by Camunda's own login resource, which publishes nothing: its answer is
 * turned into the same events here (401 a failure, success below 400), so the throttle has one way to learn of logins.
 */
class LoginGate extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
    private static final String WEBAPP = "webapp";

    private final LoginThrottle throttle;
    private final AuthenticationEventPublisher events;
    private final ErrorResponses errors;

    LoginGate(LoginThrottle throttle, AuthenticationEventPublisher events, ErrorResponses errors) {
        this.throttle = throttle;
        this.events = events;
        this.errors = errors;
    }

    /** The login a request attempts, with its source and door, or null for one without credentials. */
    static LoginAttempt attempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new LoginAttempt(request.getRemoteAddr(), path.startsWith("/engine-rest") ? "engine-rest" : "api");
        }
        if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
            return new LoginAttempt(request.getRemoteAddr(), WEBAPP);
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LoginAttempt attempt = attempt(request);
        if (attempt == null) {
            chain.doFilter(request, response);
            return;
        }
        Duration wait = throttle.waitFor(attempt.source());
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            errors.write(response, 429, "Đăng nhập sai quá nhiều lần từ địa chỉ này; hãy thử lại sau " + seconds + " giây.");
            return;
        }
        if (!WEBAPP.equals(attempt.channel())) {
            chain.doFilter(request, response);
            return;
        }
        // Read before the login resource reads the form: the parameters are not to be had after it.
        String user = String.valueOf(request.getParameter("username"));
        chain.doFilter(request, response);
        publishWebappLogin(user, attempt, response.getStatus());
    }

    private void publishWebappLogin(String user, LoginAttempt attempt, int status) {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(user, null);
            login.setDetails(attempt);
            events.publishAuthenticationFailure(new BadCredentialsException("Wrong user name or password"), login);
        } else if (status < 400) {
            UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
            login.setDetails(attempt);
            events.publishAuthenticationSuccess(login);
        }
    }
}
