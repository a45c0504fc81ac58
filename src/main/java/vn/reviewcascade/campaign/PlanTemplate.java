package vn.reviewcascade.campaign;

import java.time.MonthDay;

/**
 * A plan as issued, from which campaigns are started: its number, title, year, the day of each deadline,
 * and the organising board that watches every level.
 */
public record PlanTemplate(String planNumber, String title, int planYear, String organisingGroup, Days deadlines) {

    /** The deadlines of the plan as days of the year; a campaign places them in its own year. */
    public record Days(MonthDay guidance, MonthDay base, MonthDay district, MonthDay submission, MonthDay province) {
    }
}
