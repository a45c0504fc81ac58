package vn.reviewcascade.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import vn.reviewcascade.SystemContext;
import vn.reviewcascade.security.LoginThrottle;

/**
 * The filters in front of the APIs, in the order they run: the login throttle; authentication (HTTP Basic for
 * the engine's REST API, which the REST starter leaves open by default; Basic or the webapps' login for ours, for
 * Actuator, whose readiness probe alone is open, and for the list of engines, which the engine's filter skips);
 * then the policy on what non-administrators may change through the engine's REST API; then the check of what a
 * task is completed with through it. They are registered before the webapps' own filters, so they also guard the
 * webapps' login form and engine API.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ErrorResponses errors) {
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, errors));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", "/camunda/api/admin/auth/user/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService,
                                                                             ProcessEngine engine, ErrorResponses errors) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, engine.getName(), errors));
        registration.setName("api-authentication");
        // The engine's filter leaves its list of engines open; a login is required there as anywhere else.
        registration.addUrlPatterns("/api/*", "/actuator/*", "/engine-rest/engine", "/engine-rest/engine/");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineAccessPolicy> engineAccessPolicyFilter(IdentityService identityService,
                                                                        ProcessEngine engine, ErrorResponses errors) {
        FilterRegistrationBean<EngineAccessPolicy> registration =
                new FilterRegistrationBean<>(new EngineAccessPolicy(identityService, engine.getName(), errors));
        registration.setName("engine-access-policy");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineCompletionCheck> engineCompletionCheckFilter(TaskService taskService, SystemContext system,
                                                                              ObjectMapper json, ErrorResponses errors) {
        FilterRegistrationBean<EngineCompletionCheck> registration =
                new FilterRegistrationBean<>(new EngineCompletionCheck(taskService, system, json, errors));
        registration.setName("engine-completion-check");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
        return registration;
    }
}
