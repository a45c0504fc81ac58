package vn.reviewcascade.people;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People appear by name and groups by role and unit where a person reads them: the returned draft's notice, the
 * task form's history and holder; the API keeps the ids beside the names.
 */
class PeopleByNameTest extends CascadeTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String PASSWORD = "Mat-Khau-2030!";

    @Autowired TestRestTemplate anonymous;
    @Autowired People people;

    @BeforeEach
    void namedPeople() {
        // Ids of their own ("pn."), in a unit the mail tests do not count recipients of: test classes share the context.
        member("pn.b.dt", "Lan", "Hồ Thị", "VL-B.drafters");
        member("pn.b.td", "Thắng", "Lê Đình", "VL-B.reviewers");
    }

    @Test
    void theReturnedDraftAndItsFormNameWhoReturnedItAndWhoHoldsIt() {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        complete(campaign, "VL-B", "DraftDocument", draft(1));
        Task review = task(campaign, "VL-B", "ReviewDraft");
        assertThat(as("pn.b.td").exchange("/api/tasks/" + review.getId() + "/complete", HttpMethod.POST,
                json(Map.of("approved", false, "comment", "Mục 2 cần số liệu so sánh.")), JSON).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        Task draft = task(campaign, "VL-B", "DraftDocument");
        assertThat(draft.getDescription()).as("the notice in Tasklist names the reviewer, never the login")
                .startsWith("Bị trả lại để sửa ở bước thẩm định (Lê Đình Thắng, ").doesNotContain("pn.b.td");

        taskService.claim(draft.getId(), "pn.b.dt");
        ResponseEntity<Map<String, Object>> form = as("pn.b.dt").exchange("/api/tasks/" + draft.getId(), HttpMethod.GET,
                null, JSON);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).containsEntry("assignee", "pn.b.dt").containsEntry("assigneeName", "Hồ Thị Lan");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) form.getBody().get("history");
        assertThat(history).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("decision", "RETURNED").containsEntry("author", "pn.b.td")
                .containsEntry("authorName", "Lê Đình Thắng").containsEntry("comment", "Mục 2 cần số liệu so sánh."));
    }

    @Test
    void groupsAreNamedByRoleAndUnitOrByTheBoardsNameAndUnknownIdsStayAsTheyAre() {
        assertThat(people.groupNames(List.of("VL-B.drafters", "VL.reviewers", "VL-C.signers", "CC.clerks", "btc-tu")))
                .containsEntry("VL-B.drafters", "Chuyên viên dự thảo – Đảng ủy xã Vĩnh Tú")
                .containsEntry("VL.reviewers", "Người thẩm định – Huyện ủy Vĩnh Linh")
                .containsEntry("VL-C.signers", "Lãnh đạo ký duyệt – Đảng ủy xã Vĩnh Chấp")
                .containsEntry("CC.clerks", "Văn thư – Huyện ủy Cồn Cỏ")
                .containsEntry("btc-tu", "Ban Tổ chức Tỉnh ủy");
        assertThat(people.groupName("camunda-admin")).as("a group outside the tree: its name in the engine")
                .isNotEqualTo("camunda-admin");
        assertThat(identityService.createGroupQuery().groupId("VL-B.drafters").singleResult().getName())
                .as("the engine's group carries the same name, for Tasklist and Admin")
                .isEqualTo("Chuyên viên dự thảo – Đảng ủy xã Vĩnh Tú");
        assertThat(people.userNames(List.of("pn.b.dt", "pn.khong-co"))).as("a user the engine does not know keeps its id")
                .containsEntry("pn.b.dt", "Hồ Thị Lan").containsEntry("pn.khong-co", "pn.khong-co");

        assertThat(people.userName("pn.sau")).isEqualTo("pn.sau");
        member("pn.sau", "Minh", "Võ Văn", "VL-B.drafters");
        assertThat(people.userName("pn.sau")).as("a user created after an unknown look-up shows by name at once")
                .isEqualTo("Võ Văn Minh");
    }

    private void member(String id, String givenName, String familyAndMiddleNames, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            person(id, givenName, familyAndMiddleNames);
            identityService.createMembership(id, group);
        }
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, PASSWORD);
    }
}
