package vn.reviewcascade.campaign;

import java.time.Duration;
import java.time.MonthDay;
import java.util.List;

/**
 * A plan as issued, from which campaigns are started: its number, title, year, the day of each deadline,
 * the organising board that watches every level, when units are reminded before a deadline, and the plan's
 * distribution list ("Nơi nhận"), which receives the signed final report.
 */
public record PlanTemplate(String planNumber, String title, int planYear, String organisingGroup, Days deadlines,
                           List<Duration> reminders, List<Recipient> distribution) {

    public PlanTemplate {
        reminders = reminders == null ? List.of(Duration.ofDays(7), Duration.ofDays(1)) : List.copyOf(reminders);
        distribution = distribution == null ? List.of() : List.copyOf(distribution);
    }

    /** The deadlines of the plan as days of the year; a campaign places them in its own year. */
    public record Days(MonthDay guidance, MonthDay base, MonthDay district, MonthDay submission, MonthDay province) {
    }

    /** One line of "Nơi nhận": who, why ("b/c" for report, "t/h" for execution) and where mail goes. */
    public record Recipient(String name, String purpose, String email) {
    }
}
