package vn.reviewcascade.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** How one level's reports came in over time, against its deadline: a cumulative count per day (Vietnam's). */
public record LevelSubmissions(String level, String levelName, Instant reportDue, LocalDate reportDueDay, long expected,
                               List<Day> days) {

    public LevelSubmissions {
        days = List.copyOf(days);
    }

    /** The reports submitted on a day, and all submitted up to its end. */
    public record Day(LocalDate day, long submitted, long cumulative) {
    }
}
