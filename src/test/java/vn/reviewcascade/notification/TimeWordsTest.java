package vn.reviewcascade.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeWordsTest {

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(TimeWords.of(Duration.ofDays(7))).isEqualTo("7 ngày");
        assertThat(TimeWords.of(Duration.ofDays(2).plusHours(5))).isEqualTo("2 ngày 5 giờ");
        assertThat(TimeWords.of(Duration.ofHours(3).plusMinutes(20))).isEqualTo("3 giờ 20 phút");
        assertThat(TimeWords.of(Duration.ofHours(4))).isEqualTo("4 giờ");
        assertThat(TimeWords.of(Duration.ofSeconds(58))).as("rounded, not cut").isEqualTo("1 phút");
        assertThat(TimeWords.of(Duration.ofSeconds(20))).as("a unit overdue for seconds").isEqualTo("dưới 1 phút");
        assertThat(TimeWords.of(Duration.ofMinutes(-5))).isEqualTo("dưới 1 phút");
    }

    @Test
    void theDigestSaysWhenItIsSentAsItsScheduleDoes() {
        assertThat(TimeWords.schedule("0 0 7 * * *")).isEqualTo("mỗi ngày lúc 07:00");
        assertThat(TimeWords.schedule("0 30 16 * * *")).isEqualTo("mỗi ngày lúc 16:30");
        assertThat(TimeWords.schedule("0 */5 * * * *")).isEqualTo("mỗi 5 phút");
        assertThat(TimeWords.schedule("0 0 */2 * * *")).isEqualTo("mỗi 2 giờ");
        assertThat(TimeWords.schedule("0 0 7 * * MON-FRI")).isEqualTo("theo lịch đã đặt (0 0 7 * * MON-FRI)");
    }
}
