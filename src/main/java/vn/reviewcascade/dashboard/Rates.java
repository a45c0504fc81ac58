package vn.reviewcascade.dashboard;

/**
 * How many units of a set were expected to report, and where they stand. Every unit is in exactly one of the
 * four states, so {@code onTime + late + notYet + overdue == expected}.
 *
 * @param onTime  submitted by its level's report deadline
 * @param late    submitted after it
 * @param notYet  not submitted, and not (yet) found overdue
 * @param overdue not submitted, and its missed deadline was escalated (as {@code /api/campaigns/{id}} counts)
 */
public record Rates(long expected, long onTime, long late, long notYet, long overdue) {

    static Rates of(long expected, long onTime, long late, long overdue) {
        return new Rates(expected, onTime, late, expected - onTime - late - overdue, overdue);
    }
}
