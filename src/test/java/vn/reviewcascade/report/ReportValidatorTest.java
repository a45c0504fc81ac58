package vn.reviewcascade.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReportValidatorTest {

    @Test
    void countsAcceptWholeNumbersInTheFormsJsonAndFormsSendThem() {
        ReportChanges changes = ReportValidator.parse(Map.of(), Map.of("partyMembers", 12, "newPartyMembers", 3L,
                "tradeUnions", "7", "youthOrgs", 4.0, "womenBranches", new BigDecimal("2")));
        assertThat(changes.figures()).containsEntry(Indicator.PARTY_MEMBERS, 12L).containsEntry(Indicator.NEW_PARTY_MEMBERS, 3L)
                .containsEntry(Indicator.TRADE_UNIONS, 7L).containsEntry(Indicator.YOUTH_ORGS, 4L)
                .containsEntry(Indicator.WOMEN_BRANCHES, 2L);
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
        sections.put("section3", "x".repeat(ReportValidator.MAX_SECTION_LENGTH + 1));

        List<FieldError> errors = catchThrowableOfType(InvalidInputException.class,
                () -> ReportValidator.parse(sections, figures)).errors();

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
                "Không có mục 'section9' trong báo cáo (chỉ có section1 đến section6)",
                "Mục 3 dài 100,001 ký tự, quá giới hạn 100,000 ký tự");
    }

    @Test
    void aPartNeverExceedsItsWhole() {
        ReportContent content = ReportContent.empty().with(ReportValidator.parse(Map.of(), Map.of(
                "partyOrgs", 5, "newPartyOrgs", 6, "partyCommittees", 5, "enterprises", 100, "eligibleEnterprises", 101,
                "tradeUnionMembers", 40, "newTradeUnionMembers", 40)));
        assertThat(ReportValidator.checkConsistency(content)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("newPartyOrgs", "eligibleEnterprises");
        assertThat(ReportValidator.checkConsistency(content)).extracting(FieldError::message).contains(
                "\"Tổ chức đảng thành lập mới trong kỳ\" (6) không được lớn hơn \"Tổ chức đảng trong doanh nghiệp\" (5)");
    }

    @Test
    void aPartWithoutItsWholeIsNotYetInconsistent() {
        ReportContent content = ReportContent.empty().with(ReportValidator.parse(Map.of(), Map.of("newPartyMembers", 4)));
        assertThat(ReportValidator.checkConsistency(content)).isEmpty();
    }

    @Test
    void aCompleteReportHasEverySectionAndEveryFigure() {
        Map<String, Object> sections = new HashMap<>();
        for (Section section : Section.values()) {
            sections.put(section.key(), "Nội dung");
        }
        sections.put("section5", "   ");
        ReportContent content = ReportContent.empty().with(ReportValidator.parse(sections, Map.of("partyMembers", 0)));

        List<FieldError> missing = ReportValidator.checkComplete(content);

        assertThat(missing).extracting(FieldError::field).contains("section5").doesNotContain("section1", "partyMembers")
                .hasSize(1 + Indicator.values().length - 1);
        assertThat(missing.get(0).message()).isEqualTo("Mục 5 (" + Section.ASSESSMENT.title() + ") chưa được viết");
    }

    @Test
    void nullClearsASavedValue() {
        ReportContent saved = ReportContent.empty().with(ReportValidator.parse(Map.of("section1", "Có"), Map.of("partyMembers", 9)));
        Map<String, Object> clear = new HashMap<>();
        clear.put("partyMembers", null);
        assertThat(saved.with(ReportValidator.parse(Map.of(), clear)).figures()).isEmpty();
    }
}
