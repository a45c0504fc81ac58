package vn.reviewcascade.approval;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.TestDocuments;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guidance has content: a district's guidance drafters write its text and attach its document, its leaders sign it,
 * and every unit below reads both at the top of its own report's form and through the API — a sibling district
 * does not. Once issued, the guidance no longer changes.
 */
class GuidanceTest extends CascadeTestSupport {

    private static final String PASSWORD = "Huong-Dan-Thu-2030";
    private static final String TEXT = "Các đảng ủy cơ sở tổ chức sơ kết trước 30/9, báo cáo theo đề cương 6 mục.\nGửi kèm phụ lục số liệu.";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired TestRestTemplate anonymous;

    private final byte[] pdf = TestDocuments.pdf();
    private Campaign campaign;

    @BeforeEach
    void usersAndACampaign() {
        user("gd.vl.dt", "gd.vl.dt@thu.test", PASSWORD, "VL.drafters");
        user("gd.vl.kd", "gd.vl.kd@thu.test", PASSWORD, "VL.signers");
        user("gd.a.dt", "gd.a.dt@thu.test", PASSWORD, "VL-A.drafters");
        user("gd.cc.dt", "gd.cc.dt@thu.test", PASSWORD, "CC.drafters");
        campaign = start("TU");
        complete(campaign, "TU", "DraftDocument", guidance());
        approve(campaign, "TU", "SignDocument");
        runJobs(campaign);
    }

    @Test
    void theGuidanceWrittenAboveReachesEveryUnitBelowWithItsDocument() {
        String guidance = "/api/campaigns/" + campaign.id() + "/units/VL/guidance";
        String draft = task(campaign, "VL", "DraftDocument").getId();
        assertThat(as("gd.vl.dt").exchange("/api/tasks/" + draft + "/complete", HttpMethod.POST, json(Map.of()), JSON)
                .getBody().toString()).as("guidance without a text is refused").contains("guidanceText")
                .contains("Chưa viết nội dung kế hoạch hướng dẫn");
        assertThat(upload(guidance + "/document", "gd.vl.dt").getStatusCode().value()).isEqualTo(200);
        Map<String, Object> saved = as("gd.vl.dt").exchange(guidance, HttpMethod.PUT, json(Map.of("version", 0, "text", "Bản nháp")),
                JSON).getBody();
        assertThat(saved).containsEntry("text", "Bản nháp").containsEntry("version", 1);
        assertThat(as("gd.vl.dt").exchange("/api/tasks/" + draft + "/complete", HttpMethod.POST,
                json(Map.of("version", 1, "text", TEXT)), String.class).getStatusCode().value()).isEqualTo(204);
        approve(campaign, "VL", "SignDocument");
        runJobs(campaign);

        String baseDraft = task(campaign, "VL-A", "DraftDocument").getId();
        Map<String, Object> form = as("gd.a.dt").exchange("/api/tasks/" + baseDraft, HttpMethod.GET, null, JSON).getBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> received = (Map<String, Object>) form.get("receivedGuidance");
        assertThat(received).containsEntry("unitCode", "VL").containsEntry("text", TEXT);
        assertThat((String) received.get("number")).matches("\\d+-HD/HU");
        assertThat(received.get("issuedAt")).isNotNull();
        assertThat(((Map<?, ?>) received.get("document")).get("fileName")).isEqualTo("Hướng dẫn sơ kết.pdf");

        assertThat(as("gd.a.dt").getForEntity(guidance + "/document", byte[].class).getBody()).isEqualTo(pdf);
        assertThat(as("gd.a.dt").getForEntity(guidance, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(as("gd.cc.dt").getForEntity(guidance, String.class).getStatusCode().value())
                .as("a sibling district does not read it").isEqualTo(403);
        assertThat(as("gd.cc.dt").getForEntity(guidance + "/document", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as("gd.a.dt").getForEntity("/api/campaigns/" + campaign.id() + "/units/TU/guidance", String.class)
                .getStatusCode().value()).as("the province's guidance reaches every level below it").isEqualTo(200);

        assertThat(as("gd.vl.dt").exchange(guidance, HttpMethod.PUT, json(Map.of("text", "Sửa sau khi ban hành")), String.class)
                .getStatusCode().value()).as("issued guidance does not change").isEqualTo(409);
        assertThat(upload(guidance + "/document", "gd.vl.dt").getStatusCode().value()).isEqualTo(409);
        assertThat(as("gd.a.dt").exchange(guidance, HttpMethod.PUT, json(Map.of("text", "x")), String.class)
                .getStatusCode().value()).as("a unit below never writes it").isEqualTo(403);
    }

    private ResponseEntity<String> upload(String path, String user) {
        return as(user).exchange(path, HttpMethod.PUT, fileUpload("Hướng dẫn sơ kết.pdf", pdf), String.class);
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, PASSWORD);
    }
}
