package vn.reviewcascade.campaign;

import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.reviewcascade.FieldError;
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

    /**
     * The cascade runs bottom-up: within a level guidance, then the wait for the level below, then the report; a
     * level's report reaches the level above while that one still waits; guidance goes down no later than the
     * reports come up. Each contradiction names the later field.
     */
    public List<FieldError> contradictions(Plan plan) {
        List<FieldError> errors = new ArrayList<>();
        List<String> levels = new ArrayList<>(byLevel.keySet());
        for (String level : levels) {
            order(plan, errors, level, DeadlineKind.GUIDANCE, level, DeadlineKind.SUBORDINATES);
            order(plan, errors, level, DeadlineKind.SUBORDINATES, level, DeadlineKind.REPORT);
            order(plan, errors, level, DeadlineKind.GUIDANCE, level, DeadlineKind.REPORT);
        }
        for (int i = 1; i < levels.size(); i++) {
            String upper = levels.get(i - 1);
            String lower = levels.get(i);
            order(plan, errors, lower, DeadlineKind.REPORT, upper, DeadlineKind.SUBORDINATES);
            order(plan, errors, upper, DeadlineKind.GUIDANCE, lower, DeadlineKind.GUIDANCE);
            order(plan, errors, upper, DeadlineKind.GUIDANCE, lower, DeadlineKind.REPORT);
        }
        return errors;
    }

    private void order(Plan plan, List<FieldError> errors, String earlierLevel, DeadlineKind earlierKind,
                       String laterLevel, DeadlineKind laterKind) {
        Instant earlier = due(earlierLevel, earlierKind);
        Instant later = due(laterLevel, laterKind);
        if (earlier != null && later != null && later.isBefore(earlier)) {
            errors.add(new FieldError(field(laterLevel, laterKind), "%s (%s) không được sớm hơn %s (%s)".formatted(
                    capitalised(label(plan, laterLevel, laterKind)), DeadlineFormat.label(later),
                    label(plan, earlierLevel, earlierKind), DeadlineFormat.label(earlier))));
        }
    }

    /** "deadlines.DISTRICT.report": how requests and refusals name a deadline. */
    static String field(String level, DeadlineKind kind) {
        return "deadlines." + level + "." + kind.key();
    }

    /** "hạn báo cáo của cấp huyện". */
    public static String label(Plan plan, String level, DeadlineKind kind) {
        return kind.label() + " của " + plan.level(level).map(Plan.Level::name).orElse(level);
    }

    static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
