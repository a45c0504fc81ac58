package vn.reviewcascade.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The browser's part of security on the application's own responses: no guessing of content types
 * ({@code nosniff}: an uploaded file is never run as a page or a script whatever its bytes), and a
 * Content-Security-Policy. The application's pages (the dashboard, the office page, the registers) run only their own scripts and styles
 * and ECharts from its webjar, all from this origin, and may call only this origin; style attributes stay allowed because ECharts writes its tooltips with
 * them. Everything else — the API's JSON, downloads, error bodies — is no page at all and may load and run nothing,
 * sandboxed, so a document someone opens in the browser (a PDF with JavaScript) runs no script in this origin.
 * Downloads are attachments besides ({@link Downloads}). Camunda's webapps ({@code /camunda/…}) are left to their
 * own header filter, which sets nosniff and a policy written for their scripts; Spring Security's other default
 * headers are left off, so the webapps' responses are as Camunda writes them.
 */
final class SecurityHeaders {

    static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String NO_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private SecurityHeaders() {
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> outside(RequestMatcher webapps, RequestMatcher dashboard) {
        RequestMatcher own = new NegatedRequestMatcher(webapps);
        return headers -> headers.defaultsDisabled()
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(own, new XContentTypeOptionsHeaderWriter()))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(dashboard,
                        new ContentSecurityPolicyHeaderWriter(DASHBOARD_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new AndRequestMatcher(own, new NegatedRequestMatcher(dashboard)),
                        new ContentSecurityPolicyHeaderWriter(NO_PAGE_POLICY)));
    }
}
