package vn.reviewcascade.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.reviewcascade.report.ReportRepository.OverdueGroup;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue digest of a national campaign is a summary, not the list: rendered from the most it can carry — every
 * listed parent and unit named with the longest name a unit may have, in Vietnamese letters of three bytes — it
 * stays under 100 KB and says how many it did not name.
 */
class OverdueDigestSizeTest {

    private static final Instant DUE = Instant.parse("2030-09-30T16:59:59Z");
    private static final Instant NOW = Instant.parse("2030-10-20T00:00:00Z");

    @Test
    void aNationalDigestStaysUnderOneHundredKilobytesAndCountsWhatItDoesNotName() {
        // 300 characters, the column's length: "Đảng ủy…" in letters UTF-8 writes in two and three bytes.
        String longest = "Đảng ủy xã Hướng Hiệp ".repeat(14).substring(0, 300);
        List<OverdueGroup> groups = new ArrayList<>();
        for (int parent = 0; parent < OverdueDigest.MAX_PARENTS; parent++) {
            List<UnitReport> first = new ArrayList<>();
            for (int unit = 0; unit < OverdueDigest.UNITS_PER_PARENT; unit++) {
                first.add(new UnitReport(1, "U" + parent + "-" + unit, longest, "COMMUNE", "P" + parent, "ĐU",
                        UnitStatus.DRAFTING, DUE, null, null, null, null, null, DUE, null, null, true, false));
            }
            groups.add(new OverdueGroup("P" + parent, longest, 2_500, first));
        }
        long count = 53_000;
        Map<String, Object> model = OverdueDigest.summary(count, groups, NOW);
        model.put("board", longest);
        model.put("planNumber", "117-KH/TU");
        model.put("title", longest);
        model.put("reportTitle", longest);
        model.put("dashboard", "https://baocao.example.vn/dashboard/?campaign=1");
        model.put("at", "07:00 ngày 20/10/2030");
        model.put("schedule", "mỗi ngày lúc 07:00");

        RenderedMail mail = new MailTemplates().render(MailKind.OVERDUE_DIGEST.template(), model);

        int bytes = (mail.subject() + mail.text() + mail.html()).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThan(100_000);
        assertThat(mail.text()).contains("… và 2495 đơn vị khác.")
                .contains("Ngoài ra còn " + (count - 2_500L * OverdueDigest.MAX_PARENTS))
                .contains("Danh sách đầy đủ: https://baocao.example.vn/dashboard/?campaign=1");
        assertThat(mail.text()).as("names cut, not dropped").contains("Đảng ủy xã Hướng Hiệp").contains("…");
    }
}
