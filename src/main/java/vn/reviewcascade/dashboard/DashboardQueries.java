package vn.reviewcascade.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.Vietnam;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.notification.TimeWords;
import vn.reviewcascade.people.People;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.Rollup;
import vn.reviewcascade.report.UnitFigures;
import vn.reviewcascade.report.UnitStates;
import vn.reviewcascade.report.UnitStatus;

import static vn.reviewcascade.SqlTimes.instant;

/**
 * The one query layer of the organising board's dashboard, behind both its page and its API. Everything is counted
 * in the database with a fixed number of set-based statements per request, never one per unit: a national campaign
 * has fifty thousand units. Lists that can grow with the tree are paged ({@link Page#MAX_SIZE} at most).
 *
 * <p>A scope is a unit and everything below it in the campaign's snapshot of the tree; the campaign's root needs no
 * walk, any other unit a recursive query down from it. Who may ask for which scope is the caller's check.
 */
@Component
public class DashboardQueries {

    /** A unit's row, for a page of units at most: its status is looked up in the engine row by row. */
    private static final String UNIT_COLUMNS = "r.unit_code, r.unit_name, r.level, r.parent_code, " + UnitStates.DUE + """
             as report_due, r.submitted_at, r.consolidated_at,
            n.number as document_number,
            """ + UnitStates.FLAG_COLUMNS + ",\n" + UnitStates.TOKEN_COLUMNS;

    /** The number of a unit's report, once issued. */
    private static final String REPORT_NUMBER = """
            left join campaign_document n on n.campaign_id = r.campaign_id and n.unit_code = r.unit_code
                                         and n.document_kind = 'REPORT'
            """;

    /** Counts over many units, with {@link UnitStates#DEADLINE_JOINS}. */
    // A unit abolished or merged away before it reported is no longer expected (reorganisation).
    private static final String RATE_COLUMNS = """
            sum(case when r.retired_at is null or r.submitted_at is not null then 1 else 0 end) as expected,
            sum(case when """ + UnitStates.ON_TIME + """
                then 1 else 0 end) as on_time,
            sum(case when """ + UnitStates.LATE + """
                then 1 else 0 end) as late,
            sum(case when """ + UnitStates.OVERDUE + """
                then 1 else 0 end) as overdue
            """;

    private final JdbcClient jdbc;
    private final EngineClock clock;
    private final ReportRepository reports;
    private final People people;

    public DashboardQueries(JdbcClient jdbc, EngineClock clock, ReportRepository reports, People people) {
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
        this.reports = reports;
    }

    /** The reporting rates of the unit's subtree: per level, and per unit with subordinates, worst first. */
    public CampaignRates rates(Campaign campaign, String scopeUnit, int page, int size) {
        Scope scope = new Scope(campaign, scopeUnit);
        String scopeName = jdbc.sql("select unit_name from campaign_unit where campaign_id = ? and unit_code = ?")
                .params(campaign.id(), scopeUnit).query(String.class).single();
        Map<String, Rates> byLevel = new HashMap<>();
        jdbc.sql(scope.with() + "select r.level, " + RATE_COLUMNS + scope.from("unit_code") + UnitStates.DEADLINE_JOINS
                        + "where r.campaign_id = ? group by r.level")
                .params(scope.params(campaign.id())).query(rs -> {
                    byLevel.put(rs.getString("level"), rates(rs));
                });
        List<LevelRates> levels = new ArrayList<>();
        long expected = 0;
        long onTime = 0;
        long late = 0;
        long overdue = 0;
        for (Plan.Level level : campaign.plan().levels()) {
            Rates rates = byLevel.get(level.key());
            if (rates != null) {
                levels.add(new LevelRates(level.key(), level.name(), campaign.deadlines().reportDue(level.key()), rates));
                expected += rates.expected();
                onTime += rates.onTime();
                late += rates.late();
                overdue += rates.overdue();
            }
        }
        int pageSize = Page.size(size);
        // A scope's parents are its own units that have subordinates: the scope unit itself and those below it.
        long total = jdbc.sql(scope.with() + "select count(distinct r.parent_code) " + scope.from("parent_code")
                        + "where r.campaign_id = ?")
                .params(scope.params(campaign.id())).query(Long.class).single();
        List<ParentRates> parents = parentRates(campaign, scope, " limit ? offset ?", pageSize,
                (long) Math.max(0, page) * pageSize);
        return new CampaignRates(campaign.id(), scopeUnit, scopeName, Rates.of(expected, onTime, late, overdue), levels,
                new Page<>(Math.max(0, page), pageSize, total, parents));
    }

