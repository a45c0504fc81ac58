package vn.reviewcascade.reorganisation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.Vietnam;
import vn.reviewcascade.approval.ParentNotifier;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.campaign.UnitReviewStarter;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.DocumentNumbers;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.reorganisation.Reorganisation.Change;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

/**
 * A reorganisation applied to one running campaign: what it will do (the dry run) and doing it. The campaign's units
 * are its own rows ({@code campaign_unit}), taken from the tree at start; the changes are worked out on those rows,
 * so a change about units the campaign does not reach does nothing to it.
 *
 * <p>The rules, for the organising board:
 * <ul>
 *   <li>Nothing a unit reported, signed or wrote is rewritten or deleted: documents, figures, decisions and comments
 *       stay with the unit (and signer) that made them. A unit's row changes only with a {@code campaign_unit_change}
 *       row holding the value before and after, the decision and who applied it.</li>
 *   <li>A moved unit reports to its new parent. Its tasks stay its own (their candidate groups are the unit's), and
 *       the reviewers of its new parent, not the old, may read them. If it still waits for guidance, it now waits
 *       for its new parent's, with that level's guidance deadline; guidance the new parent already issued reaches it
 *       at once.</li>
 *   <li>A unit of an abolished level owes no report: its running review ends, through the engine, with the decision
 *       as the reason; its subordinates report to its parent. A report it had already submitted stays, as history,
 *       and no longer counts in a roll-up: its subordinates' own reports now do, so nothing is counted twice.</li>
 *   <li>A unit merged into another owes no report either; its review ends the same way and its subordinates report to
 *       the successor. A report it had already submitted stays under its name and signer, is shown under the
 *       successor ("trước đây: …") and rolls up into the successor's parent. A new successor joins the campaign with
 *       a review of its own. Its subordinates go to the successor, but for those it had consolidated.</li>
 *   <li>A parent that now waits for other units waits for exactly those: one whose remaining units have all
 *       reported is told at once, by the same fan-in as a submission; one that already consolidated counts a
 *       report that arrives later as a late addition ({@code report.Rollup}).</li>
 * </ul>
 */
@Service
public class CampaignReorganiser {

    /** The activities of unitReview.bpmn a reorganisation acts on; checked against the file by the tests. */
    static final String WAIT_FOR_GUIDANCE = "WaitForGuidance";
    static final String GUIDANCE_NEEDED = "GuidanceNeeded";
    static final String REPORT_DEADLINE_PASSED = "ReportDeadlinePassed";

    private final JdbcClient jdbc;
    private final ReportRepository reports;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final AuthorizationService authorizations;
    private final UnitTree tree;
    private final UnitReviewStarter starter;
    private final ParentNotifier parentNotifier;
    private final DocumentNumbers documentNumbers;
    private final ApplicationEventPublisher events;

    CampaignReorganiser(JdbcClient jdbc, ReportRepository reports, RuntimeService runtimeService,
                        ManagementService managementService, TaskService taskService,
                        AuthorizationService authorizations, UnitTree tree,
                        UnitReviewStarter starter, ParentNotifier parentNotifier, DocumentNumbers documentNumbers,
                        ApplicationEventPublisher events) {
        this.documentNumbers = documentNumbers;
        this.events = events;
        this.jdbc = jdbc;
        this.reports = reports;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.authorizations = authorizations;
        this.tree = tree;
        this.starter = starter;
        this.parentNotifier = parentNotifier;
    }

    /** What a change does to one field of one unit's row. */
    public enum Field {
        PARENT, NAME, RETIRED, SUCCESSOR, CREATED, REPORT_DUE
    }

    /** One change of one unit's row: recorded with its before and after, and made, together. */
    public record UnitChange(int changeSeq, String unitCode, Field field, String before, String after) {
    }

    /** A unit as the outcome names it: "Huyện ủy Vĩnh Linh (VL)", with what happens to it. */
    public record UnitLine(String unitCode, String unitName, String note) {
    }

    public record TaskLine(String taskId, String taskName, String unitCode, String note) {
    }

    /**
     * A choice the person applying must make before the reorganisation can be applied to the campaign.
     *
     * @param parameter the request parameter that makes it
     * @param values    the values it may take, as the parameter is written ({@code split=GL-A:GL-A1})
     */
    public record ChoiceNeeded(int changeSeq, String unitCode, String parameter, List<String> values, String explanation) {
    }

    public record DeadlineLine(String unitCode, String unitName, String deadline, Instant before, Instant after) {
    }

    /** A submitted report whose figures now count under another parent (or, for an abolished unit, under none). */
    public record Reattribution(String unitCode, String unitName, String documentNumber, String fromParent, String toParent) {
    }

