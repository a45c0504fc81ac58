package vn.reviewcascade.report;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one derivation of where a unit stands in a campaign, whether it is overdue and whether it was late: SQL
 * fragments every reader of units includes (the report API, the dashboard, the annex workbooks, the overdue list and
 * mails), and {@link #status} that turns what they select into a {@link UnitStatus}. Nothing stores a status: it
 * follows from the unit's facts ({@code campaign_unit}, alias {@code r}) and the engine's token.
 *
 * <p>The engine's token is read from its runtime tables: the activity where the unit's {@code unitReview} waits and
 * the open user task of the approval it runs (whose process's root is the unit's). The engine's query API would
 * check the reader's task authorizations (the organising board reads every unit's progress but works none of their
 * tasks) and cost one query per unit, where a national campaign lists tens of thousands; these are two indexed
 * lookups per unit row (ACT_IDX_EXE_PROCINST, ACT_IDX_EXE_ROOT_PI, ACT_IDX_TASK_PROCINST), both columns the engine
 * documents in its database schema and keeps in Operaton.
 */
public final class UnitStates {

    /** The activities of unitReview.bpmn where a unit's process waits; a test checks the ids against the file. */
    static final String WAITING_FOR_GUIDANCE = "WaitForGuidance";
    static final String ISSUING_GUIDANCE = "IssueGuidance";
    static final String WAITING_FOR_SUBORDINATES = "WaitForSubordinates";
    static final String APPROVING_REPORT = "ApproveReport";

    /**
     * The unit's report deadline: its own where a reorganisation recomputed it for a unit continuing merged units'
     * work ({@code campaign_unit.recomputed_report_due}), else its level's in the campaign ({@code d}). Needs {@link #DEADLINE_JOINS}.
     */
    public static final String DUE = "coalesce(r.recomputed_report_due, d.due)";

    /**
     * The unit's level's report deadline as {@code d} and the escalation of the unit's deadline ({@link #DUE}) as
     * {@code e}, null if none: an escalation's unique key is the unit and the deadline it missed, so this is one
     * indexed join, where a subquery per row cost most of the dashboard's time on PostgreSQL.
     */
    public static final String DEADLINE_JOINS = """
            join campaign_deadline d on d.campaign_id = r.campaign_id and d.level = r.level and d.kind = 'REPORT'
            left join escalation e on e.campaign_id = r.campaign_id and e.unit_code = r.unit_code and e.deadline = %s
            """.formatted(DUE);

    /** Not submitted, and its deadline missed: the engine raised the escalation. Needs {@link #DEADLINE_JOINS}. */
    public static final String OVERDUE = "(r.submitted_at is null and r.retired_at is null and e.unit_code is not null)";

    /** Submitted after its deadline. Needs {@link #DEADLINE_JOINS}. */
    public static final String LATE = "(r.submitted_at > " + DUE + ")";

    /** Submitted by its deadline. Needs {@link #DEADLINE_JOINS}. */
    public static final String ON_TIME = "(r.submitted_at <= " + DUE + ")";

    /** {@link #OVERDUE} and {@link #LATE} of one row, as the columns {@code overdue} and {@code late} (1 or 0). */
    public static final String FLAG_COLUMNS = "case when " + OVERDUE + " then 1 else 0 end as overdue, case when " + LATE
            + " then 1 else 0 end as late";

    /**
     * The engine's token, as the columns {@code waiting_at} (the activity of unitReview where the unit's process
     * waits, null before its first step ran or after it ended) and {@code open_task} (the task definition of the open
     * task of the approval it runs, null when none is open), and {@code campaign_ended} (1 when the organising board
     * ended the campaign early, its processes deleted with it) and {@code retired} (1 when a reorganisation abolished
     * the unit or merged it into another before it submitted). Read with {@link #status}. A submitted
     * unit's are not looked up: it stands where it is for good.
     */
    public static final String TOKEN_COLUMNS = """
            case when r.submitted_at is null then
                (select max(x.ACT_ID_) from ACT_RU_EXECUTION x where x.PROC_INST_ID_ = r.process_instance_id
                    and x.ACT_ID_ in ('%s', '%s', '%s', '%s')) end as waiting_at,
            case when r.submitted_at is null then
                (select max(t.TASK_DEF_KEY_) from ACT_RU_EXECUTION a join ACT_RU_TASK t on t.PROC_INST_ID_ = a.ID_
                    where a.ROOT_PROC_INST_ID_ = r.process_instance_id and a.ID_ = a.PROC_INST_ID_
                      and a.ID_ <> r.process_instance_id) end as open_task,
            case when r.submitted_at is null then
                (select count(*) from campaign_end ce where ce.campaign_id = r.campaign_id) end as campaign_ended,
            case when r.submitted_at is null and r.retired_at is not null then 1 else 0 end as retired
            """.formatted(WAITING_FOR_GUIDANCE, ISSUING_GUIDANCE, WAITING_FOR_SUBORDINATES, APPROVING_REPORT);

    private UnitStates() {
    }

    /** The status of the row read with {@link #TOKEN_COLUMNS} and {@code r.submitted_at}. */
    public static UnitStatus status(ResultSet rs) throws SQLException {
        return status(rs.getObject("submitted_at") != null, rs.getInt("retired") == 1, rs.getInt("campaign_ended") > 0,
                rs.getString("waiting_at"), rs.getString("open_task"));
    }

    /**
     * Where a unit stands: submitted once its report is sent; owing none once a reorganisation ended the unit or once
     * its campaign was ended; otherwise where its process waits, and within an approval the step of its open task. An
     * approval with no open task is between a sign-off and the number the issuing job gives the document: still being
     * signed.
     */
    static UnitStatus status(boolean submitted, boolean retired, boolean campaignEnded, String waitingAt,
                             String openTask) {
        if (submitted) {
            return UnitStatus.SUBMITTED;
        }
        if (retired) {
            return UnitStatus.RETIRED;
        }
        if (campaignEnded) {
            return UnitStatus.ENDED;
        }
        if (waitingAt == null) {
            return UnitStatus.NOT_STARTED;
        }
        ApprovalStep step = openTask == null ? ApprovalStep.SIGN : ApprovalStep.ofTask(openTask).orElse(ApprovalStep.SIGN);
        return switch (waitingAt) {
            case WAITING_FOR_GUIDANCE -> UnitStatus.WAITING_FOR_GUIDANCE;
            case WAITING_FOR_SUBORDINATES -> UnitStatus.WAITING_FOR_SUBORDINATES;
            case ISSUING_GUIDANCE -> switch (step) {
                case DRAFT -> UnitStatus.DRAFTING_GUIDANCE;
                case REVIEW -> UnitStatus.IN_REVIEW;
                case SIGN -> UnitStatus.SIGNING_GUIDANCE;
            };
            case APPROVING_REPORT -> switch (step) {
                case DRAFT -> UnitStatus.DRAFTING;
                case REVIEW -> UnitStatus.IN_REVIEW;
                case SIGN -> UnitStatus.SIGNING;
            };
            default -> UnitStatus.NOT_STARTED;
        };
    }
}
