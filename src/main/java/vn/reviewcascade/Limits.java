package vn.reviewcascade;

import java.time.Duration;

/**
 * Every limit the application puts on what people write, in one place: the checks on the server use these, and the
 * browser's forms read them from {@code GET /api/limits} so a text box never lets through what the server refuses.
 */
public final class Limits {

    /** A figure of an annex: a count of units, members or enterprises, far below what a national total reaches. */
    public static final long MAX_FIGURE = 1_000_000_000L;
    /** A section of a report, or the text of a guidance: the longest chapter of a Party report runs to some 60,000. */
    public static final int MAX_WRITTEN_TEXT = 100_000;
    /** A reviewer's or signer's comment. */
    public static final int MAX_COMMENT = 10_000;
    /** Why a campaign was ended early: a note, not a report. */
    public static final int MAX_END_REASON = 2_000;
    /** A campaign's title. */
    public static final int MAX_CAMPAIGN_TITLE = 500;
    /** A plan is a Party document, not a data file: KH 117 takes 7,356 characters, so this leaves room for ample ones. */
    public static final int MAX_PLAN_FILE = 500_000;
    /** One value of a plan file: a title, a name, a hint. */
    public static final int MAX_PLAN_TEXT = 2_000;
    /** Levels of a unit tree, and so of a plan: from the province down to a cell, never more. */
    public static final int MIN_LEVELS = 2;
    public static final int MAX_LEVELS = 5;
    /** The years a plan or a campaign may name. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    /**
     * The earliest reminder before a deadline. A campaign's deadlines lie within its year and the next, so an earlier
     * reminder would fall before the campaign starts, and an unbounded one would place its timer out of any date the
     * database can hold.
     */
    public static final Duration MAX_REMINDER = Duration.ofDays(365);
    /**
     * Lines of one user import: the whole country's people in one file (the national tree has some 53,000 units, one
     * clerk or more each in a province's file, the national file at most about twice that).
     */
    public static final int MAX_IMPORT_LINES = 110_000;
    /** A unit tree file: the national tree (some 53,000 units, about 5 MB) with room to spare, within one upload. */
    public static final int MAX_TREE_FILE_BYTES = 10 * 1024 * 1024;

    private Limits() {
    }
}