    /**
     * What the reorganisation does (dry run) or did to one campaign.
     *
     * @param problems     why it cannot be applied to this campaign; nothing is applied to any while one has any
     * @param reportsKept  every report submitted in the campaign: all stay as they are
     * @param parentsTold  parents whose remaining units have all reported: told at once
     * @param choicesNeeded choices not made that the campaign needs (each is also one of the problems)
     */
    public record Outcome(long campaignId, String title, boolean applied, List<String> problems,
                          List<ChoiceNeeded> choicesNeeded, List<UnitChange> changes,
                          int reportsKept, List<UnitLine> reportsOfChangedUnits, List<TaskLine> openTasksMoved,
                          List<TaskLine> openTasksClosed, List<DeadlineLine> deadlinesAffected,
                          List<UnitLine> expectedAdded, List<UnitLine> expectedRemoved,
                          List<Reattribution> figuresReattributed, List<UnitLine> parentsTold, List<String> notes) {
    }

    /** A campaign's unit row as the changes work on it. */
    private static final class Row {
        final String code;
        String name;
        final String level;
        String parent;
        final String symbol;
        boolean retired;
        String successor;
        final boolean submitted;
        final String processInstanceId;
        final boolean subordinatesComplete;
        final String documentNumber;
        final boolean created;
        /** Its report deadline: its own, if a reorganisation recomputed it, else its level's. */
        Instant reportDue;

        Row(String code, String name, String level, String parent, String symbol, boolean retired, String successor,
            boolean submitted, String processInstanceId, boolean subordinatesComplete, String documentNumber,
            boolean created, Instant reportDue) {
            this.code = code;
            this.name = name;
            this.level = level;
            this.parent = parent;
            this.symbol = symbol;
            this.retired = retired;
            this.successor = successor;
            this.submitted = submitted;
            this.processInstanceId = processInstanceId;
            this.subordinatesComplete = subordinatesComplete;
            this.documentNumber = documentNumber;
            this.created = created;
            this.reportDue = reportDue;
        }

        boolean active() {
            return !retired;
        }
    }

    /** The campaign's rows and the changes worked out on them. */
    private final class Plan {
        final Campaign campaign;
        final ReorganisationChoices choices;
        final Map<String, Row> before = new LinkedHashMap<>();
        final Map<String, Row> rows = new LinkedHashMap<>();
        final List<UnitChange> changes = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<ChoiceNeeded> choicesNeeded = new ArrayList<>();
        /** The units that continue merged units' work, with the change that made them so, in the file's order. */
        final Map<String, Integer> continuing = new LinkedHashMap<>();
        /** Submitted reports that a split made history: kept, counted nowhere, their unit's successors report afresh. */
        final Set<String> history = new LinkedHashSet<>();

        Plan(Campaign campaign, ReorganisationChoices choices) {
            this.campaign = campaign;
            this.choices = choices;
            jdbc.sql("""
                            select r.unit_code, r.unit_name, r.level, r.parent_code, r.symbol, r.retired_at, r.successor_code,
                                   r.submitted_at, r.process_instance_id, r.subordinates_complete_at, p.number,
                                   coalesce(r.recomputed_report_due, d.due) as report_due
                            from campaign_unit r
                            left join campaign_document p on p.campaign_id = r.campaign_id and p.unit_code = r.unit_code
                                                         and p.document_kind = 'REPORT'
                            left join campaign_deadline d on d.campaign_id = r.campaign_id and d.level = r.level
                                                         and d.kind = 'REPORT'
                            where r.campaign_id = ? order by r.unit_code""")
                    .param(campaign.id()).query(rs -> {
                        String code = rs.getString("unit_code");
                        Object[] values = {rs.getString("unit_name"), rs.getString("level"), rs.getString("parent_code"),
                                rs.getString("symbol"), rs.getObject("retired_at") != null, rs.getString("successor_code"),
                                rs.getObject("submitted_at") != null, rs.getString("process_instance_id"),
                                rs.getObject("subordinates_complete_at") != null, rs.getString("number"),
                                SqlTimes.instant(rs, "report_due")};
                        rows.put(code, row(code, values, false));
                        before.put(code, row(code, values, false));
                    });
        }

        private Row row(String code, Object[] v, boolean created) {
            return new Row(code, (String) v[0], (String) v[1], (String) v[2], (String) v[3], (Boolean) v[4], (String) v[5],
                    (Boolean) v[6], (String) v[7], (Boolean) v[8], (String) v[9], created, (Instant) v[10]);
        }

        Row active(String code) {
            Row row = rows.get(code);
            return row != null && row.active() ? row : null;
        }

        List<Row> activeChildren(String code) {
            return rows.values().stream().filter(row -> row.active() && code.equals(row.parent)).toList();
        }

        /**
         * The rows whose reports count under the unit: its active units, and units an earlier reorganisation retired
         * after they had reported (their reports still roll up here). When the unit ends without a report of its own
         * that counts, they all go where its work goes, or their figures would count nowhere.
         */
        List<Row> countingChildren(String code) {
            return rows.values().stream().filter(row -> (row.active() || row.submitted) && code.equals(row.parent)).toList();
        }

