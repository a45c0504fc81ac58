package vn.reviewcascade.campaign;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.plan.DeadlineKind;
import vn.reviewcascade.plan.Plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlinesTest {

    private static final Plan KH_117 = TestPlans.kh117();

    @Test
    void aDateEndsAtMidnightInVietnam() {
        assertThat(DeadlineFormat.parse("2019-09-30", 2019)).isEqualTo(Instant.parse("2019-09-30T16:59:59Z"));
        assertThat(DeadlineFormat.parse("2019-09-30T08:00:00+07:00", 2019)).isEqualTo(Instant.parse("2019-09-30T01:00:00Z"));
        assertThat(DeadlineFormat.label(Instant.parse("2019-09-30T16:59:59Z"))).isEqualTo("23:59 ngày 30/09/2019");
        assertThatThrownBy(() -> DeadlineFormat.parse("30/9/2019", 2019)).hasMessageContaining("\"30/9/2019\" không phải ngày");
    }

    @Test
    void aDeadlineFallsWithinItsCampaignsYearOrTheNextInVietnam() {
        assertThat(DeadlineFormat.parse("2019-01-01T00:00:00+07:00", 2019)).isEqualTo(Instant.parse("2018-12-31T17:00:00Z"));
        assertThat(DeadlineFormat.parse("2020-12-31", 2019)).isEqualTo(Instant.parse("2020-12-31T16:59:59Z"));
        for (String outside : new String[] {"2018-12-31T23:59:59+07:00", "2021-01-01T00:00:00+07:00", "2020-12-31T17:00:00Z",
                "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2099-12-31"}) {
            assertThatThrownBy(() -> DeadlineFormat.parse(outside, 2019)).as(outside)
                    .hasMessage("\"" + outside + "\" nằm ngoài khoảng cho phép: hạn phải trong năm 2019 hoặc 2020 (năm của đợt và năm"
                            + " sau, giờ Việt Nam)");
        }
    }

    @Test
    void theDaysOfKh117AreItsDatesOf2019AndHoldInAnyYear() {
        Deadlines deadlines = Deadlines.of(KH_117, KH_117.levels(), 2019);
        assertThat(deadlines.guidanceDue("PROVINCE")).isEqualTo(day("2019-03-30"));
        assertThat(deadlines.guidanceDue("DISTRICT")).isEqualTo(day("2019-03-30"));
        assertThat(deadlines.reportDue("BASE")).isEqualTo(day("2019-09-30"));
        assertThat(deadlines.subordinatesDue("DISTRICT")).as("the district waits for its base units").isEqualTo(day("2019-09-30"));
        assertThat(deadlines.reportDue("DISTRICT")).isEqualTo(day("2019-10-30"));
        assertThat(deadlines.subordinatesDue("PROVINCE")).as("through Ban Dân vận by 10/11").isEqualTo(day("2019-11-10"));
        assertThat(deadlines.reportDue("PROVINCE")).isEqualTo(day("2019-11-30"));
        assertThat(deadlines.subordinatesDue("BASE")).isNull();
        assertThat(deadlines.guidanceDue("BASE")).isNull();
        assertThat(deadlines.contradictions(KH_117)).isEmpty();
        assertThat(Deadlines.of(KH_117, KH_117.levels(), 2031).reportDue("BASE")).isEqualTo(day("2031-09-30"));
    }

    @Test
    void deadlinesAgainstTheCascadeAreNamed() {
        Deadlines wrong = Deadlines.of(KH_117, KH_117.levels(), 2019)
                .with("BASE", DeadlineKind.REPORT, day("2019-10-31"))
                .with("PROVINCE", DeadlineKind.REPORT, day("2019-11-05"));
        assertThat(wrong.contradictions(KH_117)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("deadlines.PROVINCE.report", "deadlines.DISTRICT.subordinates");
        assertThat(wrong.contradictions(KH_117)).extracting(FieldError::message).contains(
                "Hạn nhận báo cáo của cấp dưới của cấp huyện (23:59 ngày 30/09/2019) không được sớm hơn hạn báo cáo của "
                        + "cấp cơ sở (23:59 ngày 31/10/2019)");
    }

    @Test
    void aCampaignFromALowerLevelHasOnlyTheDeadlinesOfItsLevels() {
        Deadlines fromDistrict = Deadlines.of(KH_117, KH_117.levels().subList(1, 3), 2031);
        assertThat(fromDistrict.byLevel()).containsOnlyKeys("DISTRICT", "BASE");
        assertThat(fromDistrict.asMap().get("DISTRICT")).containsOnlyKeys("guidance", "subordinates", "report");
        assertThat(fromDistrict.asMap().get("BASE")).containsOnlyKeys("report");
    }

    private static Instant day(String date) {
        return DeadlineFormat.endOfDay(LocalDate.parse(date));
    }
}
