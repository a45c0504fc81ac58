package vn.reviewcascade.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The cascade through the engine, level by level. Together these tests must cover at least 90% of the flow
 * nodes and sequence flows of both processes (process-test-coverage fails the class otherwise).
 */
@Import({ProcessEngineCoverageConfiguration.class, CascadeProcessTest.Coverage.class})
@RecordApplicationEvents
// Last of all test classes: its context of its own must not be alive while others use the engine's REST API.
@Order(Integer.MAX_VALUE)
class CascadeProcessTest extends CascadeTestSupport {

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(0.9).build();
        }
    }

    @Autowired ProcessEngine processEngine;
    @Autowired ApplicationEvents events;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    /** Where an ended process ended: its instance's history names the end event, which has no row of its own. */
    private String endActivity(ProcessInstance instance) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getEndActivityId();
    }

    @Test
    void oneDistrictWithThreeBaseUnitsRunsFromGuidanceToSignedReport() {
        Campaign campaign = start("VL");

        ProcessInstance district = unitProcess(campaign, "VL");
        assertThat(district).isWaitingAt("IssueGuidance");
        for (String base : List.of("VL-A", "VL-B", "VL-C")) {
            assertThat(unitProcess(campaign, base)).isWaitingAt("WaitForGuidance");
            assertThat(reports.find(campaign.id(), base).orElseThrow().status()).isEqualTo(UnitStatus.WAITING_FOR_GUIDANCE);
        }
        Task guidance = task(campaign, "VL", "DraftDocument");
        assertThat(guidance.getName()).isEqualTo("Dự thảo kế hoạch hướng dẫn sơ kết – Huyện ủy Vĩnh Linh (đợt " + campaign.id() + ")");
        assertThat(guidance.getDescription()).contains("117-KH/TU").contains("23:59 ngày 30/03/2030");
        assertThat(taskService.getIdentityLinksForTask(guidance.getId()))
                .anyMatch(link -> "VL.drafters".equals(link.getGroupId()));

        issueGuidance(campaign, "VL");
        assertThat(reports.find(campaign.id(), "VL").orElseThrow().guidanceNumber()).matches("\\d+-HD/HU");
        assertThat(district).isWaitingAt("WaitForSubordinates");

        submitReport(campaign, "VL-A", draft(1));
        submitReport(campaign, "VL-B", draft(2));
        Task baseDraft = task(campaign, "VL-C", "DraftDocument");
        assertThat(baseDraft.getName()).isEqualTo("Dự thảo báo cáo sơ kết – Đảng ủy xã Vĩnh Chấp (đợt " + campaign.id() + ")");
        assertThat(baseDraft.getDueDate().toInstant()).isEqualTo(reports.find(campaign.id(), "VL-C").orElseThrow().reportDue());
        submitReport(campaign, "VL-C", draft(3));
        runJobs(campaign);

        assertThat(district).hasPassed("SubordinateReportsReceived", "ConsolidateSubordinateReports");
        ReportView consolidated = reportService.view(campaign.id(), "VL");
        assertThat(consolidated.figures()).containsEntry("partyMembers", 60L).containsEntry("newPartyMembers", 12L);
        assertThat(consolidated.subordinateTotals()).containsEntry("partyMembers", 60L);
        assertThat(consolidated.differences()).isEmpty();
        assertThat(consolidated.subordinates()).allMatch(sub -> sub.submittedAt() != null && !sub.lateAddition());

        submitReport(campaign, "VL", sections());
        runJobs(campaign);

        assertThat(district).hasPassed("DistributeReport").isEnded();
        assertThat(endActivity(district)).isEqualTo("CampaignReportFinal");
        UnitReport report = reports.find(campaign.id(), "VL").orElseThrow();
        assertThat(report.status()).isEqualTo(UnitStatus.SUBMITTED);
        assertThat(report.documentNumber()).matches("\\d+-BC/HU");
        assertThat(reports.find(campaign.id(), "VL-A").orElseThrow().documentNumber()).matches("\\d+-BC/ĐU");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(campaign.id() + "/%").list())
                .as("only the daily digest and the mail bursts wait for their next slot, where they see the campaign finished")
                .extracting(instance -> instance.getBusinessKey())
                .containsExactlyInAnyOrder(campaign.id() + "/bursts", campaign.id() + "/digest");
    }

    @Test
    void reviewerAndSignerCanReturnTheDraftWithACommentThatIsKept() {
        Campaign campaign = start("CC");
        ProcessInstance unit = unitProcess(campaign, "CC");
        // Straight to its report (gateways leave no history: see AuditHistory).
        assertThat(unit).isWaitingAt("ApproveReport").hasNotPassed("IssueGuidance");

        complete(campaign, "CC", "DraftDocument", draft(1));
        assertThat(reports.find(campaign.id(), "CC").orElseThrow().status()).isEqualTo(UnitStatus.IN_REVIEW);
        assertThatThrownBy(() -> complete(campaign, "CC", "ReviewDraft", Map.of("approved", false)))
                .hasMessageContaining("Trả lại để sửa thì phải ghi rõ ý kiến cần sửa");
        assertThatThrownBy(() -> complete(campaign, "CC", "ReviewDraft", Map.of()))
                .hasMessageContaining("Hãy chọn Đồng ý hoặc Trả lại để sửa");
        assertThat(task(campaign, "CC", "ReviewDraft")).as("a refused decision leaves the task open").isNotNull();

        person("user.CC", "Hoa", "Nguyễn Thị");
        sendBack(campaign, "CC", "ReviewDraft", "Mục 4 cần nêu số liệu cụ thể hơn.");
        assertThat(reports.find(campaign.id(), "CC").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        assertThat(task(campaign, "CC", "DraftDocument").getDescription()).as("the returned draft says by whom (by name) and why")
                .startsWith("Bị trả lại để sửa ở bước thẩm định (Nguyễn Thị Hoa, ").contains("“Mục 4 cần nêu số liệu cụ thể hơn.”")
                .doesNotContain("user.CC");
        complete(campaign, "CC", "DraftDocument", Map.of("section4", "Đã thành lập 3 tổ chức đảng mới."));
        approve(campaign, "CC", "ReviewDraft");
        sendBack(campaign, "CC", "SignDocument", "Bổ sung bài học kinh nghiệm ở mục 5.");
        complete(campaign, "CC", "DraftDocument", Map.of());
        approve(campaign, "CC", "ReviewDraft");
        approve(campaign, "CC", "SignDocument");

        assertThat(unit).isEnded();
        List<ReviewComment> comments = reportService.view(campaign.id(), "CC").comments();
        assertThat(comments).extracting(ReviewComment::step, ReviewComment::decision).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ApprovalStep.REVIEW, ReviewComment.Decision.RETURNED),
                org.assertj.core.groups.Tuple.tuple(ApprovalStep.REVIEW, ReviewComment.Decision.APPROVED),
                org.assertj.core.groups.Tuple.tuple(ApprovalStep.SIGN, ReviewComment.Decision.RETURNED),
                org.assertj.core.groups.Tuple.tuple(ApprovalStep.REVIEW, ReviewComment.Decision.APPROVED),
                org.assertj.core.groups.Tuple.tuple(ApprovalStep.SIGN, ReviewComment.Decision.APPROVED));
        assertThat(comments.get(0).comment()).isEqualTo("Mục 4 cần nêu số liệu cụ thể hơn.");
        assertThat(comments.get(0).author()).as("the id, for programs").isEqualTo("user.CC");
        assertThat(comments.get(0).authorName()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(reportService.view(campaign.id(), "CC").sections()).containsEntry("section4", "Đã thành lập 3 tổ chức đảng mới.");
    }

    @Test
    void aLateBaseUnitIsEscalatedOnceAndItsReportIsCountedAfterTheDistrictConsolidated() {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        submitReport(campaign, "VL-B", draft(2));
        runJobs(campaign);
        assertThat(unitProcess(campaign, "VL")).isWaitingAt("WaitForSubordinates");

        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobs(campaign);

        ProcessInstance late = unitProcess(campaign, "VL-C");
        assertThat(late).isWaitingAt("ReportOverdue").hasPassed("RaiseEscalation");
        assertThat(reports.find(campaign.id(), "VL-C").orElseThrow().overdue()).isTrue();
        List<EscalationRaised> raised = events.stream(EscalationRaised.class)
                .filter(e -> e.campaignId() == campaign.id()).toList();
        assertThat(raised).singleElement().satisfies(e -> {
            assertThat(e.unitCode()).isEqualTo("VL-C");
            assertThat(e.parentCode()).isEqualTo("VL");
            assertThat(e.organisingGroup()).isEqualTo("bdv-tu");
        });
        ProcessInstance district = unitProcess(campaign, "VL");
        assertThat(district).hasPassed("SubordinatesDeadlinePassed", "ConsolidateSubordinateReports");
        assertThat(reportService.view(campaign.id(), "VL").figures()).containsEntry("partyMembers", 30L);

        moveClockTo("2030-10-05T00:00:00+07:00");
        runJobs(campaign);
        assertThat(events.stream(EscalationRaised.class).filter(e -> e.campaignId() == campaign.id())).hasSize(1);

        submitReport(campaign, "VL-C", draft(3));
        runJobs(campaign);

        assertThat(late).isEnded();
        UnitReport lateReport = reports.find(campaign.id(), "VL-C").orElseThrow();
        assertThat(lateReport.submittedLate()).isTrue();
        assertThat(lateReport.overdue()).isFalse();
        ReportView view = reportService.view(campaign.id(), "VL");
        assertThat(view.subordinateTotals()).as("the late report is counted").containsEntry("partyMembers", 60L);
        assertThat(view.subordinates()).filteredOn(sub -> sub.unitCode().equals("VL-C")).singleElement()
                .satisfies(sub -> assertThat(sub.lateAddition()).isTrue());
        assertThat(view.figures()).as("the district's own annex is its own").containsEntry("partyMembers", 30L);
        assertThat(view.differences()).containsEntry("partyMembers", -30L);
    }

    @Test
    void aChangedParentFigureKeepsItsDifferenceFromTheSubordinatesSum() {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        for (String base : List.of("VL-A", "VL-B", "VL-C")) {
            submitReport(campaign, base, draft(1));
        }
        runJobs(campaign);

        Map<String, Object> corrected = new HashMap<>(sections());
        corrected.put("partyMembers", 35);
        submitReport(campaign, "VL", corrected);

        ReportView view = reportService.view(campaign.id(), "VL");
        assertThat(view.subordinateTotals()).containsEntry("partyMembers", 30L);
        assertThat(view.figures()).containsEntry("partyMembers", 35L);
        assertThat(view.differences()).containsExactly(Map.entry("partyMembers", 5L));
    }

    @Test
    void theProvinceConsolidatesThroughBanDanVanAndTheStandingBoardSigns() {
        Campaign campaign = start("TU");
        Task guidance = task(campaign, "TU", "DraftDocument");
        assertThat(taskService.getIdentityLinksForTask(guidance.getId()))
                .as("Ban Tổ chức advises the provincial guidance").anyMatch(link -> "btc-tu".equals(link.getGroupId()));
        complete(campaign, "TU", "DraftDocument", guidance());
        Task sign = task(campaign, "TU", "SignDocument");
        assertThat(taskService.getIdentityLinksForTask(sign.getId())).anyMatch(link -> "btv-tu".equals(link.getGroupId()));
        approve(campaign, "TU", "SignDocument");
        runJobs(campaign);

        assertThat(unitProcess(campaign, "VL")).isWaitingAt("IssueGuidance");
        submitReport(campaign, "CC", draft(4));
        runJobs(campaign);

        // Vĩnh Linh never issues its guidance: its base units start on their own when the guidance deadline passes.
        moveClockTo("2030-04-01T00:00:00+07:00");
        runJobs(campaign);
        assertThat(unitProcess(campaign, "VL-A")).hasPassed("GuidanceDeadlinePassed").isWaitingAt("ApproveReport");

        // Nothing more arrives: the province consolidates at the submission deadline with what it has.
        moveClockTo("2030-11-11T00:00:00+07:00");
        runJobs(campaign);
        ProcessInstance province = unitProcess(campaign, "TU");
        assertThat(province).hasPassed("SubordinatesDeadlinePassed");
        assertThat(reports.find(campaign.id(), "VL").orElseThrow().overdue()).isTrue();
        assertThat(reportService.view(campaign.id(), "TU").figures()).containsEntry("partyMembers", 40L);
        Task draft = task(campaign, "TU", "DraftDocument");
        assertThat(taskService.getIdentityLinksForTask(draft.getId())).anyMatch(link -> "bdv-tu".equals(link.getGroupId()));

        submitReport(campaign, "TU", sections());

        assertThat(province).isEnded();
        assertThat(endActivity(province)).isEqualTo("CampaignReportFinal");
        assertThat(reports.find(campaign.id(), "TU").orElseThrow().documentNumber()).matches("\\d+-BC/TU");
        assertThat(events.stream(EscalationRaised.class).filter(e -> e.campaignId() == campaign.id()))
                .extracting(EscalationRaised::unitCode).containsExactlyInAnyOrder("VL", "VL-A", "VL-B", "VL-C");
    }
}
