package vn.reviewcascade.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.Limits;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report as long as the system allows — six sections of 100,000 characters, comments of 10,000 — goes through
 * draft, review, return, redraft, review and sign-off over HTTP, as Tasklist's forms send it, and comes back
 * character for character; the engine keeps no copy of it anywhere. CI runs this on H2 and on PostgreSQL.
 */
class LongReportTest extends CascadeTestSupport {

    private static final String PASSWORD = "Bao-Cao-Dai-2030";
    /** The length docs/security.md promises for a section. */
    private static final int SECTION_LIMIT = 100_000;

    @Autowired TestRestTemplate anonymous;

    @Test
    void sectionsOfAHundredThousandCharactersAndLongCommentsGoThroughTheWholeApproval() {
        user("lr.dt", "lr.dt@thu.test", PASSWORD, "CC.drafters");
        user("lr.td", "lr.td@thu.test", PASSWORD, "CC.reviewers");
        user("lr.kd", "lr.kd@thu.test", PASSWORD, "CC.signers");
        Campaign campaign = start("CC");
        Map<String, Object> sections = new HashMap<>();
        for (Plan.Section section : TestPlans.kh117().sections()) {
            sections.put(section.key(), text(SECTION_LIMIT, "Mục " + section.number()));
        }
        Map<String, Object> figures = new HashMap<>(draft(3));
        sections.keySet().forEach(figures::remove);
        String returnComment = text(Limits.MAX_COMMENT, "Trả lại");
        String approval = text(Limits.MAX_COMMENT, "Đồng ý");

        String draft = task(campaign, "CC", "DraftDocument").getId();
        assertThat(complete("lr.dt", draft, Map.of("sections", sections, "figures", figures)).getStatusCode().value()).isEqualTo(204);
        String review = task(campaign, "CC", "ReviewDraft").getId();
        assertThat(complete("lr.td", review, Map.of("approved", false, "comment", returnComment)).getStatusCode().value()).isEqualTo(204);

        ReportView returned = reportService.view(campaign.id(), "CC");
        Map<String, Object> redraft = Map.of("version", returned.version(),
                "sections", Map.of("section4", text(SECTION_LIMIT, "Mục 4 sửa lại")));
        String second = task(campaign, "CC", "DraftDocument").getId();
        assertThat(complete("lr.dt", second, redraft).getStatusCode().value()).isEqualTo(204);
        assertThat(complete("lr.td", task(campaign, "CC", "ReviewDraft").getId(), Map.of("approved", true, "comment", approval))
                .getStatusCode().value()).isEqualTo(204);
        Task signOff = task(campaign, "CC", "SignDocument");
        assertThat(complete("lr.kd", signOff.getId(), Map.of("approved", true, "comment", approval))
                .getStatusCode().value()).isEqualTo(204);
        issueSignedDocument(signOff.getProcessInstanceId());

        ReportView signed = reportService.view(campaign.id(), "CC");
        assertThat(signed.unit().status()).isEqualTo(UnitStatus.SUBMITTED);
        for (Plan.Section section : TestPlans.kh117().sections()) {
            String expected = section.key().equals("section4") ? text(SECTION_LIMIT, "Mục 4 sửa lại")
                    : (String) sections.get(section.key());
            assertThat(signed.sections().get(section.key())).as(section.key()).hasSize(100_000).isEqualTo(expected);
        }
        List<ReviewComment> comments = signed.comments();
        assertThat(comments).extracting(ReviewComment::comment).containsExactly(returnComment, approval, approval);
        List<String> approvals = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("documentApproval")
                .processInstanceBusinessKeyLike(campaign.id() + "/CC/%").list().stream().map(instance -> instance.getId()).toList();
        assertThat(approvals).isNotEmpty();
        for (String instance : approvals) {
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).count())
                    .as("no variable of the approval %s is kept in history", instance).isZero();
            assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).count()).isZero();
        }
    }

    /** Vietnamese text of exactly the given length, with line breaks, starting with a label. */
    private static String text(int length, String label) {
        String paragraph = label + ": Đảng ủy đã lãnh đạo quán triệt Đề án, kết nạp đảng viên mới trong doanh nghiệp ngoài nhà nước.\n";
        StringBuilder text = new StringBuilder(length + paragraph.length());
        while (text.length() < length) {
            text.append(paragraph);
        }
        return text.substring(0, length);
    }

    private ResponseEntity<String> complete(String user, String taskId, Map<String, Object> body) {
        return anonymous.withBasicAuth(user, PASSWORD).exchange("/api/tasks/" + taskId + "/complete", HttpMethod.POST,
                json(body), String.class);
    }
}
