package vn.reviewcascade.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.Limits;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.plan.Plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReportValidatorTest {

    private static final Plan PLAN = TestPlans.kh117();

    @Test
    void countsAcceptWholeNumbersInTheFormsJsonAndFormsSendThem() {
        ReportChanges changes = ReportValidator.parse(PLAN, Map.of(), Map.of("partyMembers", 12, "newPartyMembers", 3L,
                "tradeUnions", "7", "youthOrgs", 4.0, "womenBranches", new BigDecimal("2")));
        assertThat(changes.figures()).containsEntry("partyMembers", 12L).containsEntry("newPartyMembers", 3L)
                .containsEntry("tradeUnions", 7L).containsEntry("youthOrgs", 4L).containsEntry("womenBranches", 2L);
    }

    @Test
    void everyMalformedValueIsNamed() {
        Map<String, Object> figures = new HashMap<>();
        figures.put("partyMembers", -2);
        figures.put("newPartyMembers", 1.5);
        figures.put("tradeUnions", "12a");
        figures.put("youthOrgs", true);
        figures.put("youthMembers", 2_000_000_000L);
        figures.put("revenue", 5);
        Map<String, Object> sections = new HashMap<>();
        sections.put("section2", 42);
        sections.put("section9", "…");
        sections.put("section3", "x".repeat(Limits.MAX_WRITTEN_TEXT + 1));

        List<FieldError> errors = catchThrowableOfType(InvalidInputException.class,
                () -> ReportValidator.parse(PLAN, sections, figures)).errors();

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("partyMembers", "newPartyMembers",
                "tradeUnions", "youthOrgs", "youthMembers", "revenue", "section2", "section9", "section3");
        assertThat(errors).extracting(FieldError::message).contains(
                "\"Đảng viên trong doanh nghiệp\" không được là số âm (-2)",
                "\"Đảng viên kết nạp mới trong kỳ\" phải là số nguyên, không được có phần lẻ (1.5)",
                "\"Công đoàn cơ sở\" phải là số nguyên, không phải \"12a\"",
                "\"Tổ chức đoàn thanh niên (đoàn, chi đoàn)\" phải là số nguyên",
                "\"Đoàn viên thanh niên\" quá lớn (tối đa 1,000,000,000)",
                "Không có chỉ tiêu 'revenue' trong phụ lục số liệu",
                "Mục 2 phải là văn bản",
                "Không có mục 'section9' trong đề cương báo cáo (chỉ có: section1, section2, section3, section4, section5, section6)",
                "Mục 3 dài 100,001 ký tự, quá giới hạn 100,000 ký tự");
    }

    @Test
    void aPartNeverExceedsItsWhole() {
        ReportContent content = ReportContent.empty().with(ReportValidator.parse(PLAN, Map.of(), Map.of(
                "partyOrgs", 5, "newPartyOrgs", 6, "partyCommittees", 5, "enterprises", 100, "eligibleEnterprises", 101,
                "tradeUnionMembers", 40, "newTradeUnionMembers", 40)));
        assertThat(ReportValidator.checkConsistency(PLAN, content)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("newPartyOrgs", "eligibleEnterprises");
        assertThat(ReportValidator.checkConsistency(PLAN, content)).extracting(FieldError::message).contains(
                "\"Tổ chức đảng thành lập mới trong kỳ\" (6) không được lớn hơn \"Tổ chức đảng trong doanh nghiệp\" (5)");
    }

    @Test
    void aPartWithoutItsWholeIsNotYetInconsistent() {
        ReportContent content = ReportContent.empty().with(ReportValidator.parse(PLAN, Map.of(), Map.of("newPartyMembers", 4)));
        assertThat(ReportValidator.checkConsistency(PLAN, content)).isEmpty();
    }

    @Test
    void aCompleteReportHasEverySectionAndEveryFigure() {
        Map<String, Object> sections = new HashMap<>();
        for (Plan.Section section : PLAN.sections()) {
            sections.put(section.key(), "Nội dung");
        }
        sections.put("section5", "   ");
        ReportContent content = ReportContent.empty().with(ReportValidator.parse(PLAN, sections, Map.of("partyMembers", 0)));

        List<FieldError> missing = ReportValidator.checkComplete(PLAN, content);

        assertThat(missing).extracting(FieldError::field).contains("section5").doesNotContain("section1", "partyMembers")
                .hasSize(1 + PLAN.indicators().size() - 1);
        assertThat(missing.get(0).message()).isEqualTo("Mục 5 (" + PLAN.section("section5").orElseThrow().title() + ") chưa được viết");
    }

    @Test
    void aFigureStaysWithinTheBoundsItsPlanSets() {
        Plan sample = TestPlans.sample();
        List<FieldError> errors = catchThrowableOfType(InvalidInputException.class,
                () -> ReportValidator.parse(sample, Map.of(), Map.of("cells", 5001, "members", 5001))).errors();
        assertThat(errors).singleElement().isEqualTo(new FieldError("cells",
                "\"Chi bộ trực thuộc\" phải từ 0 đến 5,000 (5,001)"));
        assertThat(ReportValidator.parse(sample, Map.of(), Map.of("cells", 5000)).figures()).containsEntry("cells", 5000L);
    }

    @Test
    void anotherPlansKeysAreNotThisPlans() {
        List<FieldError> errors = catchThrowableOfType(InvalidInputException.class, () -> ReportValidator.parse(
                TestPlans.sample(), Map.of("section1", "x"), Map.of("partyMembers", 1))).errors();
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("section1", "partyMembers");
    }

    @Test
    void nullClearsASavedValue() {
        ReportContent saved = ReportContent.empty().with(ReportValidator.parse(PLAN, Map.of("section1", "Có"), Map.of("partyMembers", 9)));
        Map<String, Object> clear = new HashMap<>();
        clear.put("partyMembers", null);
        assertThat(saved.with(ReportValidator.parse(PLAN, Map.of(), clear)).figures()).isEmpty();
    }
}
