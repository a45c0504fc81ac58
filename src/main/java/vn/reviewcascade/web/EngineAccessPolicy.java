package vn.reviewcascade.web;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a user who is not an administrator may change through the engine's REST API ({@code /engine-rest} and the
 * webapps' {@code /camunda/api/engine}): claim, unclaim and complete tasks, run queries, and change their own
 * password and profile. Nothing else. The engine's authorizations decide which tasks and instances each user
 * reaches; this closes what they do not cover: jobs without a process (the history cleanup, batches), BPMN
 * errors and escalations thrown from a task (an uncaught error ends an approval unsigned), variables, signals
 * and messages. Reading stays open, filtered by the engine, except the engine's metrics: they count every unit's
 * work (instances, tasks, jobs) and no authorization filters them, so only administrators read them — as in Admin,
 * whose page shows them; the observer boards follow campaigns through Cockpit and {@code /api} and need no more.
 *
 * <p>Nothing of {@code /engine-rest} answers without a login: a request that reaches this filter with no user (an
 * address the engine's authentication filter skipped) is refused here.
 *
 * <p>Task forms are submitted to no one: {@code submit-form} copies every text field into the engine's history,
 * where a report's text must never be. The system's forms complete through {@code /api/tasks/{id}/complete}.
 */
class EngineAccessPolicy extends OncePerRequestFilter {

    private static final Pattern WEBAPP_ENGINE = Pattern.compile("/camunda/api/engine/engine/[^/]+/(.*)");
    private static final Pattern NAMED_ENGINE = Pattern.compile("engine/[^/]+/(.*)");
    private static final Pattern TASK_WORK = Pattern.compile("task/[^/]+/(claim|unclaim|complete)");
    private static final Pattern SUBMIT_FORM = Pattern.compile("(task|process-definition)/.*submit-form");
    /** Resources whose POST is a query: reading, as GET is. */
    private static final Pattern QUERY = Pattern.compile("(task|process-instance|execution|variable-instance|job"
            + "|job-definition|external-task|history/(process-instance|task|activity-instance|variable-instance|detail))"
            + "(/count)?|filter/[^/]+/(list|count|singleResult)");
    private static final Pattern OWN_USER = Pattern.compile("user/([^/]+)/(credentials|profile)");
    private static final Pattern METRICS = Pattern.compile("metrics(/.*)?");

    private final IdentityService identityService;
    private final String engineName;
    private final ErrorResponses errors;

    EngineAccessPolicy(IdentityService identityService, String engineName, ErrorResponses errors) {
        this.identityService = identityService;
        this.engineName = engineName;
        this.errors = errors;
    }

    private record Caller(String userId, List<String> groups) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String resource = resource(request);
        Caller caller = caller(request);
        if (caller == null && isEngineRest(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ApiAuthenticationFilter.BASIC_CHALLENGE);
            errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Cần đăng nhập");
            return;
        }
        if (resource != null && caller != null && METRICS.matcher(resource).matches()
                && !caller.groups().contains(Groups.CAMUNDA_ADMIN)) {
            errors.write(response, HttpServletResponse.SC_FORBIDDEN, "Chỉ quản trị viên được xem số liệu vận hành của cả hệ "
                    + "thống (metrics)");
            return;
        }
        if (resource == null || caller == null || WebappSessions.isSafe(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (SUBMIT_FORM.matcher(resource).matches()) {
            errors.write(response, HttpServletResponse.SC_FORBIDDEN, "Không nhận gửi biểu mẫu (submit-form): việc được "
                    + "hoàn thành bằng biểu mẫu của hệ thống trong Danh sách việc, hoặc POST /api/tasks/{id}/complete.");
            return;
        }
        if (caller.groups().contains(Groups.CAMUNDA_ADMIN) || allowed(request.getMethod(), resource, caller)) {
            chain.doFilter(request, response);
            return;
        }
        errors.write(response, HttpServletResponse.SC_FORBIDDEN, "Bạn không có quyền thực hiện thao tác này ("
                + request.getMethod() + " " + resource + "); chỉ quản trị viên được làm.");
    }

    private static boolean allowed(String method, String resource, Caller caller) {
        if ("POST".equals(method)) {
            return TASK_WORK.matcher(resource).matches() || QUERY.matcher(resource).matches();
        }
        if ("PUT".equals(method)) {
            Matcher own = OWN_USER.matcher(resource);
            return own.matches() && own.group(1).equals(caller.userId());
        }
        return false;
    }

    /** The engine resource the request addresses ("task/42/complete"), or null if it is not an engine call. */
    static String resource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String rest;
        Matcher webapp = WEBAPP_ENGINE.matcher(path);
        if (webapp.matches()) {
            rest = webapp.group(1);
        } else if (path.startsWith("/engine-rest/")) {
            rest = path.substring("/engine-rest/".length());
            Matcher named = NAMED_ENGINE.matcher(rest);
            if (named.matches()) {
                rest = named.group(1);
            }
        } else {
            return null;
        }
        return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    }

    private static boolean isEngineRest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/engine-rest") || path.startsWith("/engine-rest/");
    }

    private Caller caller(HttpServletRequest request) {
        if (isEngineRest(request)) {
            var authentication = identityService.getCurrentAuthentication();
            return authentication == null ? null : new Caller(authentication.getUserId(),
                    authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
        }
        UserAuthentication user = WebappSessions.user(request, engineName).orElse(null);
        return user == null ? null : new Caller(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
    }
}
