package vn.reviewcascade.campaign;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

import vn.reviewcascade.CascadeTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue list is read a page at a time, in the order the Cockpit plugin shows it (under the unit each reports
 * to, then by name), and each user reads only the units of their own subtree.
 */
class OverdueListTest extends CascadeTestSupport {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void theFirstPageComesWithTheCountAndTheRestArePagedInTheOrderShown() {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobs(campaign);

        List<Map<String, Object>> all = http.withBasicAuth("admin", "Thu-Nghiem-2030")
                .exchange("/api/overdue-units?size=1", HttpMethod.GET, null, LIST).getBody();
        Map<String, Object> ours = all.stream().filter(c -> ((Number) c.get("campaignId")).longValue() == campaign.id())
                .findFirst().orElseThrow();
        Map<String, Object> first = (Map<String, Object>) ours.get("units");
        assertThat(first).containsEntry("total", 2).containsEntry("size", 1);
        assertThat((List<Map<String, Object>>) first.get("items")).singleElement().satisfies(unit -> {
            assertThat(unit).containsEntry("unitName", "Đảng ủy xã Vĩnh Chấp").containsEntry("parentName", "Huyện ủy Vĩnh Linh");
            assertThat((String) unit.get("lateness")).isNotBlank();
        });

        Map<String, Object> second = http.withBasicAuth("admin", "Thu-Nghiem-2030").exchange("/api/campaigns/" + campaign.id()
                + "/overdue-units?page=1&size=1", HttpMethod.GET, null, JSON).getBody();
        assertThat((List<Map<String, Object>>) second.get("items")).extracting(unit -> unit.get("unitCode"))
                .as("by name after Vĩnh Chấp").containsExactly("VL-B");
    }
}
