package vn.reviewcascade.register;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.people.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document registers over HTTP, on one campaign of the test tree in which the province and Vĩnh Linh issued
 * their guidance and two of Vĩnh Linh's base units (Vĩnh Thái, Vĩnh Tú) their reports. Other test classes share the
 * database, so every count is taken within this campaign ({@code campaign=}).
 */
class RegisterApiTest extends CascadeTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String PASSWORD = "So-Van-Ban-2030";
    /** A phrase only Vĩnh Thái's report holds, to be found by its text. */
    private static final String PHRASE = "Hội nghị điển hình Diên Hồng";

    /** One campaign for the class: issuing six documents takes a while, and the tests only read. */
    private static Campaign campaign;

    @Autowired TestRestTemplate anonymous;
    @Autowired People people;

    @BeforeEach
    void campaignWithDocumentsIssuedAtThreeLevels() {
        // User ids of their own ("rg."): other test classes share the context.
        user("rg.a.dt", "rg.a.dt@test.vn", PASSWORD, "VL-A.drafters");
        user("rg.a.kd", "rg.a.kd@test.vn", PASSWORD, "VL-A.signers");
        user("rg.vl.td", "rg.vl.td@test.vn", PASSWORD, "VL.reviewers");
        user("rg.bdv", "rg.bdv@test.vn", PASSWORD, "bdv-tu");
        if (campaign != null) {
            return;
        }
        campaign = start("TU");
        issueGuidance(campaign, "TU");
        issueGuidance(campaign, "VL");
        Map<String, Object> withPhrase = new HashMap<>(draft(1));
        String firstSection = campaign.plan().sections().get(0).key();
        withPhrase.put(firstSection, "Đảng ủy đã tổ chức " + PHRASE + " cho toàn bộ chi bộ trực thuộc.");
        submitReport(campaign, "VL-A", withPhrase);
        submitReport(campaign, "VL-B", draft(2));
        runJobs(campaign);
    }

    @Test
    void aUnitSeesItsOwnRegistersAndThoseBelowItNeverASiblingsOrItsParents() {
        assertThat(status("rg.a.dt", "/api/registers/VL-A")).isEqualTo(200);
        assertThat(status("rg.a.dt", "/api/registers/VL-A?direction=incoming")).isEqualTo(200);
        ResponseEntity<String> sibling = as("rg.a.dt").getForEntity("/api/registers/VL-B", String.class);
        assertThat(sibling.getStatusCode().value()).isEqualTo(403);
        assertThat(sibling.getBody()).contains("Bạn không có quyền xem sổ văn bản của Đảng ủy xã Vĩnh Tú");
        assertThat(status("rg.a.dt", "/api/registers/VL")).isEqualTo(403);
        assertThat(status("rg.a.dt", "/api/registers/TU?direction=incoming")).isEqualTo(403);

        assertThat(status("rg.vl.td", "/api/registers/VL")).isEqualTo(200);
        assertThat(status("rg.vl.td", "/api/registers/VL-B")).isEqualTo(200);
        assertThat(status("rg.vl.td", "/api/registers/CC")).isEqualTo(403);
        assertThat(status("rg.vl.td", "/api/registers/TU")).isEqualTo(403);

        assertThat(status("rg.bdv", "/api/registers/CC")).isEqualTo(200);
        assertThat(status("rg.bdv", "/api/registers/VL-C?direction=incoming")).isEqualTo(200);
        assertThat(status("rg.bdv", "/api/registers/KHONG-CO")).isEqualTo(404);
        assertThat(status("rg.a.dt", "/api/registers/VL-A?campaign=999999")).isEqualTo(404);

        // The units offered to open: one's own and those below it.
        List<Map<String, Object>> offered = list(as("rg.vl.td").exchange("/api/registers/units?q=vĩnh", HttpMethod.GET,
                null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody());
        assertThat(offered).extracting(unit -> unit.get("unitCode")).contains("VL", "VL-A", "VL-B", "VL-C")
                .doesNotContain("CC", "TU");
        assertThat(offered.get(0)).as("higher levels first").containsEntry("unitCode", "VL");
        assertThat(offered.get(1)).containsEntry("parentName", "Huyện ủy Vĩnh Linh");
        Map<String, Object> home = get("rg.a.dt", "/api/registers");
        assertThat(map(home.get("defaultUnit"))).containsEntry("unitCode", "VL-A").containsEntry("unitName", "Đảng ủy xã Vĩnh Thái");
        assertThat(home).containsEntry("seesEverything", false);
    }

    @Test
    void issuedListsTheUnitsOwnDocumentsWithTheirSignatureAndFiles() {
        Map<String, Object> register = get("rg.a.kd", "/api/registers/VL-A?campaign=" + campaign.id());
        assertThat(register).containsEntry("unitName", "Đảng ủy xã Vĩnh Thái").containsEntry("direction", "outgoing")
                .containsEntry("mayUpload", true);
        assertThat(list(register.get("campaigns"))).anyMatch(c -> ((Number) c.get("id")).longValue() == campaign.id());
        Map<String, Object> page = map(register.get("page"));
        assertThat(page).containsEntry("total", 1);
        Map<String, Object> report = list(page.get("items")).get(0);
        String base = "/api/campaigns/" + campaign.id() + "/units/VL-A/report/written";
        assertThat(report).containsEntry("kind", "REPORT").containsEntry("kindName", "Báo cáo")
                .containsEntry("issuerCode", "VL-A").containsEntry("mayUpload", true)
                .containsEntry("signerName", people.userName("user.VL-A")).containsEntry("signedElsewhere", false)
                .containsEntry("pdf", base + ".pdf").containsEntry("docx", base + ".docx").containsEntry("described", base);
        assertThat((String) report.get("number")).endsWith("-BC/ĐU");
        assertThat((String) report.get("title")).startsWith("Báo cáo thử nghiệm số");
        assertThat(report.get("received")).isNull();
        Map<String, Object> signature = map(report.get("signature"));
        assertThat(signature.get("state")).isIn("VALID", "UNCHECKED");
        assertThat((String) signature.get("means")).startsWith("Ký số bằng chứng thư số của");
        assertThat(as("rg.a.kd").getForEntity((String) report.get("pdf"), byte[].class).getStatusCode().value()).isEqualTo(200);

        // A drafter reads the register but does not sign: no upload offered.
        Map<String, Object> asDrafter = get("rg.a.dt", "/api/registers/VL-A?campaign=" + campaign.id());
        assertThat(asDrafter).containsEntry("mayUpload", false);
        assertThat(list(map(asDrafter.get("page")).get("items"))).allMatch(entry -> entry.get("mayUpload").equals(false));
    }

    @Test
    void receivedListsTheParentsGuidanceAndTheSubordinatesReports() {
        Map<String, Object> district = map(get("rg.vl.td", "/api/registers/VL?direction=incoming&campaign=" + campaign.id())
                .get("page"));
        assertThat(district).containsEntry("total", 3);
        assertThat(list(district.get("items"))).extracting(entry -> entry.get("issuerCode") + ":" + entry.get("kind")
                + ":" + entry.get("received")).containsExactlyInAnyOrder("TU:GUIDANCE:Hướng dẫn của cấp trên",
                "VL-A:REPORT:Báo cáo của cấp dưới", "VL-B:REPORT:Báo cáo của cấp dưới");
        assertThat(list(district.get("items"))).as("nobody uploads onto another unit's document")
                .allMatch(entry -> entry.get("mayUpload").equals(false));

        Map<String, Object> base = map(get("rg.a.dt", "/api/registers/VL-A?direction=incoming&campaign=" + campaign.id())
                .get("page"));
        assertThat(list(base.get("items"))).extracting(entry -> entry.get("issuerCode") + ":" + entry.get("kind"))
                .containsExactly("VL:GUIDANCE");
        Map<String, Object> issuedByDistrict = map(get("rg.vl.td", "/api/registers/VL?campaign=" + campaign.id()).get("page"));
        assertThat(list(issuedByDistrict.get("items"))).extracting(entry -> entry.get("kind")).containsExactly("GUIDANCE");
    }

    @Test
    void pagesCountEveryDocumentAndSearchFindsNumbersNamesAndText() {
        String incoming = "/api/registers/VL?direction=incoming&campaign=" + campaign.id();
        Map<String, Object> first = map(get("rg.vl.td", incoming + "&size=2").get("page"));
        assertThat(first).containsEntry("total", 3).containsEntry("page", 0).containsEntry("size", 2);
        assertThat(list(first.get("items"))).hasSize(2);
        Map<String, Object> second = map(get("rg.vl.td", incoming + "&size=2&page=1").get("page"));
        assertThat(second).containsEntry("total", 3).containsEntry("page", 1);
        assertThat(list(second.get("items"))).hasSize(1);

        // Numbers run per issuer (other tests' campaigns count on), so another unit's number may hold the one searched
        // for: what the search must find is every received document whose number contains it, VL-A's among them.
        String number = (String) list(map(get("rg.a.dt", "/api/registers/VL-A?campaign=" + campaign.id()).get("page"))
                .get("items")).get(0).get("number");
        List<String> containing = list(map(get("rg.vl.td", incoming + "&size=50").get("page")).get("items")).stream()
                .filter(entry -> ((String) entry.get("number")).contains(number))
                .map(entry -> entry.get("issuerCode") + ":" + entry.get("number")).toList();
        assertThat(containing).contains("VL-A:" + number);
        Map<String, Object> byNumber = map(get("rg.vl.td", incoming + "&q=" + number.toLowerCase()).get("page"));
        assertThat(list(byNumber.get("items"))).extracting(entry -> entry.get("issuerCode") + ":" + entry.get("number"))
                .containsExactlyInAnyOrderElementsOf(containing);
        String guidance = (String) list(map(get("rg.a.dt", "/api/registers/VL-A?direction=incoming&campaign="
                + campaign.id()).get("page")).get("items")).get(0).get("number");
        String provincial = (String) list(map(get("rg.vl.td", incoming + "&q=HD/").get("page")).get("items")).get(0)
                .get("number");
        assertThat(guidance).endsWith("-HD/HU");
        assertThat(provincial).endsWith("-HD/TU");
        Map<String, Object> byProvincialNumber = map(get("rg.vl.td", incoming + "&q=" + provincial).get("page"));
        assertThat(list(byProvincialNumber.get("items"))).extracting(entry -> entry.get("issuerCode")).containsExactly("TU");

        Map<String, Object> byText = map(get("rg.vl.td", incoming + "&q=" + PHRASE.toUpperCase()).get("page"));
        assertThat(list(byText.get("items"))).extracting(entry -> entry.get("issuerCode")).containsExactly("VL-A");
        Map<String, Object> byName = map(get("rg.vl.td", incoming + "&q=vĩnh tú").get("page"));
        assertThat(list(byName.get("items"))).extracting(entry -> entry.get("issuerCode")).containsExactly("VL-B");
        Map<String, Object> wildcard = map(get("rg.vl.td", incoming + "&q=100%").get("page"));
        assertThat(wildcard).as("a % is looked for as written, not as a wildcard").containsEntry("total", 0);
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        ResponseEntity<Map<String, Object>> refused = as("rg.vl.td").exchange(
                "/api/registers/VL?direction=sideways&page=-1&size=500&q=" + "x".repeat(201), HttpMethod.GET, null, JSON);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(list(refused.getBody().get("errors"))).extracting(error -> error.get("field"))
                .containsExactly("direction", "page", "size", "q");
        assertThat(status("rg.vl.td", "/api/registers/VL?page=abc")).isEqualTo(400);
    }

    private int status(String user, String path) {
        return as(user).getForEntity(path, String.class).getStatusCode().value();
    }

    private Map<String, Object> get(String user, String path) {
        ResponseEntity<Map<String, Object>> response = as(user).exchange(path, HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