        void setParent(int seq, Row row, String parent) {
            if (!Objects.equals(row.parent, parent)) {
                changes.add(new UnitChange(seq, row.code, Field.PARENT, row.parent, parent));
                row.parent = parent;
            }
        }

        void retire(int seq, Row row, String successor, String parentAfter) {
            setParent(seq, row, parentAfter);
            changes.add(new UnitChange(seq, row.code, Field.RETIRED, null, "retired"));
            row.retired = true;
            if (successor != null) {
                changes.add(new UnitChange(seq, row.code, Field.SUCCESSOR, row.successor, successor));
                row.successor = successor;
            }
        }

        boolean isRoot(Row row) {
            return row.code.equals(campaign.rootUnit());
        }

        String label(String code) {
            if (code == null) {
                return "(không có)";
            }
            Row row = rows.get(code);
            return row == null ? code : row.name + " (" + code + ")";
        }
    }

    /** Works the changes out on the campaign's rows: nothing is written. */
    private Plan plan(Campaign campaign, Reorganisation reorganisation, TreeState next, ReorganisationChoices choices) {
        Plan plan = new Plan(campaign, choices);
        for (Change change : reorganisation.changes()) {
            int seq = change.seq();
            switch (change.kind()) {
                case MOVE -> {
                    Row unit = plan.active(change.unit());
                    if (unit == null) {
                        continue;
                    }
                    if (plan.isRoot(unit)) {
                        plan.notes.add("Thay đổi %d: %s là đơn vị gốc của đợt; đợt vẫn chạy từ đơn vị này".formatted(seq,
                                plan.label(unit.code)));
                    } else if (plan.active(change.parent()) == null) {
                        plan.problems.add("Thay đổi %d: %s chuyển đến %s, đơn vị không thuộc đợt này; hãy kết thúc đợt hoặc bỏ đợt ra khỏi lần áp dụng"
                                .formatted(seq, plan.label(unit.code), change.parent()));
                    } else {
                        plan.setParent(seq, unit, change.parent());
                    }
                }
                case RENAME -> {
                    Row unit = plan.active(change.unit());
                    if (unit != null && !unit.name.equals(change.name())) {
                        plan.changes.add(new UnitChange(seq, unit.code, Field.NAME, unit.name, change.name()));
                        unit.name = change.name();
                    }
                }
                case ABOLISH_LEVEL -> {
                    for (Row unit : List.copyOf(plan.rows.values())) {
                        if (!unit.active() || !unit.level.equals(change.level()) || change.except().contains(unit.code)) {
                            continue;
                        }
                        if (plan.isRoot(unit)) {
                            plan.problems.add("Thay đổi %d: %s, đơn vị gốc của đợt, kết thúc hoạt động; hãy kết thúc đợt"
                                    .formatted(seq, plan.label(unit.code)));
                            continue;
                        }
                        if (unit.submitted) {
                            // Its report, already consolidated from its subordinates' submitted reports, keeps counting
                            // where it was, and they stay in it; only those that have not reported go up a level.
                            for (Row child : plan.activeChildren(unit.code)) {
                                if (!child.submitted) {
                                    plan.setParent(seq, child, unit.parent);
                                }
                            }
                            plan.retire(seq, unit, null, unit.parent);
                        } else {
                            // It had not reported: its subordinates carry their own figures up, and it counts nowhere.
                            for (Row child : plan.countingChildren(unit.code)) {
                                plan.setParent(seq, child, unit.parent);
                            }
                            plan.retire(seq, unit, null, null);
                        }
                    }
                }
                case MERGE -> merge(plan, change, next);
                case SPLIT -> split(plan, change);
                case NEW_UNIT -> {
                    Row parent = plan.active(change.parent());
                    if (parent == null || plan.rows.containsKey(change.unit())) {
                        continue;
                    }
                    if (campaign.plan().level(change.level()).isEmpty()) {
                        plan.notes.add("Thay đổi %d: kế hoạch của đợt không đến cấp %s; %s không tham gia đợt".formatted(seq,
                                change.level(), change.name()));
                        continue;
                    }
                    create(plan, seq, change.unit(), change.name(), change.level(), parent.code, change.symbol());
                }
            }
        }
        if (choices.deadline() == ReorganisationChoices.Deadline.RECOMPUTE) {
            recomputeDeadlines(plan, reorganisation.effectiveOn());
        }
        return plan;
    }

