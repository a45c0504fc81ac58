package vn.reviewcascade.web;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;

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
 * <p>Task forms are submitted to no one: {@code submit-form} copies every text field into the engine's history,
 * where a report's text must never be. The system's forms complete through {@code /api/tasks/{id}/complete}.
 *
 * <p>The requests are told apart here, the rules applied in {@link WebSecurity}'s one list of access rules.
 */
final class EngineAccessPolicy {

    private static final Pattern WEBAPP_ENGINE = Pattern.compile("/camunda/api/engine/engine/[^/]+/(.*)");
    private static final Pattern NAMED_ENGINE = Pattern.compile("engine/[^/]+/(.*)");
    private static final Pattern TASK_WORK = Pattern.compile("task/[^/]+/(claim|unclaim|complete)");
    /** Resources whose POST is a query: reading, as GET is. */
    private static final Pattern QUERY = Pattern.compile("(task|process-instance|execution|variable-instance|job"
            + "|job-definition|external-task|history/(process-instance|task|activity-instance|variable-instance|detail))"
            + "(/count)?|filter/[^/]+/(list|count|singleResult)");
    private static final Pattern OWN_USER = Pattern.compile("user/([^/]+)/(credentials|profile)");
    private static final SimpleGrantedAuthority ADMINISTRATORS = new SimpleGrantedAuthority(Groups.CAMUNDA_ADMIN);

    /** The engine's metrics, by any method. */
    static final RequestMatcher METRICS = resource(Pattern.compile("metrics(/.*)?"));
    /** Submitting a task's or a start form. */
    static final RequestMatcher SUBMIT_FORM = resource(Pattern.compile("(task|process-definition)/.*submit-form"));
    /** Every engine call that may change something: all but GET, HEAD and OPTIONS. */
    static final RequestMatcher COMMAND = request -> !isSafe(request) && resource(request) != null;

    static final String METRICS_REFUSED = "Chỉ quản trị viên được xem số liệu vận hành của cả hệ thống (metrics)";
    static final String SUBMIT_FORM_REFUSED = "Không nhận gửi biểu mẫu (submit-form): việc được hoàn thành bằng biểu mẫu "
            + "của hệ thống trong Danh sách việc, hoặc POST /api/tasks/{id}/complete.";

    private EngineAccessPolicy() {
    }

    /** Administrators only; everyone else is refused with the given reason. */
    static AuthorizationManager<RequestAuthorizationContext> administrators(String refusal) {
        return (authentication, context) -> isAdministrator(authentication.get()) ? new AuthorizationDecision(true)
                : new Refusal(refusal);
    }

    /** A {@link #COMMAND}: an administrator's, or one of the few a user's work needs. */
    static AuthorizationDecision command(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        HttpServletRequest request = context.getRequest();
        String resource = resource(request);
        if (caller.getPrincipal() instanceof EngineUser user && (isAdministrator(caller) || allowed(request.getMethod(), resource, user))) {
            return new AuthorizationDecision(true);
        }
        return new Refusal("Bạn không có quyền thực hiện thao tác này (" + request.getMethod() + " " + resource
                + "); chỉ quản trị viên được làm.");
    }

    private static boolean allowed(String method, String resource, EngineUser user) {
        if ("POST".equals(method)) {
            return TASK_WORK.matcher(resource).matches() || QUERY.matcher(resource).matches();
        }
        if ("PUT".equals(method)) {
            Matcher own = OWN_USER.matcher(resource);
            return own.matches() && own.group(1).equals(user.id());
        }
        return false;
    }

    private static boolean isAdministrator(Authentication authentication) {
        return authentication.getPrincipal() instanceof EngineUser && authentication.getAuthorities().contains(ADMINISTRATORS);
    }

    private static RequestMatcher resource(Pattern pattern) {
        return request -> {
            String resource = resource(request);
            return resource != null && pattern.matcher(resource).matches();
        };
    }

    private static boolean isSafe(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
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
}
