package vn.reviewcascade.report;

import java.io.File;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a unit stands is derived from its facts and the engine's token, never stored: these tests follow units
 * through the cascade, including one whose missed deadline put a second token in its process (the escalation waiting
 * at "Báo cáo quá hạn"), and check the derivation against the process file it reads.
 */
class UnitStatesTest extends CascadeTestSupport {

    @Test
    void theActivitiesTheDerivationReadsAreWaitStatesOfTheUnitProcess() {
        BpmnModelInstance unitReview = Bpmn.readModelFromFile(new File("processes/unitReview.bpmn"));
        for (String activity : List.of(UnitStates.WAITING_FOR_GUIDANCE, UnitStates.ISSUING_GUIDANCE,
                UnitStates.WAITING_FOR_SUBORDINATES, UnitStates.APPROVING_REPORT)) {
            assertThat((Object) unitReview.getModelElementById(activity)).as(activity).isNotNull();
        }
    }

    @Test
    void eachWaitAndStepGivesItsStatusAndAnApprovalBetweenTasksIsBeingSigned() {
        assertThat(UnitStates.status(false, false, false, null, null)).isEqualTo(UnitStatus.NOT_STARTED);
        assertThat(UnitStates.status(false, false, false, "WaitForGuidance", null)).isEqualTo(UnitStatus.WAITING_FOR_GUIDANCE);
        assertThat(UnitStates.status(false, false, false, "IssueGuidance", "DraftDocument")).isEqualTo(UnitStatus.DRAFTING_GUIDANCE);
        assertThat(UnitStates.status(false, false, false, "IssueGuidance", "SignDocument")).isEqualTo(UnitStatus.SIGNING_GUIDANCE);
        assertThat(UnitStates.status(false, false, false, "IssueGuidance", null)).isEqualTo(UnitStatus.SIGNING_GUIDANCE);
        assertThat(UnitStates.status(false, false, false, "WaitForSubordinates", null)).isEqualTo(UnitStatus.WAITING_FOR_SUBORDINATES);
        assertThat(UnitStates.status(false, false, false, "ApproveReport", "DraftDocument")).isEqualTo(UnitStatus.DRAFTING);
        assertThat(UnitStates.status(false, false, false, "ApproveReport", "ReviewDraft")).isEqualTo(UnitStatus.IN_REVIEW);
        assertThat(UnitStates.status(false, false, false, "ApproveReport", "SignDocument")).isEqualTo(UnitStatus.SIGNING);
        assertThat(UnitStates.status(false, false, false, "ApproveReport", null)).isEqualTo(UnitStatus.SIGNING);
        assertThat(UnitStates.status(true, false, false, null, null)).isEqualTo(UnitStatus.SUBMITTED);
        assertThat(UnitStates.status(true, false, true, null, null)).as("what was sent stays sent").isEqualTo(UnitStatus.SUBMITTED);
        assertThat(UnitStates.status(false, false, true, null, null)).isEqualTo(UnitStatus.ENDED);
        assertThat(UnitStates.status(false, true, false, "ApproveReport", "DraftDocument")).isEqualTo(UnitStatus.RETIRED);
        assertThat(UnitStates.status(true, true, false, null, null)).as("a report sent before the reorganisation stays sent")
                .isEqualTo(UnitStatus.SUBMITTED);
    }

    @Test
    void anOverdueUnitStandsWhereItsWorkIsAndTheCountsAgreeWithEachUnit() {
        Campaign campaign = start("VL");
        assertThat(status(campaign, "VL")).isEqualTo(UnitStatus.DRAFTING_GUIDANCE);
        assertThat(status(campaign, "VL-A")).isEqualTo(UnitStatus.WAITING_FOR_GUIDANCE);
        issueGuidance(campaign, "VL");
        assertThat(status(campaign, "VL")).isEqualTo(UnitStatus.WAITING_FOR_SUBORDINATES);
        assertThat(status(campaign, "VL-A")).isEqualTo(UnitStatus.DRAFTING);
        submitReport(campaign, "VL-A", draft(1));
        assertThat(status(campaign, "VL-A")).isEqualTo(UnitStatus.SUBMITTED);

        // VL-B and VL-C miss the base units' deadline; the district stops waiting and drafts its own report.
        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobs(campaign);
        assertThat(unitProcess(campaign, "VL-B").getId()).isNotNull();
        assertThat(reports.find(campaign.id(), "VL-B").orElseThrow().overdue()).isTrue();
        assertThat(status(campaign, "VL-B")).isEqualTo(UnitStatus.DRAFTING);
        assertThat(status(campaign, "VL")).isEqualTo(UnitStatus.DRAFTING);

        complete(campaign, "VL-B", "DraftDocument", draft(2));
        assertThat(status(campaign, "VL-B")).isEqualTo(UnitStatus.IN_REVIEW);
        sendBack(campaign, "VL-B", "ReviewDraft", "Bổ sung số liệu mục 4.");
        assertThat(status(campaign, "VL-B")).as("returned to its drafter").isEqualTo(UnitStatus.DRAFTING);
        complete(campaign, "VL-B", "DraftDocument", draft(2));
        approve(campaign, "VL-B", "ReviewDraft");
        assertThat(status(campaign, "VL-B")).isEqualTo(UnitStatus.SIGNING);

        CampaignProgress progress = reports.progress(campaign.id());
        assertThat(progress.countsByStatus()).containsEntry(UnitStatus.SUBMITTED, 1L).containsEntry(UnitStatus.SIGNING, 1L)
                .containsEntry(UnitStatus.DRAFTING, 2L).containsEntry(UnitStatus.WAITING_FOR_GUIDANCE, 0L);
        assertThat(progress.overdue()).isEqualTo(2);
        assertThat(reports.findAll(campaign.id())).extracting(UnitReport::status)
                .containsExactlyInAnyOrder(UnitStatus.DRAFTING, UnitStatus.SUBMITTED, UnitStatus.SIGNING, UnitStatus.DRAFTING);

        approve(campaign, "VL-B", "SignDocument");
        assertThat(status(campaign, "VL-B")).isEqualTo(UnitStatus.SUBMITTED);
        assertThat(reports.find(campaign.id(), "VL-B").orElseThrow().submittedLate()).isTrue();
    }

    private UnitStatus status(Campaign campaign, String unit) {
        return reports.find(campaign.id(), unit).orElseThrow().status();
    }
}
