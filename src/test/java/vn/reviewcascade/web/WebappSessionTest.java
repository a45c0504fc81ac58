package vn.reviewcascade.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import vn.reviewcascade.CascadeTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user logged in through the webapps' form uses this application's API and dashboard with that login, as Tasklist's
 * forms and the dashboard do; a state-changing call on it must carry the session's anti-forgery token; the engine's
 * REST API takes HTTP Basic only.
 */
class WebappSessionTest extends CascadeTestSupport {

    private static final String PASSWORD = "Phien-Dang-Nhap-2030";

    @Autowired TestRestTemplate anonymous;

    private final Map<String, String> cookies = new LinkedHashMap<>();

    @BeforeEach
    void logIntoTasklist() {
        user("ws.cc.dt", "ws.cc.dt@thu.test", PASSWORD, "CC.drafters");
        keepCookies(anonymous.getForEntity("/camunda/app/tasklist/default/", String.class));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "ws.cc.dt");
        form.add("password", PASSWORD);
        HttpHeaders headers = session(true);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = anonymous.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        keepCookies(login);
        // The login starts a new session; the webapps give it its token with the next page.
        keepCookies(anonymous.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(session(false)),
                String.class));
    }

    @Test
    void theWebappsLoginOpensTheApiAndTheDashboard() {
        assertThat(anonymous.exchange("/api/units", HttpMethod.GET, new HttpEntity<>(session(false)), String.class)
                .getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> dashboard = anonymous.exchange("/dashboard", HttpMethod.GET, new HttpEntity<>(session(false)),
                String.class);
        assertThat(dashboard.getStatusCode().value()).isEqualTo(200);
        assertThat(dashboard.getBody()).contains("dashboard.js");
        assertThat(anonymous.exchange("/engine-rest/task?maxResults=1", HttpMethod.GET, new HttpEntity<>(session(false)),
                String.class).getStatusCode().value()).as("the engine's REST API takes HTTP Basic only").isEqualTo(401);
    }

    @Test
    void aStateChangingCallOnTheWebappsLoginNeedsItsAntiForgeryToken() {
        Map<String, Object> campaign = Map.of("plan", KH_117, "rootUnit", "CC", "year", 2033);
        ResponseEntity<String> forged = anonymous.exchange("/api/campaigns", HttpMethod.POST, json(campaign, false), String.class);
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody()).contains("mã chống giả mạo (X-XSRF-TOKEN)");

        ResponseEntity<String> sent = anonymous.exchange("/api/campaigns", HttpMethod.POST, json(campaign, true), String.class);
        assertThat(sent.getStatusCode().value()).as("the drafter is known, and the API's own rule answers").isEqualTo(403);
        assertThat(sent.getBody()).contains("Chỉ quản trị viên và các ban theo dõi mọi đơn vị");

        ResponseEntity<String> job = anonymous.exchange("/camunda/api/engine/engine/default/job/khong-co/suspended",
                HttpMethod.PUT, json(Map.of("suspended", true), true), String.class);
        assertThat(job.getStatusCode().value()).as("the engine's rules hold in the webapps' engine API").isEqualTo(403);
        assertThat(job.getBody()).contains("chỉ quản trị viên được làm");
    }

    private HttpEntity<Object> json(Object body, boolean withToken) {
        HttpHeaders headers = session(withToken);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /** The session's cookies, and its anti-forgery token as the webapps' scripts send it. */
    private HttpHeaders session(boolean withToken) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
        if (withToken) {
            headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        return headers;
    }

    private void keepCookies(ResponseEntity<?> response) {
        List<String> set = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        for (String cookie : set) {
            String pair = cookie.substring(0, cookie.indexOf(';'));
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
    }
}