    /** Every unit with subordinates in the unit's subtree with its subordinates' rates, as the rates list them: for export. */
    public List<ParentRates> allParentRates(Campaign campaign, String scopeUnit) {
        return parentRates(campaign, new Scope(campaign, scopeUnit), "");
    }

    private List<ParentRates> parentRates(Campaign campaign, Scope scope, String limit, Object... limitParams) {
        return jdbc.sql(scope.with() + "select p.unit_code, p.unit_name, p.level, " + RATE_COLUMNS
                        + scope.from("parent_code") + UnitStates.DEADLINE_JOINS
                        + "join campaign_unit p on p.campaign_id = r.campaign_id and p.unit_code = r.parent_code "
                        + "where r.campaign_id = ?"
                        + " group by p.unit_code, p.unit_name, p.level"
                        + " order by overdue desc, count(*) - sum(case when r.submitted_at is null then 0 else 1 end) desc,"
                        + " p.unit_code" + limit)
                .params(scope.params(concat(campaign.id(), List.of(limitParams)).toArray()))
                .query((rs, n) -> new ParentRates(rs.getString("unit_code"), rs.getString("unit_name"),
                        rs.getString("level"), levelName(campaign, rs.getString("level")), rates(rs)))
                .list();
    }

    /**
     * A unit opened: itself with its open task, the units above it from the campaign's root down (the caller hides
     * those the user may not see), a page of its subordinates with theirs, and its figures rolled up.
     */
    public Optional<DrillDown> drillDown(Campaign campaign, String unitCode, int page, int size) {
        Map<String, Row> found = rows(campaign, "r.unit_code = ?", List.of(unitCode), null);
        Row row = found.get(unitCode);
        if (row == null) {
            return Optional.empty();
        }
        int pageSize = Page.size(size);
        long total = jdbc.sql("select count(*) from campaign_unit where campaign_id = ? and parent_code = ?")
                .params(campaign.id(), unitCode).query(Long.class).single();
        List<Row> children = new ArrayList<>(rows(campaign, "r.parent_code = ?", List.of(unitCode),
                "order by r.unit_code limit " + pageSize + " offset " + (long) Math.max(0, page) * pageSize).values());

        List<String> codes = new ArrayList<>();
        codes.add(unitCode);
        children.forEach(child -> codes.add(child.code()));
        Map<String, Rates> below = subordinateRates(campaign, codes);
        Map<String, OpenTask> tasks = openTasks(campaign, codes);
        Instant now = clock.now();

        UnitNode node = node(campaign, row, below, tasks, now);
        List<UnitNode> childNodes = children.stream().map(child -> node(campaign, child, below, tasks, now)).toList();
        // The units it continues after a merge in this campaign: what they reported stays theirs, shown with it.
        List<UnitNode> predecessors = rows(campaign, "r.successor_code = ?", List.of(unitCode), "order by r.unit_name")
                .values().stream().map(predecessor -> node(campaign, predecessor, below, tasks, now)).toList();
        Figures figures = figures(campaign, row, children);
        return Optional.of(new DrillDown(campaign.id(), node, path(campaign, unitCode), predecessors,
                new Page<>(Math.max(0, page), pageSize, total, childNodes), figures.lines(), figures.contributions()));
    }

