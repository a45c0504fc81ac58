package vn.reviewcascade.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.notification.MailKind;
import vn.reviewcascade.notification.MailOutbox;
import vn.reviewcascade.notification.OutboxEntry;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample plan (two levels, four sections, ten figures, nothing of KH 117) over the tree of the 2026 shape: the
 * Tỉnh ủy and its 82 Party committees of communes, wards, the special zone and those directly under it, whose chi
 * bộ the plan does not reach. One context of its own, with the 2026 tree; it ends with the class.
 */
@TestPropertySource(properties = {
        "review-cascade.units-file=classpath:units/quang-tri-2026.csv",
        "review-cascade.notifications.distribution.btvtu=ban-thuong-vu@quangtri.test"})
@DirtiesContext
@Order(Integer.MAX_VALUE - 1)
class SamplePlanCascadeTest extends CascadeTestSupport {

    private static final String SAMPLE = "900-KH/TU";
    private static final Plan PLAN = TestPlans.sample();

    @Autowired MailOutbox outbox;

    @Test
    void theSamplePlanRunsOverTheTreeOf2026FromGuidanceToDistribution() {
        Campaign campaign = start(SAMPLE, "TU", null);
        List<UnitReport> units = reports.findAll(campaign.id());
        assertThat(units).as("the Tỉnh ủy and its 82 committees; the plan does not reach the chi bộ").hasSize(83)
                .extracting(UnitReport::level).containsOnly("PROVINCE", "COMMUNE");
        assertThat(campaign.deadlines().reportDue("COMMUNE")).isEqualTo(at(YEAR + "-10-31"));
        assertThat(campaign.deadlines().subordinatesDue("PROVINCE")).isEqualTo(at(YEAR + "-11-05"));

        // The province issues the plan's guidance; its committees wait for it.
        assertThat(task(campaign, "TU", "DraftDocument").getName())
                .isEqualTo("Dự thảo hướng dẫn sơ kết – Tỉnh ủy Quảng Trị (đợt " + campaign.id() + ")");
        assertThat(reports.find(campaign.id(), "X-NAM-HAI-LANG").orElseThrow().status()).isEqualTo(UnitStatus.WAITING_FOR_GUIDANCE);
        issueGuidance(campaign, "TU");
        assertThat(task(campaign, "DK-CON-CO", "DraftDocument").getName())
                .isEqualTo("Dự thảo báo cáo sơ kết – Đảng ủy đặc khu Cồn Cỏ (đợt " + campaign.id() + ")");

        List<String> communes = units.stream().filter(unit -> unit.level().equals("COMMUNE")).map(UnitReport::unitCode).toList();
        String returned = "DK-CON-CO";
        String late = "DUTT-CA";
        for (String commune : communes) {
            if (!commune.equals(returned) && !commune.equals(late)) {
                submitReport(campaign, commune, draft(PLAN, 1));
            }
        }
        // A draft returned at review comes back to its drafters with the comment, and goes through when revised.
        complete(campaign, returned, "DraftDocument", draft(PLAN, 1));
        sendBack(campaign, returned, "ReviewDraft", "Mục Bài học kinh nghiệm cần cụ thể hơn.");
        complete(campaign, returned, "DraftDocument", Map.of("lessons", "Chuyển đổi số phải bắt đầu từ chi bộ."));
        approve(campaign, returned, "ReviewDraft");
        approve(campaign, returned, "SignDocument");
        runJobs(campaign);

        // One committee misses 31/10: it is escalated once; the province still waits until 05/11.
        moveClockTo(YEAR + "-11-01T08:00:00+07:00");
        runJobs(campaign);
        UnitReport overdue = reports.find(campaign.id(), late).orElseThrow();
        assertThat(overdue.overdue()).isTrue();
        assertThat(outbox.findByCampaign(campaign.id())).filteredOn(mail -> mail.kind() == MailKind.ESCALATION)
                .singleElement().satisfies(mail -> assertThat(mail.unitCode()).isEqualTo(late));
        assertThat(reports.find(campaign.id(), "TU").orElseThrow().status()).isEqualTo(UnitStatus.WAITING_FOR_SUBORDINATES);

        // Its report arrives late; with every committee in, the province consolidates their figures.
        submitReport(campaign, late, draft(PLAN, 1));
        runJobs(campaign);
        assertThat(reports.find(campaign.id(), late).orElseThrow().submittedLate()).isTrue();
        ReportView consolidated = reportService.view(campaign.id(), "TU");
        assertThat(consolidated.subordinateTotals()).containsEntry("members", 820L).containsEntry("appMembers", 164L)
                .containsOnlyKeys(PLAN.indicators().stream().map(Plan.Indicator::key).toList());
        assertThat(consolidated.figures()).as("pre-filled with the sum").containsEntry("members", 820L);

        // The province corrects one figure against the sum: the difference is kept and shown.
        Map<String, Object> provinceDraft = new HashMap<>(sections(PLAN));
        provinceDraft.put("members", 825);
        submitReport(campaign, "TU", provinceDraft);
        runJobs(campaign);

        ReportView report = reportService.view(campaign.id(), "TU");
        assertThat(report.unit().status()).isEqualTo(UnitStatus.SUBMITTED);
        assertThat(report.unit().documentNumber()).matches("\\d+-BC/TU");
        assertThat(report.differences()).containsExactly(Map.entry("members", 5L));
        assertThat(report.sections()).containsOnlyKeys("implementation", "assessment", "lessons", "directions");
        assertThat(reportService.view(campaign.id(), returned).comments()).extracting(ReviewComment::decision)
                .containsExactly(ReviewComment.Decision.RETURNED, ReviewComment.Decision.APPROVED, ReviewComment.Decision.APPROVED);
        assertThat(reportService.view(campaign.id(), returned).sections())
                .containsEntry("lessons", "Chuyển đổi số phải bắt đầu từ chi bộ.");

        // The signed provincial report goes to the sample plan's own "Nơi nhận".
        OutboxEntry distribution = outbox.findByCampaign(campaign.id()).stream()
                .filter(mail -> mail.kind() == MailKind.DISTRIBUTION).findFirst().orElseThrow();
        assertThat(distribution.recipients()).containsExactly("ban-thuong-vu@quangtri.test");
        assertThat(distribution.subject()).isEqualTo("Kế hoạch 900-KH/TU: Báo cáo sơ kết số "
                + report.unit().documentNumber() + " của Tỉnh ủy Quảng Trị");
        assertThat(distribution.skipped()).contains("Các đảng ủy xã, phường, đặc khu và đảng ủy trực thuộc: không có địa chỉ thư");
    }

    private static java.time.Instant at(String day) {
        return java.time.LocalDate.parse(day).atTime(23, 59, 59).atZone(vn.reviewcascade.Vietnam.ZONE).toInstant();
    }
}
