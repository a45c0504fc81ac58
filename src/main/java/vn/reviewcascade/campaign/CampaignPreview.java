package vn.reviewcascade.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.reviewcascade.Vietnam;
import vn.reviewcascade.notification.TimeWords;
import vn.reviewcascade.plan.Cascade;
import vn.reviewcascade.plan.DeadlineKind;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.plan.ReminderOffset;
import vn.reviewcascade.unit.Unit;

/**
 * What a campaign request would start, for the board to read before confirming: the plan version, the root, the
 * units reached per level of the plan and each level's deadlines and reminders, as {@link CampaignService#start}
 * would store them.
 */
public record CampaignPreview(String planNumber, int planVersion, String planTitle, String title, String rootUnit,
                              String rootUnitName, int year, int totalUnits, List<LevelPreview> levels) {

    /**
     * @param reminders       ISO-8601 offsets before each deadline ({@code P7D}), as a request gives them
     * @param remindersLabel  the same in words: "7 ngày, 1 ngày trước mỗi hạn"
     */
    public record LevelPreview(String level, String name, int units, List<DeadlinePreview> deadlines,
                               List<String> reminders, String remindersLabel) {
    }

    /**
     * @param kind  guidance, subordinates or report, as a request's {@code deadlines} names it
     * @param label "Hạn báo cáo của cấp cơ sở"
     * @param date  the day in Vietnam, which a request may give instead of the instant
     */
    public record DeadlinePreview(String kind, String label, Instant due, String dueLabel, LocalDate date) {
    }

    static CampaignPreview of(CampaignService.Prepared prepared, int year) {
        Plan plan = prepared.plan();
        Map<String, Integer> counts = new LinkedHashMap<>();
        prepared.units().forEach(unit -> counts.merge(unit.level(), 1, Integer::sum));
        List<LevelPreview> levels = new ArrayList<>();
        prepared.deadlines().byLevel().forEach((level, dues) -> {
            List<DeadlinePreview> deadlines = new ArrayList<>();
            for (DeadlineKind kind : DeadlineKind.values()) {
                Instant due = dues.get(kind);
                if (due != null) {
                    deadlines.add(new DeadlinePreview(kind.key(), Cascade.capitalised(Deadlines.label(plan, level, kind)),
                            due, DeadlineFormat.label(due), due.atZone(Vietnam.ZONE).toLocalDate()));
                }
            }
            List<Duration> reminders = prepared.reminders().getOrDefault(level, List.of());
            levels.add(new LevelPreview(level, plan.level(level).map(Plan.Level::name).orElse(level),
                    counts.getOrDefault(level, 0), deadlines, reminders.stream().map(ReminderOffset::text).toList(),
                    reminders.isEmpty() ? "Không nhắc hạn" : String.join(", ", reminders.stream().map(TimeWords::of).toList())
                            + " trước mỗi hạn"));
        });
        Unit root = prepared.root();
        return new CampaignPreview(plan.number(), plan.version(), plan.title(), prepared.title(), root.code(), root.name(),
                year, prepared.units().size(), levels);
    }
}