    /** How each level's reports came in, per day in Vietnam, cumulated; the scope as for {@link #rates}. */
    public List<LevelSubmissions> submissions(Campaign campaign, String scopeUnit) {
        Scope scope = new Scope(campaign, scopeUnit);
        Map<String, Long> expected = new HashMap<>();
        jdbc.sql(scope.with() + "select r.level, sum(case when r.retired_at is null or r.submitted_at is not null then 1 else 0 end) "
                        + scope.from("unit_code") + "where r.campaign_id = ? "
                        + "group by r.level")
                .params(scope.params(campaign.id())).query(rs -> {
                    expected.put(rs.getString(1), rs.getLong(2));
                });
        // Days are Vietnam's, whatever the database's zone: grouped here from the submission times, one row each
        // (a timestamp's zone conversion in SQL differs between H2 and PostgreSQL).
        Map<String, TreeMap<LocalDate, Long>> perDay = new HashMap<>();
        jdbc.sql(scope.with() + "select r.level, r.submitted_at " + scope.from("unit_code") + "where r.campaign_id = ? "
                        + "and r.submitted_at is not null")
                .params(scope.params(campaign.id())).query(rs -> {
                    LocalDate day = instant(rs, "submitted_at").atZone(Vietnam.ZONE).toLocalDate();
                    perDay.computeIfAbsent(rs.getString("level"), level -> new TreeMap<>()).merge(day, 1L, Long::sum);
                });
        List<LevelSubmissions> result = new ArrayList<>();
        for (Plan.Level level : campaign.plan().levels()) {
            if (!expected.containsKey(level.key())) {
                continue;
            }
            List<LevelSubmissions.Day> days = new ArrayList<>();
            long cumulative = 0;
            for (Map.Entry<LocalDate, Long> day : perDay.getOrDefault(level.key(), new TreeMap<>()).entrySet()) {
                cumulative += day.getValue();
                days.add(new LevelSubmissions.Day(day.getKey(), day.getValue(), cumulative));
            }
            Instant due = campaign.deadlines().reportDue(level.key());
            result.add(new LevelSubmissions(level.key(), level.name(), due, due.atZone(Vietnam.ZONE).toLocalDate(),
                    expected.get(level.key()), days));
        }
        return result;
    }

    /**
     * Of the given units, the one highest in the campaign's plan (the first level wins, then the code): where a
     * user who belongs to several units starts; empty when none is in the campaign.
     */
    public Optional<String> highest(Campaign campaign, Collection<String> units) {
        if (units.isEmpty()) {
            return Optional.empty();
        }
        List<String> levels = campaign.plan().levelKeys();
        List<String[]> found = jdbc.sql("select unit_code, level from campaign_unit where campaign_id = ? and unit_code in ("
                        + placeholders(units) + ")")
                .params(concat(campaign.id(), units)).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        return found.stream().sorted(Comparator.<String[]>comparingInt(unit -> levels.indexOf(unit[1]))
                .thenComparing(unit -> unit[0])).map(unit -> unit[0]).findFirst();
    }

    private record Row(String code, String name, String level, String parentCode, UnitStatus status, Instant reportDue,
                       Instant submittedAt, Instant consolidatedAt, String documentNumber, boolean overdue,
                       boolean late) {
    }