    /**
     * A unit split in a running campaign, as the person applying chose ({@link ReorganisationChoices#splits}):
     * <ul>
     *   <li>to one successor: that successor stands for the whole of the unit in this campaign. A report the unit
     *       submitted counts where it counted, shown under the successor ("trước đây: …"), and no successor owes
     *       another; units of it that have not reported go up to its parent, as for an abolished unit. If it had not
     *       submitted, its review ends and the successor joins the campaign with a review of its own and the unit's
     *       subordinates, as a merge's new successor. The other successors join later campaigns only.</li>
     *   <li>afresh: every successor joins the campaign with a review of its own; the unit's review ends, and a report
     *       it submitted is kept as history and no longer counts in any roll-up. Its subordinates, with the reports
     *       they gave, go to the first successor, as in the tree.</li>
     * </ul>
     */
    private void split(Plan plan, Change change) {
        int seq = change.seq();
        Row unit = plan.active(change.unit());
        if (unit == null) {
            return;
        }
        if (plan.isRoot(unit)) {
            plan.problems.add("Thay đổi %d: %s, đơn vị gốc của đợt, được chia tách; hãy kết thúc đợt".formatted(seq,
                    plan.label(unit.code)));
            return;
        }
        String choice = plan.choices.splits().get(unit.code);
        List<String> parts = change.parts().stream().map(Reorganisation.Part::code).toList();
        if (choice == null) {
            List<String> values = new ArrayList<>();
            parts.forEach(part -> values.add(unit.code + ":" + part));
            values.add(unit.code + ":" + ReorganisationChoices.AFRESH);
            String explanation = ("chia tách %s trong đợt đang chạy cần người áp dụng chọn: tham số split=%s:<mã đơn vị> "
                    + "giao báo cáo và số liệu của đơn vị cho một đơn vị sau chia tách (%s), hoặc split=%s:afresh để "
                    + "từng đơn vị sau chia tách báo cáo lại (báo cáo cũ giữ làm lịch sử)")
                    .formatted(plan.label(unit.code), unit.code, String.join(", ", parts), unit.code);
            plan.choicesNeeded.add(new ChoiceNeeded(seq, unit.code, ReorganisationChoices.SPLIT_PARAMETER, values,
                    explanation));
            plan.problems.add("Thay đổi %d: %s".formatted(seq, explanation));
            return;
        }
        if (ReorganisationChoices.AFRESH.equals(choice)) {
            List<Row> created = change.parts().stream()
                    .map(part -> create(plan, seq, part.code(), part.name(), unit.level, unit.parent, unit.symbol)).toList();
            for (Row child : plan.countingChildren(unit.code)) {
                plan.setParent(seq, child, created.get(0).code);
            }
            plan.retire(seq, unit, null, null);
            if (unit.submitted) {
                plan.history.add(unit.code);
            }
            plan.notes.add(("Thay đổi %d: các đơn vị sau chia tách %s báo cáo lại%s").formatted(seq, plan.label(unit.code),
                    unit.submitted ? "; báo cáo số " + unit.documentNumber + " của đơn vị giữ làm lịch sử, không còn được cộng vào"
                            : "; quy trình của đơn vị kết thúc"));
            return;
        }
        if (unit.submitted) {
            for (Row child : plan.activeChildren(unit.code)) {
                if (!child.submitted) {
                    plan.setParent(seq, child, unit.parent);
                }
            }
            plan.retire(seq, unit, choice, unit.parent);
            plan.notes.add(("Thay đổi %d: báo cáo số %s và số liệu của %s được giao cho %s, vẫn cộng vào %s; các đơn vị "
                    + "sau chia tách không phải báo cáo lại trong đợt này").formatted(seq, unit.documentNumber,
                    plan.label(unit.code), choice, plan.label(unit.parent)));
            return;
        }
        Reorganisation.Part given = change.parts().stream().filter(part -> part.code().equals(choice)).findFirst()
                .orElseThrow();
        Row successor = create(plan, seq, given.code(), given.name(), unit.level, unit.parent, unit.symbol);
        for (Row child : plan.countingChildren(unit.code)) {
            plan.setParent(seq, child, successor.code);
        }
        plan.retire(seq, unit, successor.code, null);
        plan.notes.add(("Thay đổi %d: %s báo cáo thay cho %s trong đợt này; các đơn vị sau chia tách khác (%s) không "
                + "tham gia đợt").formatted(seq, plan.label(successor.code), plan.label(unit.code),
                String.join(", ", parts.stream().filter(part -> !part.equals(choice)).toList())));
    }

    /**
     * The report deadline of each unit continuing merged units' work, recomputed from the plan: as long as the plan
     * gives its level from the guidance it works from (the level above's guidance day, or the plan's own date at the
     * top) to its report, counted from the day the decision takes effect. A recomputation never shortens a deadline,
     * and a unit that has reported keeps its own.
     */
    private void recomputeDeadlines(Plan plan, LocalDate effectiveOn) {
        plan.continuing.forEach((code, seq) -> {
            Row unit = plan.active(code);
            if (unit == null || unit.submitted) {
                return;
            }
            Instant recomputed = recomputedDue(plan.campaign.plan(), unit.level, effectiveOn);
            if (recomputed != null && (unit.reportDue == null || recomputed.isAfter(unit.reportDue))) {
                plan.changes.add(new UnitChange(seq, code, Field.REPORT_DUE,
                        unit.reportDue == null ? null : unit.reportDue.toString(), recomputed.toString()));
                unit.reportDue = recomputed;
            }
        });
    }

