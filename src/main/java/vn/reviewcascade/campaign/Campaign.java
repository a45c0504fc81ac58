package vn.reviewcascade.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.reviewcascade.plan.Plan;

/**
 * One run of a plan, in the version it started with, over a unit and the units below it that the plan reaches,
 * with its deadlines and how long before each deadline each level is reminded.
 */
public record Campaign(long id, Plan plan, String title, String rootUnit, int year, Deadlines deadlines,
                       Map<String, List<Duration>> reminders, Instant startedAt, String startedBy) {

    public String planNumber() {
        return plan.number();
    }

    /** The board that follows every unit of the campaign: the plan's organising group. */
    public String organisingGroup() {
        return plan.organisingGroup();
    }

    public List<Duration> remindersFor(String level) {
        return reminders.getOrDefault(level, List.of());
    }
}
