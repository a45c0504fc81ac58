package vn.reviewcascade.plan;

import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * A plan file read and checked but not registered, for the board to read before registering it: what the draft form
 * of each level will ask (sections with their hints, figures in their groups), the levels with their days, and the
 * version it would become.
 *
 * @param version      the version it would become, or the one it already is
 * @param registered   true when this very file is registered already (registering it again stores nothing)
 * @param plan         the plan as read: sections and annex as the draft form shows them
 * @param levels       the levels as people read them: days as "30/09", reminders as ISO-8601 offsets ("P7D")
 */
record PlanPreview(String number, String title, int version, boolean registered, Plan plan, List<LevelView> levels) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    /** @param signature "T/M BAN THƯỜNG VỤ – BÍ THƯ" */
    record LevelView(String key, String name, boolean issuesGuidance, String guidanceDue, String subordinatesDue,
                     String reportDue, List<String> reminders, String signature) {
    }

    static PlanPreview of(Plan plan, PlanCatalog.Registration registration) {
        return new PlanPreview(plan.number(), plan.title(), registration.version().version(), !registration.created(), plan,
                plan.levels().stream().map(level -> new LevelView(level.key(), level.name(), level.issuesGuidance(),
                        day(level.guidanceDue()), day(level.subordinatesDue()), day(level.reportDue()),
                        level.reminders().stream().map(ReminderOffset::text).toList(),
                        level.signature() == null ? null : String.join(" – ", Stream.of(
                                level.signature().onBehalfOf(), level.signature().position())
                                .filter(part -> part != null && !part.isBlank()).toList()))).toList());
    }

    private static String day(MonthDay day) {
        return day == null ? null : DAY.format(day);
    }
}
