package vn.reviewcascade.web;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against the engine's users, for both the engine's REST API and ours. The REST
 * starter leaves {@code /engine-rest} open by default; this closes it. The filter also makes the user the
 * engine's current authentication for the request, so comments and history name who acted.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("api-authentication");
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }
}
