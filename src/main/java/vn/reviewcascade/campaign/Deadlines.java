package vn.reviewcascade.campaign;

import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.plan.Cascade;
import vn.reviewcascade.plan.DeadlineKind;
import vn.reviewcascade.plan.Plan;

/**
 * The deadlines of one campaign, per level of its plan that the campaign reaches (its root's level and those
 * below): when each level's guidance is issued, when it stops waiting for the level below, when its own report is
 * due. A level without guidance or without a level below has no such deadline.
 */
public record Deadlines(Map<String, Map<DeadlineKind, Instant>> byLevel) {

    public Deadlines {
        Map<String, Map<DeadlineKind, Instant>> copy = new LinkedHashMap<>();
        byLevel.forEach((level, dues) -> copy.put(level, Map.copyOf(dues)));
        byLevel = java.util.Collections.unmodifiableMap(copy);
    }

    /** The plan's days placed in the campaign's year, for the given levels of the plan. */
    public static Deadlines of(Plan plan, List<Plan.Level> levels, int year) {
        Map<String, Map<DeadlineKind, Instant>> byLevel = new LinkedHashMap<>();
        for (Plan.Level level : levels) {
            Map<DeadlineKind, Instant> dues = new LinkedHashMap<>();
            put(dues, DeadlineKind.GUIDANCE, level.guidanceDue(), year);
            put(dues, DeadlineKind.SUBORDINATES, level.subordinatesDue(), year);
            put(dues, DeadlineKind.REPORT, level.reportDue(), year);
            byLevel.put(level.key(), dues);
        }
        return new Deadlines(byLevel);
    }

    private static void put(Map<DeadlineKind, Instant> dues, DeadlineKind kind, MonthDay day, int year) {
        if (day != null) {
            dues.put(kind, DeadlineFormat.endOfDay(day.atYear(year)));
        }
    }

    /** The deadline, or null where the level has none. */
    public Instant due(String level, DeadlineKind kind) {
        return byLevel.getOrDefault(level, Map.of()).get(kind);
    }

    public Instant reportDue(String level) {
        return due(level, DeadlineKind.REPORT);
    }

    public Instant guidanceDue(String level) {
        return due(level, DeadlineKind.GUIDANCE);
    }

    public Instant subordinatesDue(String level) {
        return due(level, DeadlineKind.SUBORDINATES);
    }

    /** This set with one deadline replaced. */
    Deadlines with(String level, DeadlineKind kind, Instant due) {
        Map<String, Map<DeadlineKind, Instant>> changed = new LinkedHashMap<>(byLevel);
        Map<DeadlineKind, Instant> dues = new LinkedHashMap<>(changed.get(level));
        dues.put(kind, due);
        changed.put(level, dues);
        return new Deadlines(changed);
    }

    /** For requests and answers: {"DISTRICT": {"guidance": …, "subordinates": …, "report": …}}. */
    public Map<String, Map<String, Instant>> asMap() {
        Map<String, Map<String, Instant>> named = new LinkedHashMap<>();
        byLevel.forEach((level, dues) -> {
            Map<String, Instant> byKind = new LinkedHashMap<>();
            for (DeadlineKind kind : DeadlineKind.values()) {
                if (dues.containsKey(kind)) {
                    byKind.put(kind.key(), dues.get(kind));
                }
            }
            named.put(level, byKind);
        });
        return named;
    }

    /** The deadlines against the order of the cascade ({@link Cascade}), each named by the later one's field. */
    public List<FieldError> contradictions(Plan plan) {
        List<String> levels = new ArrayList<>(byLevel.keySet());
        return Cascade.contradictions(levels.stream().map(level -> name(plan, level)).toList(),
                        levels.stream().map(byLevel::get).toList(), DeadlineFormat::label).stream()
                .map(found -> new FieldError(field(levels.get(found.later().level()), found.later().kind()), found.message()))
                .toList();
    }

    /** "deadlines.DISTRICT.report": how requests and refusals name a deadline. */
    static String field(String level, DeadlineKind kind) {
        return "deadlines." + level + "." + kind.key();
    }

    /** "hạn báo cáo của cấp huyện". */
    public static String label(Plan plan, String level, DeadlineKind kind) {
        return Cascade.label(kind, name(plan, level));
    }

    private static String name(Plan plan, String level) {
        return plan.level(level).map(Plan.Level::name).orElse(level);
    }
}