    static Instant recomputedDue(vn.reviewcascade.plan.Plan plan, String level, LocalDate effectiveOn) {
        vn.reviewcascade.plan.Plan.Level own = plan.level(level).orElse(null);
        if (own == null || own.reportDue() == null) {
            return null;
        }
        LocalDate from = plan.levelAbove(level).filter(vn.reviewcascade.plan.Plan.Level::issuesGuidance)
                .map(vn.reviewcascade.plan.Plan.Level::guidanceDue)
                .map(day -> day.atYear(plan.year())).orElse(plan.issuedOn());
        LocalDate to = own.reportDue().atYear(plan.year());
        if (to.isBefore(from)) {
            to = to.plusYears(1);
        }
        return effectiveOn.plusDays(ChronoUnit.DAYS.between(from, to)).atTime(LocalTime.of(23, 59, 59))
                .atZone(Vietnam.ZONE).toInstant();
    }

    private void merge(Plan plan, Change change, TreeState next) {
        int seq = change.seq();
        List<Row> sources = change.units().stream().map(plan::active).filter(Objects::nonNull)
                .filter(row -> !row.code.equals(change.target())).toList();
        if (sources.isEmpty()) {
            return;
        }
        for (Row source : sources) {
            if (plan.isRoot(source)) {
                plan.problems.add("Thay đổi %d: %s, đơn vị gốc của đợt, được sáp nhập; hãy kết thúc đợt".formatted(seq,
                        plan.label(source.code)));
                return;
            }
        }
        Row target = plan.active(change.target());
        if (target == null) {
            if (plan.rows.containsKey(change.target())) {
                plan.problems.add("Thay đổi %d: đơn vị kế thừa %s đã giải thể hoặc sáp nhập trong đợt này".formatted(seq,
                        plan.label(change.target())));
                return;
            }
            TreeState.VersionedUnit successor = next.find(change.target()).orElseThrow();
            Row parent = plan.active(successor.parentCode());
            String parentCode = parent != null ? parent.code : sources.get(0).parent;
            target = create(plan, seq, successor.code(), successor.name(), successor.level(), parentCode, successor.symbol());
        }
        plan.continuing.putIfAbsent(target.code, seq);
        for (Row source : sources) {
            // A source that reported keeps the reports it consolidated; the rest of its units go to the successor.
            for (Row child : source.submitted ? plan.activeChildren(source.code) : plan.countingChildren(source.code)) {
                if (!source.submitted || !child.submitted) {
                    plan.setParent(seq, child, target.code);
                }
            }
            // Its report, if submitted, rolls up into the successor's parent; one that had not reported counts nowhere,
            // as an abolished unit, and is found from its successor.
            plan.retire(seq, source, target.code, source.submitted ? target.parent : null);
        }
    }

    private Row create(Plan plan, int seq, String code, String name, String level, String parent, String symbol) {
        Row row = new Row(code, name, level, parent, symbol, false, null, false, null, false, null, true,
                plan.campaign.deadlines().reportDue(level));
        plan.rows.put(code, row);
        plan.changes.add(new UnitChange(seq, code, Field.CREATED, null, parent));
        return row;
    }

    /** The dry run for one campaign: what applying would do; nothing is written. */
    Outcome dryRun(Campaign campaign, Reorganisation reorganisation, TreeState next, ReorganisationChoices choices) {
        Plan plan = plan(campaign, reorganisation, next, choices);
        return outcome(plan, false, parentsToTell(plan));
    }

