package vn.reviewcascade.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.reviewcascade.SystemContext;
import vn.reviewcascade.approval.ApprovalCompletions;
import vn.reviewcascade.security.LoginThrottle;

/**
 * Who may call what, in one place. Who is calling: HTTP Basic against the engine's users ({@link EngineUsers}), or the
 * login of Camunda's webapps in the same browser ({@link WebappSessions}; not on {@code /engine-rest}, which takes
 * Basic only), whose login form stays the one login page; either way the user becomes the engine's current user for
 * the request ({@link EngineIdentity}). Every door a password goes through is throttled ({@link LoginGate}). What they
 * may call: the rules of {@link #security}, first match wins. Refusals are the API's Vietnamese JSON: 401 (with a
 * Basic challenge, except to a page's script, so the browser asks for a password only where a person opened an API
 * address), 403 with the rule's reason, 429 while a source is blocked.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    static final String READINESS = "/actuator/health/readiness";
    /** Where a visitor of the dashboard without a login goes: Tasklist's login form, whose header links back. */
    private static final String TASKLIST_LOGIN = "/camunda/app/tasklist/default/";
    static final String BASIC_CHALLENGE = "Basic realm=\"review-cascade\", charset=\"UTF-8\"";
    static final String CSRF_REFUSED = "Yêu cầu thiếu mã chống giả mạo (X-XSRF-TOKEN) của phiên đăng nhập; hãy tải lại trang "
            + "rồi thử lại.";

    @Bean
    AuthenticationProvider engineUsers(IdentityService identityService) {
        return new EngineUsers(identityService);
    }

    /**
     * An encoded slash ({@code %2F}) in a path reaches the application, which answers it like any unknown unit or
     * campaign (see {@link ErrorPages}); Spring Security's firewall would refuse it, and, since Tomcat passes it on
     * undecoded, the {@code %} it leaves in the decoded path. The firewall's other checks stay.
     */
    @Bean
    WebSecurityCustomizer encodedSlashesReachTheApplication() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, ProcessEngine engine, IdentityService identityService,
                                 LoginThrottle throttle, AuthenticationEventPublisher events, TaskService taskService,
                                 ApprovalCompletions completions, SystemContext system, ObjectMapper json,
                                 ErrorResponses errors) throws Exception {
        RequestMatcher webapps = path("/camunda/**");
        RequestMatcher engineRest = path("/engine-rest/**");
        RequestMatcher dashboard = path("/dashboard/**");
        RequestMatcher office = path("/office/**");
        RequestMatcher registers = path("/registers/**");
        // The application's own pages: the dashboard, the office page and the document registers (static files, all
        // data through the API).
        RequestMatcher boardPages = new OrRequestMatcher(dashboard, office, registers);
        RequestMatcher boardPageAddresses = new OrRequestMatcher(path("/dashboard"), path("/dashboard/"), path("/office"),
                path("/office/"), path("/registers"), path("/registers/"));
        WebappSessions sessions = new WebappSessions(engine.getName(), new NegatedRequestMatcher(engineRest));
        http
                // A Basic login is kept in the request for its later dispatches (a download written asynchronously).
                .securityContext(context -> context.securityContextRepository(
                        new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), sessions)))
                .httpBasic(basic -> basic
                        .authenticationEntryPoint((request, response, failure) -> unauthorized(request, response, failure, errors))
                        .authenticationDetailsSource(LoginGate::attempt))
                // Forgery needs a login the browser sends by itself: the webapps' session cookie. So a state-changing
                // call on that login must carry the session's token in X-XSRF-TOKEN, as the webapps' own calls do
                // (another site can make the browser send the cookie, never this header). Calls with HTTP Basic
                // credentials of their own, as API clients send them, are not exposed and need none; Camunda's
                // webapps check their own calls with their own filter.
                .csrf(csrf -> csrf
                        .csrfTokenRepository(sessions)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
                                new NegatedRequestMatcher(webapps), request -> LoginGate.attempt(request) == null,
                                sessions::loggedIn)))
                .headers(SecurityHeaders.outside(webapps, boardPages))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(exceptions -> exceptions
                        // A visitor of the dashboard, the office page or the registers without a login is sent to
                        // Tasklist's login form, whose header links back to the dashboard.
                        .defaultAuthenticationEntryPointFor((request, response, failure) ->
                                response.sendRedirect(request.getContextPath() + TASKLIST_LOGIN), boardPageAddresses)
                        .defaultAuthenticationEntryPointFor((request, response, failure) ->
                                unauthorized(request, response, failure, errors), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler((request, response, denied) ->
                                errors.write(response, HttpServletResponse.SC_FORBIDDEN, reason(denied))))
                .authorizeHttpRequests(requests -> requests
                        // A forward (to the dashboard's page) or an error page answers a request already let through.
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        // The containers' and load balancers' health check: the one address open without a login.
                        .requestMatchers(path(READINESS)).permitAll()
                        .requestMatchers(EngineAccessPolicy.METRICS)
                        .access(EngineAccessPolicy.administrators(EngineAccessPolicy.METRICS_REFUSED))
                        .requestMatchers(EngineAccessPolicy.SUBMIT_FORM)
                        .access((authentication, context) -> new Refusal(EngineAccessPolicy.SUBMIT_FORM_REFUSED))
                        .requestMatchers(EngineAccessPolicy.COMMAND).access(EngineAccessPolicy::command)
                        // The engine's REST API, its list of engines and version included.
                        .requestMatchers(engineRest).authenticated()
                        // Camunda's webapps: their pages hold no data, their API checks the webapps' own login.
                        .requestMatchers(webapps).permitAll()
                        .requestMatchers(boardPageAddresses).authenticated()
                        // The dashboard's and the office page's files, ECharts, the task forms Tasklist embeds, the
                        // icon, the way to the webapps at "/": code, no data.
                        .requestMatchers(dashboard, office, registers, path("/webjars/**"), path("/forms/**"), path("/favicon.ico"), path("/"))
                        .permitAll()
                        // This application's API and Actuator, and any other address.
                        .anyRequest().authenticated())
                .addFilterBefore(new LoginGate(throttle, events, errors), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineIdentity(identityService), AuthorizationFilter.class)
                // After the access rules, so a completion reaches the check only when the user may send it at all.
                .addFilterAfter(new EngineCompletionCheck(taskService, completions, system, json, errors), EngineIdentity.class);
        return http.build();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure,
                                     ErrorResponses errors) throws IOException {
        boolean wrongPassword = failure instanceof BadCredentialsException;
        // A browser asks for a password only where a person opened an API address directly, not for a page's script.
        if (wrongPassword || request.getHeader("X-Requested-With") == null && request.getHeader("X-XSRF-TOKEN") == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, wrongPassword ? "Sai tên đăng nhập hoặc mật khẩu" : "Cần đăng nhập");
    }

    private static String reason(AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return CSRF_REFUSED;
        }
        if (denied instanceof AuthorizationDeniedException refused && refused.getAuthorizationResult() instanceof Refusal refusal) {
            return refusal.message();
        }
        return ErrorPages.message(HttpServletResponse.SC_FORBIDDEN);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
