package vn.reviewcascade.approval;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.EngineLogin;
import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.report.ReviewComment.Decision;
import vn.reviewcascade.report.ReviewDecisions;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A task is completed without variables once what it completes is in the application's tables; the gateways follow
 * the decision recorded there. Through {@code /engine-rest}, any variable is refused, and so is a completion whose
 * decision was not recorded on that very task; through the engine's Java API, its {@code complete} listener refuses.
 */
class OneCompletionPathTest extends CascadeTestSupport {

    private static final String PASSWORD = "Mot-Duong-2030";

    @Autowired TestRestTemplate anonymous;
    @Autowired ReviewDecisions decisions;

    private Campaign campaign;

    @BeforeEach
    void aReportInReview() {
        user("op.cc.dt", "op.cc.dt@thu.test", PASSWORD, "CC.drafters");
        user("op.cc.td", "op.cc.td@thu.test", PASSWORD, "CC.reviewers");
        user("op.cc.kd", "op.cc.kd@thu.test", PASSWORD, "CC.signers");
        campaign = start("CC");
        complete(campaign, "CC", "DraftDocument", draft(1));
    }

    @Test
    void aCompletionThroughEngineRestCarryingAVariableIsRefusedAndTheTaskStaysOpen() {
        Task review = task(campaign, "CC", "ReviewDraft");
        for (Object variable : new Object[] {Map.of("value", true, "valueInfo", Map.of("transient", true)), Map.of("value", true)}) {
            ResponseEntity<String> refused = engineComplete("op.cc.td", review, Map.of("variables", Map.of("approved", variable)));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody()).contains("Việc này hoàn thành qua biểu mẫu của hệ thống").contains("Không nhận biến 'approved'");
        }
        assertThat(task(campaign, "CC", "ReviewDraft")).as("the review is still open").isNotNull();
        assertThat(decisionsOf(ApprovalStep.REVIEW)).as("no decision recorded").isZero();
        assertThat(runtimeService.getVariables(review.getProcessInstanceId())).isEmpty();
    }

    @Test
    void aCompletionWithoutVariablesNeedsADecisionRecordedOnThatVeryTask() {
        Task review = task(campaign, "CC", "ReviewDraft");
        ResponseEntity<String> refused = engineComplete("op.cc.td", review, Map.of());
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("Chưa có ý kiến thẩm định cho việc này");
        assertThat(task(campaign, "CC", "ReviewDraft")).as("the review is still open").isNotNull();

        // A decision given on an earlier round of the review does not decide the next one.
        sendBack(campaign, "CC", "ReviewDraft", "Mục 2 cần rõ hơn.");
        complete(campaign, "CC", "DraftDocument", Map.of());
        Task again = task(campaign, "CC", "ReviewDraft");
        assertThat(engineComplete("op.cc.td", again, Map.of()).getStatusCode().value()).isEqualTo(400);
        assertThat(task(campaign, "CC", "ReviewDraft").getId()).isEqualTo(again.getId());

        // Through the engine's Java API the task's complete listener refuses, and nothing moves either.
        EngineLogin.as(identityService, "op.cc.td", java.util.List.of("CC.reviewers"));
        try {
            assertThatThrownBy(() -> taskService.complete(again.getId())).isInstanceOf(ProcessEngineException.class)
                    .hasRootCauseInstanceOf(CompletionRefused.class);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(task(campaign, "CC", "ReviewDraft").getId()).isEqualTo(again.getId());
        assertThat(reports.find(campaign.id(), "CC").orElseThrow().status()).isEqualTo(UnitStatus.IN_REVIEW);
    }

    @Test
    void theGatewaysFollowTheDecisionRecordedOnTheTask() {
        // Returned at review: the draft opens again.
        Task review = task(campaign, "CC", "ReviewDraft");
        decisions.record(campaign.id(), "CC", DocumentKind.REPORT, ApprovalStep.REVIEW, review.getId(), false,
                "Bổ sung số liệu mục 3.", "op.cc.td");
        assertThat(engineComplete("op.cc.td", review, Map.of()).getStatusCode().value()).isEqualTo(204);
        assertThat(task(campaign, "CC", "DraftDocument")).as("returned for changes").isNotNull();
        assertThat(task(campaign, "CC", "SignDocument")).isNull();

        // Approved at review: on to the signer; returned at sign-off: back to the drafter.
        assertThat(engineComplete("op.cc.dt", task(campaign, "CC", "DraftDocument"), Map.of()).getStatusCode().value())
                .as("the draft saved before is complete").isEqualTo(204);
        review = task(campaign, "CC", "ReviewDraft");
        decisions.record(campaign.id(), "CC", DocumentKind.REPORT, ApprovalStep.REVIEW, review.getId(), true, null, "op.cc.td");
        assertThat(engineComplete("op.cc.td", review, Map.of()).getStatusCode().value()).isEqualTo(204);
        Task sign = task(campaign, "CC", "SignDocument");
        assertThat(sign).as("approved, on to the signer").isNotNull();
        decisions.record(campaign.id(), "CC", DocumentKind.REPORT, ApprovalStep.SIGN, sign.getId(), false,
                "Sửa lại phần kiến nghị.", "op.cc.kd");
        assertThat(engineComplete("op.cc.kd", sign, Map.of()).getStatusCode().value()).isEqualTo(204);
        assertThat(task(campaign, "CC", "DraftDocument")).as("returned by the signer").isNotNull();

        // And through to the end: approved at review and at sign-off, the report is issued.
        complete(campaign, "CC", "DraftDocument", Map.of());
        review = task(campaign, "CC", "ReviewDraft");
        decisions.record(campaign.id(), "CC", DocumentKind.REPORT, ApprovalStep.REVIEW, review.getId(), true, null, "op.cc.td");
        assertThat(engineComplete("op.cc.td", review, Map.of()).getStatusCode().value()).isEqualTo(204);
        sign = task(campaign, "CC", "SignDocument");
        decisions.record(campaign.id(), "CC", DocumentKind.REPORT, ApprovalStep.SIGN, sign.getId(), true, null, "op.cc.kd");
        assertThat(engineComplete("op.cc.kd", sign, Map.of()).getStatusCode().value()).isEqualTo(204);
        issueSignedDocument(sign.getProcessInstanceId());
        assertThat(reports.find(campaign.id(), "CC").orElseThrow().documentNumber()).as("signed and issued").isNotNull();
        assertThat(reportService.view(campaign.id(), "CC").comments()).extracting(ReviewComment::step, ReviewComment::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ApprovalStep.REVIEW, Decision.RETURNED),
                        org.assertj.core.groups.Tuple.tuple(ApprovalStep.REVIEW, Decision.APPROVED),
                        org.assertj.core.groups.Tuple.tuple(ApprovalStep.SIGN, Decision.RETURNED),
                        org.assertj.core.groups.Tuple.tuple(ApprovalStep.REVIEW, Decision.APPROVED),
                        org.assertj.core.groups.Tuple.tuple(ApprovalStep.SIGN, Decision.APPROVED));
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(sign.getProcessInstanceId()).count())
                .as("no variable, ever").isZero();
    }

    private ResponseEntity<String> engineComplete(String user, Task task, Map<String, Object> body) {
        return anonymous.withBasicAuth(user, PASSWORD).exchange("/engine-rest/task/" + task.getId() + "/complete",
                HttpMethod.POST, json(body), String.class);
    }

    private long decisionsOf(ApprovalStep step) {
        return reportService.view(campaign.id(), "CC").comments().stream().filter(comment -> comment.step() == step).count();
    }
}