    /**
     * Applies the reorganisation to one campaign, in the caller's transaction (one per campaign): the unit rows with
     * their change rows, then the engine through its API. Call only when {@link #dryRun} found no problem.
     */
    Outcome apply(Campaign campaign, Reorganisation reorganisation, TreeState next, ReorganisationChoices choices,
                  long reorganisationId, String by, Instant at) {
        Plan plan = plan(campaign, reorganisation, next, choices);
        if (!plan.problems.isEmpty()) {
            throw new IllegalStateException("Applied with problems: " + plan.problems);
        }
        Outcome planned = outcome(plan, false, List.of());
        long campaignId = campaign.id();
        String reason = "Sắp xếp tổ chức theo " + reorganisation.decision().label() + ", hiệu lực từ "
                + reorganisation.effectiveOn().getDayOfMonth() + "/" + reorganisation.effectiveOn().getMonthValue() + "/"
                + reorganisation.effectiveOn().getYear();

        // 1. The rows: each change with its record.
        for (UnitChange change : plan.changes) {
            if (change.field() == Field.CREATED) {
                Row row = plan.rows.get(change.unitCode());
                jdbc.sql("""
                                insert into campaign_unit (campaign_id, unit_code, unit_name, level, parent_code, symbol)
                                values (?, ?, ?, ?, ?, ?)""")
                        .params(campaignId, row.code, row.name, row.level, row.parent, row.symbol).update();
            }
            record(campaignId, change, reorganisationId, by, at);
            switch (change.field()) {
                case PARENT -> update(campaignId, change.unitCode(), "parent_code = ?", change.after());
                case NAME -> update(campaignId, change.unitCode(), "unit_name = ?", change.after());
                case RETIRED -> update(campaignId, change.unitCode(), "retired_at = ?", SqlTimes.at(at));
                case SUCCESSOR -> update(campaignId, change.unitCode(), "successor_code = ?", change.after());
                case REPORT_DUE -> update(campaignId, change.unitCode(), "recomputed_report_due = ?",
                        SqlTimes.at(Instant.parse(change.after())));
                case CREATED -> {
                }
            }
        }

        // 2. The engine, through its API only.
        Set<String> parentsToCheck = new LinkedHashSet<>();
        boolean deadlinesMoved = false;
        for (Row before : plan.before.values()) {
            Row after = plan.rows.get(before.code);
            boolean moved = !Objects.equals(before.parent, after.parent);
            if (after.retired && !before.retired) {
                if (before.parent != null) {
                    parentsToCheck.add(before.parent);
                }
                if (!before.submitted && running(before.processInstanceId)) {
                    // Its approvals are called processes: deleted with it, with their tasks, timers and jobs.
                    runtimeService.deleteProcessInstance(before.processInstanceId, reason, true, true);
                }
                continue;
            }
            if (moved) {
                if (before.parent != null) {
                    parentsToCheck.add(before.parent);
                }
                if (after.parent != null) {
                    parentsToCheck.add(after.parent);
                }
                if (!before.submitted) {
                    moveVisibility(campaignId, before.code, before.parent, after.parent);
                    waitForNewParentsGuidance(campaignId, after, at);
                }
            }
            if (!Objects.equals(before.name, after.name) && !before.submitted) {
                renameTasks(campaignId, before.code, before.name, after.name);
            }
            if (!Objects.equals(before.reportDue, after.reportDue) && running(before.processInstanceId)) {
                moveReportDeadline(campaignId, before.processInstanceId, before.code, after.reportDue);
                deadlinesMoved = true;
            }
        }
        if (deadlinesMoved) {
            events.publishEvent(new ReportDeadlinesMoved(campaignId));
        }
        for (Row row : plan.rows.values()) {
            if (row.created) {
                // Its documents are numbered in a sequence of its own, as each unit's are from a campaign's start.
                documentNumbers.prepare(List.of(row.code));
                if (guidanceIssued(campaignId, row.parent)) {
                    markGuidanceReceived(campaignId, row.code, at);
                }
                starter.start(campaign, reports.find(campaignId, row.code).orElseThrow());
            }
        }
        List<UnitLine> told = new ArrayList<>();
        for (String parent : parentsToCheck) {
            Row row = plan.rows.get(parent);
            if (row != null && row.active() && !row.submitted && running(row.processInstanceId)
                    && parentNotifier.tellIfAllReported(campaignId, parent)) {
                told.add(new UnitLine(parent, row.name, "mọi đơn vị cấp dưới còn lại đã báo cáo: báo cho đơn vị"));
            }
        }
        return new Outcome(planned.campaignId(), planned.title(), true, List.of(), List.of(), planned.changes(),
                planned.reportsKept(),
                planned.reportsOfChangedUnits(), planned.openTasksMoved(), planned.openTasksClosed(),
                planned.deadlinesAffected(), planned.expectedAdded(), planned.expectedRemoved(),
                planned.figuresReattributed(), told, planned.notes());
    }