    private Map<String, Row> rows(Campaign campaign, String where, List<Object> params, String tail) {
        List<Object> all = new ArrayList<>();
        all.add(campaign.id());
        all.addAll(params);
        Map<String, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select " + UNIT_COLUMNS + "from campaign_unit r " + UnitStates.DEADLINE_JOINS + REPORT_NUMBER
                        + "where r.campaign_id = ? and " + where + (tail == null ? "" : " " + tail))
                .params(all).query(rs -> {
                    rows.put(rs.getString("unit_code"), new Row(rs.getString("unit_code"), rs.getString("unit_name"),
                            rs.getString("level"), rs.getString("parent_code"), UnitStates.status(rs),
                            instant(rs, "report_due"), instant(rs, "submitted_at"), instant(rs, "consolidated_at"),
                            rs.getString("document_number"), rs.getInt("overdue") == 1, rs.getInt("late") == 1));
                });
        return rows;
    }

    private UnitNode node(Campaign campaign, Row row, Map<String, Rates> below, Map<String, OpenTask> tasks, Instant now) {
        Rates subordinates = below.get(row.code());
        Integer daysLeft = null;
        String words;
        if (row.status() == UnitStatus.ENDED) {
            // Its campaign was ended early: no report is awaited any more, so no time runs out or is exceeded.
            words = "không phải nộp nữa (đợt đã kết thúc)";
        } else if (row.submittedAt() == null) {
            daysLeft = (int) ChronoUnit.DAYS.between(day(now), day(row.reportDue()));
            // Past the deadline it is said as Cockpit says it ("quá hạn 2 ngày 3 giờ"), even on the deadline's day.
            words = now.isAfter(row.reportDue()) ? "quá hạn " + TimeWords.of(Duration.between(row.reportDue(), now))
                    : daysLeft > 0 ? "còn " + daysLeft + " ngày"
                    : "hạn hôm nay, còn " + TimeWords.of(Duration.between(now, row.reportDue()));
        } else {
            long late = ChronoUnit.DAYS.between(day(row.reportDue()), day(row.submittedAt()));
            words = !row.late() ? "nộp đúng hạn"
                    : late == 0 ? "nộp muộn trong ngày" : "nộp muộn " + late + " ngày";
        }
        return new UnitNode(row.code(), row.name(), row.level(), levelName(campaign, row.level()), row.parentCode(),
                row.status(), row.status().label(), row.reportDue(), daysLeft, words, row.overdue(), row.submittedAt(),
                row.late(), row.documentNumber(),
                subordinates == null ? 0 : subordinates.expected(), subordinates, tasks.get(row.code()));
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(Vietnam.ZONE).toLocalDate();
    }

    /** The rates of the units directly under each of the given units, in one statement. */
    private Map<String, Rates> subordinateRates(Campaign campaign, List<String> parents) {
        Map<String, Rates> rates = new HashMap<>();
        jdbc.sql("select r.parent_code, " + RATE_COLUMNS + "from campaign_unit r " + UnitStates.DEADLINE_JOINS + "where r.campaign_id = ? and "
                        + "r.parent_code in (" + placeholders(parents) + ") group by r.parent_code")
                .params(concat(campaign.id(), parents)).query(rs -> {
                    rates.put(rs.getString("parent_code"), rates(rs));
                });
        return rates;
    }

    /**
     * The open tasks of the given units' approvals, read from the engine's runtime tables in one statement: the
     * engine's task query would check the user's task authorizations (a board reads every unit's progress but works
     * no unit's tasks) and need one more query per task for its candidate groups. An approval's business key is
     * {@code <campaign>/<unit>/<document>}. Who holds each task is then named for people, every name of the page
     * at once ({@link People}).
     */
    private Map<String, OpenTask> openTasks(Campaign campaign, List<String> units) {
        List<String> keys = new ArrayList<>();
        for (String unit : units) {
            for (DocumentKind kind : DocumentKind.values()) {
                keys.add(ReviewKey.unit(campaign.id(), unit).document(kind).toString());
            }
        }
        Map<String, OpenTask> tasks = new HashMap<>();
        jdbc.sql("""
                        select e.BUSINESS_KEY_ as business_key, t.ID_ as task_id, t.NAME_ as name, t.ASSIGNEE_ as assignee,
                               t.CREATE_TIME_ as created, l.GROUP_ID_ as group_id
                        from ACT_RU_TASK t
                        join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                        left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'
                        where e.BUSINESS_KEY_ in (""" + placeholders(keys) + ") order by t.CREATE_TIME_, l.GROUP_ID_")
                .params(keys).query(rs -> {
                    ReviewKey key = ReviewKey.parse(rs.getString("business_key"));
                    // One row per candidate group; a unit's later task, if it ever had two, is the one it waits on.
                    OpenTask known = tasks.get(key.unitCode());
                    String taskId = rs.getString("task_id");
                    String group = rs.getString("group_id");
                    List<String> candidates = new ArrayList<>(known == null || !known.taskId().equals(taskId) ? List.of()
                            : known.candidates());
                    if (group != null) {
                        candidates.add(group);
                    }
                    Instant created = rs.getTimestamp("created").toInstant();
                    tasks.put(key.unitCode(), new OpenTask(taskId, rs.getString("name"), key.kind().name(),
                            rs.getString("assignee"), null, List.copyOf(candidates), List.of(), created));
                });
        Map<String, String> userNames = people.userNames(tasks.values().stream().map(OpenTask::assignee).toList());
        Map<String, String> groupNames = people.groupNames(tasks.values().stream()
                .flatMap(task -> task.candidates().stream()).toList());
        tasks.replaceAll((unit, task) -> new OpenTask(task.taskId(), task.name(), task.document(), task.assignee(),
                userNames.get(task.assignee()), task.candidates(), task.candidates().stream().map(groupNames::get).toList(),
                task.created()));
        return tasks;
    }

    /** The units above the opened one, from the campaign's root down. */
    private List<DrillDown.PathStep> path(Campaign campaign, String unitCode) {
        List<DrillDown.PathStep> up = new ArrayList<>();
        jdbc.sql("""
                        with recursive up_tree (unit_code, unit_name, parent_code, depth) as (
                            select unit_code, unit_name, parent_code, 0 from campaign_unit where campaign_id = ? and unit_code = ?
                            union all
                            select p.unit_code, p.unit_name, p.parent_code, u.depth + 1 from campaign_unit p
                            join up_tree u on p.unit_code = u.parent_code
                            where p.campaign_id = ?)
                        select unit_code, unit_name from up_tree where depth > 0 order by depth""")
                .params(campaign.id(), unitCode, campaign.id()).query(rs -> {
                    up.add(new DrillDown.PathStep(rs.getString(1), rs.getString(2)));
                });
        Collections.reverse(up);
        return up;
    }

    /**
     * The unit's own figures (its draft's until it submits, as its report view shows them) rolled up with every
     * subordinate's, and the page's submitted subordinates' contributions, from one {@link Rollup}.
     */
    private Figures figures(Campaign campaign, Row row, List<Row> children) {
        Map<String, Long> own = new HashMap<>();
        jdbc.sql("select indicator, figure from report_figure where campaign_id = ? and unit_code = ?")
                .params(campaign.id(), row.code()).query(rs -> {
                    own.put(rs.getString(1), rs.getLong(2));
                });
        Rollup rollup = Rollup.of(own, row.consolidatedAt(), reports.subordinateFigures(campaign.id(), row.code())
                .stream().map(UnitFigures::asSubordinate).toList());
        List<FigureLine> lines = campaign.plan().indicators().stream()
                .map(indicator -> new FigureLine(indicator.key(), indicator.label(), indicator.unit(), indicator.group(),
                        own.get(indicator.key()), rollup.totals().getOrDefault(indicator.key(), 0L),
                        rollup.differences().get(indicator.key()),
                        rollup.lateAdditions().getOrDefault(indicator.key(), 0L)))
                .toList();
        List<Contribution> contributions = children.stream()
                .filter(child -> rollup.contributions().containsKey(child.code()))
                .map(child -> new Contribution(child.code(), child.name(), rollup.contributions().get(child.code()),
                        rollup.lateAddition(child.code())))
                .toList();
        return new Figures(lines, contributions);
    }

    private record Figures(List<FigureLine> lines, List<Contribution> contributions) {
    }

    private static Rates rates(ResultSet rs) throws SQLException {
        return Rates.of(rs.getLong("expected"), rs.getLong("on_time"), rs.getLong("late"), rs.getLong("overdue"));
    }

    private static String levelName(Campaign campaign, String level) {
        return campaign.plan().level(level).map(Plan.Level::name).orElse(level);
    }

    private static String placeholders(Collection<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    private static List<Object> concat(Object first, Collection<?> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /**
     * A unit and everything below it. The campaign's root is the whole campaign and needs no walk; any other unit
     * is walked down from in one recursive statement (the report table keeps parents, not paths), which then drives
     * the join to the rows counted: an {@code in (…)} over the walk was evaluated row by row on H2, 30 times slower.
     */
    private record Scope(Campaign campaign, String unit) {

        boolean whole() {
            return unit.equals(campaign.rootUnit());
        }

        String with() {
            return whole() ? "" : """
                    with recursive scope_tree (unit_code) as (
                        select unit_code from campaign_unit where campaign_id = ? and unit_code = ?
                        union all
                        select c.unit_code from campaign_unit c join scope_tree s on c.parent_code = s.unit_code
                        where c.campaign_id = ?)
                    """;
        }

        /** The rows whose {@code column} is in the scope, as {@code r}. */
        String from(String column) {
            return whole() ? "from campaign_unit r " : "from scope_tree s join campaign_unit r on r.campaign_id = ? and r." + column
                    + " = s.unit_code ";
        }

        List<Object> params(Object... rest) {
            List<Object> all = new ArrayList<>();
            if (!whole()) {
                all.add(campaign.id());
                all.add(unit);
                all.add(campaign.id());
                all.add(campaign.id());
            }
            all.addAll(List.of(rest));
            return all;
        }
    }
}
