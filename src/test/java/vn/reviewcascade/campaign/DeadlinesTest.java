package vn.reviewcascade.campaign;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.unit.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlinesTest {

    @Test
    void aDateEndsAtMidnightInVietnam() {
        assertThat(DeadlineFormat.parse("2019-09-30")).isEqualTo(Instant.parse("2019-09-30T16:59:59Z"));
        assertThat(DeadlineFormat.parse("2019-09-30T08:00:00+07:00")).isEqualTo(Instant.parse("2019-09-30T01:00:00Z"));
        assertThat(DeadlineFormat.label(Instant.parse("2019-09-30T16:59:59Z"))).isEqualTo("23:59 ngày 30/09/2019");
        assertThatThrownBy(() -> DeadlineFormat.parse("30/9/2019")).hasMessageContaining("\"30/9/2019\" không phải ngày");
    }

    @Test
    void eachLevelHasItsDeadlineAndWaitsForItsSubordinatesUntilTheirs() {
        Deadlines plan = plan("2019-03-30", "2019-09-30", "2019-10-30", "2019-11-10", "2019-11-30");
        assertThat(plan.reportDue(Level.BASE)).isEqualTo(plan.base());
        assertThat(plan.reportDue(Level.DISTRICT)).isEqualTo(plan.district());
        assertThat(plan.reportDue(Level.PROVINCE)).isEqualTo(plan.province());
        assertThat(plan.subordinatesDue(Level.DISTRICT)).isEqualTo(plan.base());
        assertThat(plan.subordinatesDue(Level.PROVINCE)).as("through Ban Dân vận by 10/11").isEqualTo(plan.submission());
        assertThat(plan.subordinatesDue(Level.BASE)).isNull();
        assertThat(plan.contradictions()).isEmpty();
    }

    @Test
    void deadlinesAgainstTheCascadeAreNamed() {
        Deadlines wrong = plan("2019-03-30", "2019-10-31", "2019-10-30", "2019-11-10", "2019-11-05");
        assertThat(wrong.contradictions()).extracting(FieldError::field).containsExactly("deadlines.district", "deadlines.province");
    }

    private static Deadlines plan(String guidance, String base, String district, String submission, String province) {
        return new Deadlines(day(guidance), day(base), day(district), day(submission), day(province));
    }

    private static Instant day(String date) {
        return DeadlineFormat.endOfDay(LocalDate.parse(date));
    }
}