    private void record(long campaignId, UnitChange change, long reorganisationId, String by, Instant at) {
        jdbc.sql("""
                        insert into campaign_unit_change (campaign_id, unit_code, reorganisation_id, change_seq, field,
                                                          before_value, after_value, changed_at, changed_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, change.unitCode(), reorganisationId, change.changeSeq(), change.field().name(),
                        change.before(), change.after(), SqlTimes.at(at), by)
                .update();
    }

    private void update(long campaignId, String unitCode, String assignment, Object value) {
        jdbc.sql("update campaign_unit set " + assignment + " where campaign_id = ? and unit_code = ?")
                .params(value, campaignId, unitCode).update();
    }

    private boolean running(String processInstanceId) {
        return processInstanceId != null
                && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /** The open tasks of the unit's approvals (its guidance's and its report's). */
    private List<Task> openTasks(long campaignId, String unitCode) {
        ReviewKey unit = ReviewKey.unit(campaignId, unitCode);
        return taskService.createTaskQuery().processInstanceBusinessKeyIn(unit.document(DocumentKind.GUIDANCE).toString(),
                unit.document(DocumentKind.REPORT).toString()).list();
    }

    /**
     * The parent's reviewers may read a subordinate's open task ({@code security.TaskVisibility}): the old parent's
     * grant is revoked and the new parent's given, for each open task of the moved unit.
     */
    private void moveVisibility(long campaignId, String unitCode, String oldParent, String newParent) {
        for (Task task : openTasks(campaignId, unitCode)) {
            if (oldParent != null) {
                String oldGroup = tree.groupId(oldParent, UnitRole.REVIEWER);
                authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
                        .groupIdIn(oldGroup).list()
                        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
            }
            if (newParent != null) {
                Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(tree.groupId(newParent, UnitRole.REVIEWER));
                authorization.setResource(Resources.TASK);
                authorization.setResourceId(task.getId());
                authorization.addPermission(Permissions.READ);
                authorizations.saveAuthorization(authorization);
            }
        }
    }

    /**
     * A moved unit still waiting for its old parent's guidance waits for its new parent's instead: its token is put
     * back before the gateway that decides whether to wait (process instance modification), which subscribes to the
     * new parent's signal with the new parent's level's deadline, or goes on if the new parent's guidance is issued.
     */
    private void waitForNewParentsGuidance(long campaignId, Row unit, Instant at) {
        if (!running(unit.processInstanceId)) {
            return;
        }
        ActivityInstance root = runtimeService.getActivityInstance(unit.processInstanceId);
        List<ActivityInstance> waiting = root == null ? List.of()
                : List.of(root.getActivityInstances(WAIT_FOR_GUIDANCE));
        if (waiting.isEmpty()) {
            return;
        }
        if (guidanceIssued(campaignId, unit.parent)) {
            markGuidanceReceived(campaignId, unit.code, at);
        }
        org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder modification = runtimeService
                .createProcessInstanceModification(unit.processInstanceId).startBeforeActivity(GUIDANCE_NEEDED);
        for (ActivityInstance instance : waiting) {
            modification = modification.cancelActivityInstance(instance.getId());
        }
        modification.execute();
    }

    /**
     * A recomputed report deadline reaches the engine through its API: the timer of "Hết hạn báo cáo" still to fire
     * is moved to it, and the open tasks of the unit's report take it as their due date. Timers created later read it
     * from the unit's row ({@code approval.UnitReviews#reportDue}); the campaign's reminders and escalation mails are
     * timed by it once told ({@link ReportDeadlinesMoved}).
     */
    private void moveReportDeadline(long campaignId, String processInstanceId, String unitCode, Instant due) {
        Date date = Date.from(due);
        managementService.createJobQuery().processInstanceId(processInstanceId).activityId(REPORT_DEADLINE_PASSED)
                .timers().list().forEach(job -> managementService.setJobDuedate(job.getId(), date));
        String report = ReviewKey.unit(campaignId, unitCode).document(DocumentKind.REPORT).toString();
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(report).list()) {
            task.setDueDate(date);
            taskService.saveTask(task);
        }
    }

    /** The guidance of the unit's parent reached it: read by {@code approval.GuidanceGate} when the unit comes to wait. */
    private void markGuidanceReceived(long campaignId, String unitCode, Instant at) {
        jdbc.sql("""
                        update campaign_unit set guidance_received_at = ?
                        where campaign_id = ? and unit_code = ? and guidance_received_at is null""")
                .params(SqlTimes.at(at), campaignId, unitCode).update();
    }

    /** Whether the unit has issued its guidance: its guidance document has its number. */
    private boolean guidanceIssued(long campaignId, String unitCode) {
        return unitCode != null && jdbc.sql("""
                        select count(*) from campaign_document
                        where campaign_id = ? and unit_code = ? and document_kind = 'GUIDANCE' and number is not null""")
                .params(campaignId, unitCode).query(Long.class).single() > 0;
    }

    /** Open tasks are titled with the unit's name ("Dự thảo báo cáo sơ kết – …"): they take the new one. */
    private void renameTasks(long campaignId, String unitCode, String oldName, String newName) {
        for (Task task : openTasks(campaignId, unitCode)) {
            if (task.getName() != null && task.getName().contains(oldName)) {
                task.setName(task.getName().replace(oldName, newName));
                taskService.saveTask(task);
            }
        }
    }

    /** The parents that would be told at once that every unit they still wait for has reported. */
    private List<UnitLine> parentsToTell(Plan plan) {
        Set<String> parents = new LinkedHashSet<>();
        for (Row before : plan.before.values()) {
            Row after = plan.rows.get(before.code);
            if (!Objects.equals(before.parent, after.parent) || after.retired != before.retired) {
                if (before.parent != null) {
                    parents.add(before.parent);
                }
                if (after.parent != null) {
                    parents.add(after.parent);
                }
            }
        }
        List<UnitLine> told = new ArrayList<>();
        for (String code : parents) {
            Row parent = plan.rows.get(code);
            if (parent == null || !parent.active() || parent.submitted || parent.subordinatesComplete || parent.created
                    || !running(parent.processInstanceId)) {
                continue;
            }
            boolean allReported = plan.rows.values().stream()
                    .filter(row -> row.active() && code.equals(row.parent)).allMatch(row -> row.submitted);
            if (allReported) {
                told.add(new UnitLine(code, parent.name, "mọi đơn vị cấp dưới còn lại đã báo cáo: báo cho đơn vị"));
            }
        }
        return told;
    }

    private Outcome outcome(Plan plan, boolean applied, List<UnitLine> parentsTold) {
        long campaignId = plan.campaign.id();
        Set<String> changed = new LinkedHashSet<>();
        plan.changes.forEach(change -> changed.add(change.unitCode()));
        int reportsKept = (int) plan.before.values().stream().filter(row -> row.submitted).count();
        List<UnitLine> reportsOfChanged = new ArrayList<>();
        List<TaskLine> moved = new ArrayList<>();
        List<TaskLine> closed = new ArrayList<>();
        List<DeadlineLine> deadlines = new ArrayList<>();
        List<UnitLine> added = new ArrayList<>();
        List<UnitLine> removed = new ArrayList<>();
        List<Reattribution> reattributed = new ArrayList<>();
        for (String code : changed) {
            Row before = plan.before.get(code);
            Row after = plan.rows.get(code);
            if (before == null) {
                added.add(new UnitLine(code, after.name, "đơn vị mới của đợt, dưới " + plan.label(after.parent)));
                continue;
            }
            if (before.submitted) {
                reportsOfChanged.add(new UnitLine(code, before.name, "báo cáo số " + before.documentNumber
                        + " giữ nguyên, người ký và số liệu không đổi"));
                String fromParent = before.parent;
                String toParent = after.parent;
                if (!Objects.equals(fromParent, toParent)) {
                    reattributed.add(new Reattribution(code, before.name, before.documentNumber, plan.label(fromParent),
                            toParent != null ? plan.label(toParent) : plan.history.contains(code)
                                    ? "(giữ làm lịch sử, không cộng vào đâu: các đơn vị sau chia tách báo cáo lại)"
                                    : "(không cộng vào đâu: các đơn vị cấp dưới của nó tự báo cáo lên)"));
                }
                continue;
            }
            if (after.retired && !before.retired) {
                removed.add(new UnitLine(code, before.name, after.successor == null ? "kết thúc hoạt động: không còn phải báo cáo"
                        : "sáp nhập vào " + plan.label(after.successor) + ": không còn phải báo cáo"));
                if (running(before.processInstanceId)) {
                    for (Task task : openTasks(campaignId, code)) {
                        closed.add(new TaskLine(task.getId(), task.getName(), code, "đóng, cùng quy trình của đơn vị"));
                    }
                }
                continue;
            }
            if (!Objects.equals(before.parent, after.parent)) {
                for (Task task : openTasks(campaignId, code)) {
                    moved.add(new TaskLine(task.getId(), task.getName(), code, "lãnh đạo thẩm định của "
                            + plan.label(after.parent) + " thay cho " + plan.label(before.parent) + " được xem"));
                }
                Row oldParent = plan.before.get(before.parent);
                Row newParent = plan.rows.get(after.parent);
                if (oldParent != null && newParent != null && waitsForGuidance(before.processInstanceId)) {
                    Instant was = plan.campaign.deadlines().guidanceDue(oldParent.level);
                    Instant will = plan.campaign.deadlines().guidanceDue(newParent.level);
                    deadlines.add(new DeadlineLine(code, after.name, guidanceIssued(campaignId, newParent.code)
                            ? "chờ hướng dẫn: " + plan.label(newParent.code) + " đã ban hành hướng dẫn, đơn vị nhận ngay"
                            : "chờ hướng dẫn của " + plan.label(newParent.code), was, will));
                }
            }
        }
        for (Map.Entry<String, Integer> continuing : plan.continuing.entrySet()) {
            Row before = plan.before.get(continuing.getKey());
            Row after = plan.rows.get(continuing.getKey());
            if (after.submitted || !after.active()) {
                continue;
            }
            Instant was = before == null ? plan.campaign.deadlines().reportDue(after.level) : before.reportDue;
            String choice = plan.choices.deadline() == ReorganisationChoices.Deadline.KEEP
                    ? "hạn báo cáo của đơn vị kế thừa: giữ nguyên (deadline=keep)"
                    : Objects.equals(was, after.reportDue)
                    ? "hạn báo cáo của đơn vị kế thừa: tính lại theo kế hoạch không muộn hơn hạn đang có, giữ nguyên (deadline=recompute)"
                    : "hạn báo cáo của đơn vị kế thừa: tính lại theo kế hoạch từ ngày có hiệu lực (deadline=recompute)";
            deadlines.add(new DeadlineLine(after.code, after.name, choice, was, after.reportDue));
        }
        return new Outcome(campaignId, plan.campaign.title(), applied, List.copyOf(plan.problems),
                List.copyOf(plan.choicesNeeded), List.copyOf(plan.changes), reportsKept, reportsOfChanged, moved, closed, deadlines, added, removed,
                reattributed, parentsTold, List.copyOf(plan.notes));
    }

    private boolean waitsForGuidance(String processInstanceId) {
        return processInstanceId != null && runtimeService.createExecutionQuery().processInstanceId(processInstanceId)
                .activityId(WAIT_FOR_GUIDANCE).count() > 0;
    }
}
