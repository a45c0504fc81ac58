package vn.reviewcascade.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.Limits;

import static org.assertj.core.api.Assertions.assertThat;

/** The forms in the browser read the server's limits, not numbers of their own. */
class LimitsApiTest extends CascadeTestSupport {

    @Autowired TestRestTemplate anonymous;

    @Test
    void theLimitsAreServedToSignedInUsers() {
        user("lim.dt", "lim.dt@vinhlinh.test", "Gioi-Han-2030", "VL.drafters");
        Map<String, Object> limits = anonymous.withBasicAuth("lim.dt", "Gioi-Han-2030").exchange("/api/limits", HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {
                }).getBody();
        assertThat(limits).containsEntry("maxWrittenText", Limits.MAX_WRITTEN_TEXT).containsEntry("maxComment", Limits.MAX_COMMENT)
                .containsEntry("maxFigure", (int) Limits.MAX_FIGURE).containsEntry("maxDocumentMegabytes", 10);
        assertThat(anonymous.getForEntity("/api/limits", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
