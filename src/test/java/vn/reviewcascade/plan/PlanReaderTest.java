package vn.reviewcascade.plan;

import java.time.Duration;
import java.time.MonthDay;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.reviewcascade.Limits;
import vn.reviewcascade.TestPlans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlanReaderTest {

    @Test
    void kh117IsTheFirstPlanFileAndSaysWhatTheCodeUsedToSay() {
        Plan plan = TestPlans.kh117();
        assertThat(plan.number()).isEqualTo("117-KH/TU");
        assertThat(plan.kind()).isEqualTo("sơ kết");
        assertThat(plan.organisingGroup()).isEqualTo("bdv-tu");
        assertThat(plan.levelKeys()).containsExactly("PROVINCE", "DISTRICT", "BASE");
        assertThat(plan.level("DISTRICT").orElseThrow()).satisfies(district -> {
            assertThat(district.name()).isEqualTo("cấp huyện");
            assertThat(district.issuesGuidance()).isTrue();
            assertThat(district.guidanceDue()).isEqualTo(MonthDay.of(3, 30));
            assertThat(district.subordinatesDue()).isEqualTo(MonthDay.of(9, 30));
            assertThat(district.reportDue()).isEqualTo(MonthDay.of(10, 30));
            assertThat(district.reminders()).containsExactly(Duration.ofDays(7), Duration.ofDays(1));
        });
        assertThat(plan.level("PROVINCE").orElseThrow().subordinatesDue()).isEqualTo(MonthDay.of(11, 10));
        assertThat(plan.level("PROVINCE").orElseThrow().signature())
                .isEqualTo(new Plan.Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
        assertThat(plan.sections()).extracting(Plan.Section::key)
                .containsExactly("section1", "section2", "section3", "section4", "section5", "section6");
        assertThat(plan.annex().groups()).hasSize(6);
        assertThat(plan.indicators()).hasSize(23);
        assertThat(plan.indicator("newPartyMembers").orElseThrow().partOf()).isEqualTo("partyMembers");
        assertThat(plan.distribution()).hasSize(7).first()
                .isEqualTo(new Plan.Recipient("Ban Bí thư Trung ương", "b/c", "bbt"));
    }

    @Test
    void theSamplePlanSharesNothingWithKh117() {
        Plan sample = TestPlans.sample();
        Plan kh117 = TestPlans.kh117();
        assertThat(sample.title()).contains("kế hoạch mẫu");
        assertThat(sample.levelKeys()).containsExactly("PROVINCE", "COMMUNE");
        assertThat(sample.sections()).hasSize(4);
        assertThat(sample.annex().groups()).hasSize(2);
        assertThat(sample.indicators()).hasSize(10);
        assertThat(sample.indicators()).extracting(Plan.Indicator::key)
                .doesNotContainAnyElementsOf(kh117.indicators().stream().map(Plan.Indicator::key).toList());
        assertThat(sample.sections()).extracting(Plan.Section::key)
                .doesNotContainAnyElementsOf(kh117.sections().stream().map(Plan.Section::key).toList());
    }

    @Test
    void everyProblemOfAFileIsNamedWithItsLine() {
        PlanException error = catchThrowableOfType(PlanException.class, () -> PlanReader.read("""
                number: 12/KH
                title: Kế hoạch thử
                kind: tổng hợp
                year: 2026
                organisingGroup: bdv-tu
                colour: đỏ
                levels:
                  - key: PROVINCE
                    name: cấp tỉnh
                    issuesGuidance: true
                    deadlines: { guidance: 30/03, subordinates: 15/10, report: 30/11 }
                  - key: PROVINCE
                    name: cấp xã
                    issuesGuidance: true
                    deadlines: { report: 31/10, guidance: 31/02 }
                    reminders: [P7D, bảy ngày, P99999999999D]
                sections:
                  - { key: s1, title: Kết quả }
                  - { key: s1, title: Tồn tại }
                annex:
                  groups:
                    - title: Số liệu
                      indicators:
                        - { key: a, label: A, partOf: c }
                        - { key: c, label: C, partOf: a }
                        - { key: d, label: D, partOf: zz }
                        - { key: s1, label: Trùng mục }
                        - { key: e, label: E, min: 10, max: 5 }
                """, 1));
        assertThat(error.problems()).containsExactlyInAnyOrder(
                "Dòng 1: số hiệu kế hoạch '12/KH' phải có dạng 117-KH/TU (số-loại/cơ quan ban hành)",
                "Dòng 3: loại 'tổng hợp' không hợp lệ: chỉ có 'sơ kết' hoặc 'tổng kết'",
                "Dòng 1: thiếu cơ quan ban hành (issuer)",
                "Dòng 6: không có trường 'colour' trong kế hoạch; chỉ có: annex, distribution, documents, issuedOn, "
                        + "issuer, kind, levels, number, organisingGroup, sections, title, year",
                "Dòng 12: mã cấp 'PROVINCE' bị trùng với dòng 8",
                "Dòng 14: cấp cuối cùng không có đơn vị cấp dưới nên không ban hành hướng dẫn",
                "Dòng 15: hạn ban hành hướng dẫn '31/02' phải là một ngày trong năm, ví dụ 30/09",
                "Dòng 16: 'bảy ngày' không phải khoảng thời gian dương dạng ISO-8601 (ví dụ P7D là 7 ngày, PT12H là 12 giờ)",
                "Dòng 16: 'P99999999999D' quá dài: nhắc hạn sớm nhất là 365 ngày trước hạn (tối đa 365 ngày, P365D)",
                "Dòng 11: Hạn nhận báo cáo của cấp dưới của cấp tỉnh (15/10) không được sớm hơn hạn báo cáo của cấp xã (31/10)",
                "Dòng 19: mã mục 's1' bị trùng với dòng 18",
                "Dòng 26: chỉ tiêu 'd' là phần của 'zz', nhưng không có chỉ tiêu 'zz'",
                "Dòng 24: chỉ tiêu 'a' nằm trong một vòng lặp 'phần của' (partOf)",
                "Dòng 25: chỉ tiêu 'c' nằm trong một vòng lặp 'phần của' (partOf)",
                "Dòng 27: mã chỉ tiêu 's1' trùng với mã một mục của đề cương",
                "Dòng 28: giá trị nhỏ nhất (10) lớn hơn giá trị lớn nhất (5)");
    }

    /** What does not fit a plan's shape is named with its line too, and reading goes on past it. */
    @Test
    void valuesOfTheWrongShapeAreNamedWithTheirLines() {
        PlanException error = catchThrowableOfType(PlanException.class, () -> PlanReader.read("""
                number: 12-KH/TU
                title: [Kế hoạch, thử]
                issuer: Ban Thường vụ
                year: hai nghìn
                organisingGroup: bdv-tu
                issuedOn: 2026-13-45
                levels:
                  - key: PROVINCE
                    name: cấp tỉnh
                    issuesGuidance: có
                    deadlines: { subordinates: 15/10, report: 30/11, final: 01/12 }
                  - key: BASE
                    name: cấp cơ sở
                    deadlines: { report: 30/09 }
                sections: một mục
                number: 13-KH/TU
                """, 1));
        assertThat(error.problems()).containsExactlyInAnyOrder(
                "Dòng 16: trường 'number' lặp lại (đã có ở dòng 1)",
                "Dòng 2: tên kế hoạch (title) phải là một giá trị, không phải một nhóm hay danh sách",
                "Dòng 4: năm của kế hoạch 'hai nghìn' phải là số nguyên",
                "Dòng 6: ngày ban hành '2026-13-45' phải có dạng năm-tháng-ngày, ví dụ 2019-03-18",
                "Dòng 10: có ban hành hướng dẫn 'có' phải là true hoặc false",
                "Dòng 11: không có trường 'final' trong các hạn của cấp; chỉ có: guidance, report, subordinates",
                "Dòng 15: đề cương báo cáo (sections) phải là một danh sách");
    }

    @Test
    void aPlanForThisDeploymentNamesOnlyLevelsOfItsTreeInTheirOrder() {
        String sample = TestPlans.text("plans/900-KH-TU-mau.yaml");
        assertThat(PlanReader.read(sample, 1, List.of("PROVINCE", "COMMUNE", "BASE")).levelKeys())
                .containsExactly("PROVINCE", "COMMUNE");
        PlanException unknown = catchThrowableOfType(PlanException.class,
                () -> PlanReader.read(sample, 1, List.of("PROVINCE", "DISTRICT", "BASE")));
        assertThat(unknown.problems()).singleElement().asString()
                .matches("Dòng \\d+: cấp 'COMMUNE' không có trong cây đơn vị của hệ thống \\(có: PROVINCE, DISTRICT, BASE\\)");
        PlanException skipped = catchThrowableOfType(PlanException.class,
                () -> PlanReader.read(sample, 1, List.of("PROVINCE", "DISTRICT", "COMMUNE")));
        assertThat(skipped.problems()).singleElement().asString().contains("cấp 'COMMUNE' không nằm ngay dưới cấp 'PROVINCE'");
    }

    @Test
    void whatIsNotAPlanFileIsRefusedWithoutReadingOn() {
        assertThat(catchThrowableOfType(PlanException.class, () -> PlanReader.read("", 1)).problems())
                .containsExactly("Tệp kế hoạch rỗng");
        assertThat(catchThrowableOfType(PlanException.class, () -> PlanReader.read("number: [1, 2\ntitle: x", 1)).problems())
                .singleElement().asString().startsWith("Dòng 2: không phải YAML đúng cú pháp");
        assertThat(catchThrowableOfType(PlanException.class, () -> PlanReader.read("- một\n- hai\n", 1)).problems())
                .containsExactly("Dòng 1: kế hoạch phải là một nhóm các trường (key: giá trị)");
        assertThat(catchThrowableOfType(PlanException.class, () -> PlanReader.read("a: &x [1]\nb: *x\n".repeat(1)
                + "t: " + "x".repeat(Limits.MAX_PLAN_FILE), 1)).problems())
                .singleElement().asString().startsWith("Tệp kế hoạch dài");
    }
}
