package vn.reviewcascade.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
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
 * Guessing a password, by HTTP Basic or through the webapps' login form, slows the guesser down and never locks the
 * owner out for good: once the block ends, the right password works again. Administrators see the failures.
 */
class LoginPolicyTest extends CascadeTestSupport {

    @Autowired TestRestTemplate anonymous;
    @Autowired LoginThrottle throttle;

    @AfterEach
    void forgetThisAddress() {
        throttle.succeeded("127.0.0.1");
    }

    @Test
    void wrongPasswordsSlowTheSourceAndTheAdministratorStillLogsInAfterwards() {
        TestRestTemplate guesser = anonymous.withBasicAuth("admin", "doan-bua");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(guesser.getForEntity("/api/units", String.class).getStatusCode().value()).isEqualTo(401);
        }
        assertThat(guesser.getForEntity("/engine-rest/task?maxResults=1", String.class).getStatusCode().value())
                .as("the sixth failure, through the engine's API, blocks the address").isEqualTo(401);
        ResponseEntity<String> blocked = guesser.getForEntity("/api/units", String.class);
        assertThat(blocked.getStatusCode().value()).isEqualTo(429);
        assertThat(blocked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(blocked.getBody()).contains("Đăng nhập sai quá nhiều lần từ địa chỉ này");
        assertThat(anonymous.withBasicAuth("admin", "Thu-Nghiem-2030").getForEntity("/api/units", String.class)
                .getStatusCode().value()).as("while blocked, not even the right password is checked").isEqualTo(429);

        moveClockTo(OFFSET_LATER);
        assertThat(anonymous.withBasicAuth("admin", "Thu-Nghiem-2030").getForEntity("/api/units", String.class)
                .getStatusCode().value()).as("the account was never locked for good").isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> failures = anonymous.withBasicAuth("admin", "Thu-Nghiem-2030")
                .getForObject("/api/security/login-failures", List.class);
        assertThat(failures).isNotEmpty();
        assertThat(failures.get(0)).containsEntry("account", "admin").containsEntry("source", "127.0.0.1");
    }

    @Test
    void theWebappsLoginFormIsThrottledToo() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            assertThat(webappLogin("demo-khong-co", "sai").getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<String> blocked = webappLogin("demo-khong-co", "sai");
        assertThat(blocked.getStatusCode().value()).isEqualTo(429);
        assertThat(blocked.getBody()).contains("hãy thử lại sau");
    }

    @Test
    void onlyAdministratorsReadTheFailures() {
        user("lp.dt", "lp.dt@thu.test", "Dang-Nhap-Thu-2030", "VL-A.drafters");
        assertThat(anonymous.withBasicAuth("lp.dt", "Dang-Nhap-Thu-2030").getForEntity("/api/security/login-failures", String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    private static final String OFFSET_LATER = java.time.OffsetDateTime.now().plusMinutes(16).toString();

    /** Logs in as the webapps do: a page visit gives the session and its anti-forgery token, the form sends both. */
    private ResponseEntity<String> webappLogin(String user, String password) {
        ResponseEntity<String> page = anonymous.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList();
        String token = cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .substring("XSRF-TOKEN=".length());
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        headers.add("X-XSRF-TOKEN", token);
        return anonymous.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }
}
