package vn.reviewcascade.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser's part of security on the application's own responses: no guessing of content types
 * ({@code nosniff}: an uploaded file is never run as a page or a script whatever its bytes), and a
 * Content-Security-Policy. The dashboard runs only its own scripts and styles and ECharts from its webjar, all from
 * this origin, and may call only this origin; style attributes stay allowed because ECharts writes its tooltips with
 * them. Everything else — the API's JSON, downloads, error bodies — is no page at all and may load and run nothing,
 * sandboxed, so a document someone opens in the browser (a PDF with JavaScript) runs no script in this origin.
 * Downloads are attachments besides ({@link Downloads}). Camunda's webapps ({@code /camunda/…}) are left to their
 * own header filter, which sets nosniff and a policy written for their scripts.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String NO_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (!path.startsWith("/camunda/")) {
                    response.setHeader("X-Content-Type-Options", "nosniff");
                    response.setHeader("Content-Security-Policy",
                            path.equals("/dashboard") || path.startsWith("/dashboard/") ? DASHBOARD_POLICY : NO_PAGE_POLICY);
                }
                chain.doFilter(request, response);
            }
        });
        registration.setName("security-headers");
        registration.addUrlPatterns("/*");
        // First, so that refusals written by the filters after it carry the headers too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
