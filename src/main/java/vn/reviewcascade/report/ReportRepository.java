package vn.reviewcascade.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.reviewcascade.unit.Unit;

import static vn.reviewcascade.SqlTimes.at;
import static vn.reviewcascade.SqlTimes.instant;

/** The report table and its figures. Every method runs in the caller's transaction (the engine's, in delegates). */
@Repository
public class ReportRepository {

    /**
     * A unit's row with its report deadline (its own or its level's, {@link UnitStates#DUE}), when it was found overdue (the escalation
     * raised for it), its documents' numbers and the engine's token its status is derived from: each kept once, in
     * its own table.
     */
    private static final String COLUMNS = "select r.campaign_id, r.unit_code, r.unit_name, r.level, r.parent_code, r.symbol, "
            + UnitStates.DUE + """
             as report_due,
                   r.guidance_received_at, g.number as guidance_number, g.issued_at as guidance_issued_at,
                   r.consolidated_at, r.submitted_at, e.raised_at as escalated_at, p.number as document_number,
                   r.process_instance_id, """ + UnitStates.FLAG_COLUMNS + ",\n" + UnitStates.TOKEN_COLUMNS;

    private static final String JOINS = UnitStates.DEADLINE_JOINS + """
            left join campaign_document g on g.campaign_id = r.campaign_id and g.unit_code = r.unit_code
                                         and g.document_kind = 'GUIDANCE'
            left join campaign_document p on p.campaign_id = r.campaign_id and p.unit_code = r.unit_code
                                         and p.document_kind = 'REPORT'
            """;

    private static final String SELECT = COLUMNS + " from campaign_unit r\n" + JOINS;

    /**
     * Which of a parent's rows count under it: every unit that still owes a report, and a unit merged away by a
     * reorganisation whose report was submitted before (its figures roll up into its successor's parent). A unit
     * abolished has no parent any more; its subordinates report to the level above.
     */
    private static final String COUNTS = "(r.retired_at is null or r.submitted_at is not null)";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public ReportRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * One row per unit; a batch, because a national campaign has tens of thousands of units. The campaign's root
     * has no parent in the campaign, whatever it has in the tree.
     */
    public void insertAll(long campaignId, String rootCode, List<Unit> units) {
        jdbcTemplate.batchUpdate("""
                        insert into campaign_unit (campaign_id, unit_code, unit_name, level, parent_code, symbol)
                        values (?, ?, ?, ?, ?, ?)""", units, 500, (statement, unit) -> {
                    statement.setLong(1, campaignId);
                    statement.setString(2, unit.code());
                    statement.setString(3, unit.name());
                    statement.setString(4, unit.level());
                    statement.setString(5, unit.code().equals(rootCode) ? null : unit.parentCode());
                    statement.setString(6, unit.symbol());
                });
    }

    /** Whether the campaign was ended early (table {@code campaign_end}, written by the campaign's end). */
    public boolean campaignEnded(long campaignId) {
        return jdbc.sql("select count(*) from campaign_end where campaign_id = ?").param(campaignId)
                .query(Integer.class).single() > 0;
    }

    public Optional<UnitReport> find(long campaignId, String unitCode) {
        return jdbc.sql(SELECT + "where r.campaign_id = ? and r.unit_code = ?")
                .params(campaignId, unitCode).query(ReportRepository::unitReport).optional();
    }

    public List<UnitReport> findAll(long campaignId) {
        return jdbc.sql(SELECT + "where r.campaign_id = ? order by r.unit_code")
                .param(campaignId).query(ReportRepository::unitReport).list();
    }

    public List<UnitReport> findSubordinates(long campaignId, String parentCode) {
        return jdbc.sql(SELECT + "where r.campaign_id = ? and r.parent_code = ? and " + COUNTS + " order by r.unit_code")
                .params(campaignId, parentCode).query(ReportRepository::unitReport).list();
    }

    /**
     * Which units a page of a campaign's units lists: a level, words in the name or code, only overdue ones.
     *
     * @param level   a level's key, or null for every level
     * @param words   what the name or code contains, in any case, or null
     * @param overdue true for overdue units only
     */
    public record UnitFilter(String level, String words, boolean overdue) {
    }

    /**
     * A page of the campaign's units, in the given order, with the total over all pages: of the whole campaign, or of
     * the subtrees under {@code scope} (walked down in the database, the units of a national campaign never read
     * whole).
     */
    public UnitPage page(long campaignId, Collection<String> scope, UnitFilter filter, UnitOrder order, int page,
                         int size) {
        List<Object> params = new ArrayList<>();
        String with = "";
        String from = " from campaign_unit r\n";
        if (scope != null) {
            if (scope.isEmpty()) {
                return new UnitPage(0, List.of());
            }
            // union, not union all: a user of a unit and of one below it walks that subtree once.
            with = """
                    with recursive scope_tree (unit_code) as (
                        select unit_code from campaign_unit where campaign_id = ? and unit_code in (""" + placeholders(scope.size()) + """
                    )
                        union
                        select c.unit_code from campaign_unit c join scope_tree s on c.parent_code = s.unit_code
                        where c.campaign_id = ?)
                    """;
            params.add(campaignId);
            params.addAll(scope);
            params.add(campaignId);
            from = " from scope_tree s join campaign_unit r on r.unit_code = s.unit_code\n";
        }
        StringBuilder where = new StringBuilder("where r.campaign_id = ?");
        params.add(campaignId);
        if (filter.level() != null && !filter.level().isBlank()) {
            where.append(" and r.level = ?");
            params.add(filter.level());
        }
        if (filter.words() != null && !filter.words().isBlank()) {
            where.append(" and (lower(r.unit_name) like ? or lower(r.unit_code) like ?)");
            String like = "%" + filter.words().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (filter.overdue()) {
            where.append(" and ").append(UnitStates.OVERDUE);
        }
        long total = jdbc.sql(with + "select count(*)" + from + UnitStates.DEADLINE_JOINS + where)
                .params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<UnitReport> units = jdbc.sql(with + COLUMNS + from + JOINS + where + " order by " + order.sql + " limit ? offset ?")
                .params(pageParams).query(ReportRepository::unitReport).list();
        return new UnitPage(total, units);
    }

    /** How a page of units is ordered. */
    public enum UnitOrder {
        /** By code. */
        CODE("r.unit_code"),
        /** Under the unit each reports to (the root first), then by name: a list read parent by parent. */
        PARENT_THEN_NAME("r.parent_code nulls first, r.unit_name, r.unit_code");

        private final String sql;

        UnitOrder(String sql) {
            this.sql = sql;
        }
    }

    /** The names of the given units in the campaign's snapshot, in one query. */
    public Map<String, String> names(long campaignId, Collection<String> unitCodes) {
        Map<String, String> names = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return names;
        }
        List<Object> params = new ArrayList<>(List.of(campaignId));
        params.addAll(unitCodes);
        jdbc.sql("select unit_code, unit_name from campaign_unit where campaign_id = ? and unit_code in ("
                        + placeholders(unitCodes.size()) + ")")
                .params(params).query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** One page of units and how many there are on all pages. */
    public record UnitPage(long total, List<UnitReport> units) {
    }

    /** The overdue units under one parent: how many, and the first few by name. */
    public record OverdueGroup(String parentCode, String parentName, long count, List<UnitReport> first) {
    }

    /**
     * The overdue units grouped by the unit each reports to (the campaign's root under itself), the parents with
     * the most first, at most {@code parents} of them and {@code perParent} units of each: a summary whose size does
     * not grow with the campaign, counted and cut in the database.
     */
    public List<OverdueGroup> overdueByParent(long campaignId, int parents, int perParent) {
        Map<String, OverdueGroup> groups = new LinkedHashMap<>();
        jdbc.sql("""
                        select coalesce(r.parent_code, r.unit_code) as parent_code, coalesce(p.unit_name, r.unit_name) as parent_name,
                               count(*) as units
                        from campaign_unit r
                        """ + UnitStates.DEADLINE_JOINS + """
                        left join campaign_unit p on p.campaign_id = r.campaign_id and p.unit_code = r.parent_code
                        where r.campaign_id = ? and """ + UnitStates.OVERDUE + """
                        group by coalesce(r.parent_code, r.unit_code), coalesce(p.unit_name, r.unit_name)
                        order by count(*) desc, coalesce(p.unit_name, r.unit_name) limit ?""")
                .params(campaignId, parents).query(rs -> {
                    groups.put(rs.getString("parent_code"), new OverdueGroup(rs.getString("parent_code"),
                            rs.getString("parent_name"), rs.getLong("units"), new ArrayList<>()));
                });
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(campaignId));
        params.addAll(groups.keySet());
        params.add(perParent);
        List<String> first = jdbc.sql("""
                        select unit_code from (
                            select r.unit_code, row_number() over (partition by coalesce(r.parent_code, r.unit_code)
                                                                  order by r.unit_name, r.unit_code) as place
                            from campaign_unit r
                        """ + UnitStates.DEADLINE_JOINS + """
                            where r.campaign_id = ? and """ + UnitStates.OVERDUE + """
                              and coalesce(r.parent_code, r.unit_code) in (""" + placeholders(groups.size()) + """
                        )) ranked where place <= ?""")
                .params(params).query(String.class).list();
        List<Object> unitParams = new ArrayList<>(List.of(campaignId));
        unitParams.addAll(first);
        jdbc.sql(SELECT + "where r.campaign_id = ? and r.unit_code in (" + placeholders(first.size())
                        + ") order by r.unit_name, r.unit_code")
                .params(unitParams).query(ReportRepository::unitReport).list()
                .forEach(unit -> groups.get(unit.parentCode() == null ? unit.unitCode() : unit.parentCode()).first().add(unit));
        return groups.values().stream().map(group -> new OverdueGroup(group.parentCode(), group.parentName(), group.count(),
                List.copyOf(group.first()))).toList();
    }

    public long countOverdue(long campaignId) {
        return jdbc.sql("select count(*) from campaign_unit r " + UnitStates.DEADLINE_JOINS + "where r.campaign_id = ? and "
                        + UnitStates.OVERDUE)
                .param(campaignId).query(Long.class).single();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    public boolean hasSubordinates(long campaignId, String unitCode) {
        return jdbc.sql("select count(*) from campaign_unit where campaign_id = ? and parent_code = ? and retired_at is null")
                .params(campaignId, unitCode).query(Long.class).single() > 0;
    }

    /**
     * Counted in the database: a national campaign has tens of thousands of rows. The statuses are counted per
     * distinct engine token, then derived, as for a single unit.
     */
    public CampaignProgress progress(long campaignId) {
        Map<UnitStatus, Long> counts = new EnumMap<>(UnitStatus.class);
        for (UnitStatus status : UnitStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("""
                        select s.submitted_at, s.campaign_ended, s.waiting_at, s.open_task, s.retired, count(*) as units
                        from (select case when r.submitted_at is null then null else 1 end as submitted_at,
                        """ + UnitStates.TOKEN_COLUMNS + """
                              from campaign_unit r where r.campaign_id = ?) s
                        group by s.submitted_at, s.campaign_ended, s.waiting_at, s.open_task, s.retired""")
                .param(campaignId).query(rs -> {
                    counts.merge(UnitStates.status(rs), rs.getLong("units"), Long::sum);
                });
        // The units expected to report: one abolished or merged away before it reported no longer is.
        return jdbc.sql("""
                        select sum(case when r.retired_at is null or r.submitted_at is not null then 1 else 0 end),
                               sum(case when """ + UnitStates.OVERDUE + """
                                   then 1 else 0 end),
                               sum(case when """ + UnitStates.LATE + """
                                   then 1 else 0 end)
                        from campaign_unit r
                        """ + UnitStates.DEADLINE_JOINS + """
                        where r.campaign_id = ?""")
                .param(campaignId)
                .query((rs, n) -> new CampaignProgress(rs.getLong(1), counts, rs.getLong(2), rs.getLong(3)))
                .single();
    }

    public void setProcessInstance(long campaignId, String unitCode, String processInstanceId) {
        jdbc.sql("update campaign_unit set process_instance_id = ? where campaign_id = ? and unit_code = ?")
                .params(processInstanceId, campaignId, unitCode).update();
    }

    /**
     * Reads whether guidance reached the unit, locking the unit's row. The parent's
     * {@link #markGuidanceReceived} writes the same rows, so the two serialise: either the parent sees the unit
     * already waiting for its message, or the unit sees the guidance already there. No message is lost.
     */
    public boolean lockAndCheckGuidanceReceived(long campaignId, String unitCode) {
        return jdbc.sql("select guidance_received_at from campaign_unit where campaign_id = ? and unit_code = ? for update")
                .params(campaignId, unitCode).query((rs, n) -> rs.getObject(1) != null).single();
    }

    public int markGuidanceReceived(long campaignId, String parentCode, Instant at) {
        return jdbc.sql("""
                        update campaign_unit set guidance_received_at = ?
                        where campaign_id = ? and parent_code = ? and guidance_received_at is null""")
                .params(at(at), campaignId, parentCode).update();
    }

    public long countUnsubmittedSubordinates(long campaignId, String parentCode) {
        // A unit merged away or abolished owes no report: its parent no longer waits for it.
        return jdbc.sql("""
                        select count(*) from campaign_unit
                        where campaign_id = ? and parent_code = ? and submitted_at is null and retired_at is null""")
                .params(campaignId, parentCode).query(Long.class).single();
    }

    /** True for exactly one caller: the conditional update is the guard against telling a parent twice. */
    public boolean markSubordinatesComplete(long campaignId, String parentCode, Instant at) {
        return jdbc.sql("""
                        update campaign_unit set subordinates_complete_at = ?
                        where campaign_id = ? and unit_code = ? and subordinates_complete_at is null""")
                .params(at(at), campaignId, parentCode).update() == 1;
    }

    public void markConsolidated(long campaignId, String unitCode, Instant at) {
        jdbc.sql("update campaign_unit set consolidated_at = ? where campaign_id = ? and unit_code = ? and consolidated_at is null")
                .params(at(at), campaignId, unitCode).update();
    }

    public void markSubmitted(long campaignId, String unitCode, Instant at) {
        jdbc.sql("update campaign_unit set submitted_at = ? where campaign_id = ? and unit_code = ?")
                .params(at(at), campaignId, unitCode).update();
    }

    /**
     * Gives the document its number and date of issue, once: a number is never changed after, and a document issued
     * without a saved draft (all of it given at completion) gets its row now.
     */
    public void markIssued(long campaignId, String unitCode, DocumentKind kind, String number, Instant at) {
        int updated = jdbc.sql("""
                        update campaign_document set number = ?, issued_at = ?
                        where campaign_id = ? and unit_code = ? and document_kind = ? and number is null""")
                .params(number, at(at), campaignId, unitCode, kind.name()).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into campaign_document (campaign_id, unit_code, document_kind, version, number, issued_at)
                            values (?, ?, ?, 0, ?, ?)""")
                    .params(campaignId, unitCode, kind.name(), number, at(at)).update();
        }
    }

    public ReportContent loadContent(long campaignId, String unitCode) {
        int version = version(campaignId, unitCode, DocumentKind.REPORT);
        Map<String, String> sections = sections(campaignId, unitCode, DocumentKind.REPORT);
        Map<String, Long> figures = new LinkedHashMap<>();
        jdbc.sql("select indicator, figure from report_figure where campaign_id = ? and unit_code = ?")
                .params(campaignId, unitCode).query(rs -> {
                    figures.put(rs.getString(1), rs.getLong(2));
                });
        return new ReportContent(sections, figures, version);
    }

    /**
     * Saves the content over the version it was read at, and counts the version up. False, with nothing
     * written, when someone saved in between: the caller's content would overwrite theirs.
     */
    public boolean saveContent(long campaignId, String unitCode, ReportContent content) {
        if (!countVersionUp(campaignId, unitCode, DocumentKind.REPORT, content.version())) {
            return false;
        }
        writeSections(campaignId, unitCode, DocumentKind.REPORT, content.sections());
        jdbc.sql("delete from report_figure where campaign_id = ? and unit_code = ?").params(campaignId, unitCode).update();
        jdbcTemplate.batchUpdate("insert into report_figure (campaign_id, unit_code, indicator, figure) values (?, ?, ?, ?)",
                new ArrayList<>(content.figures().entrySet()), 100, (statement, figure) -> {
                    statement.setLong(1, campaignId);
                    statement.setString(2, unitCode);
                    statement.setString(3, figure.getKey());
                    statement.setLong(4, figure.getValue());
                });
        return true;
    }

    /** The text of the guidance the unit issues to the units below it, and how many times it was saved. */
    public record GuidanceContent(String text, int version) {
    }

    /** Guidance is a document of one section, its text. */
    private static final String GUIDANCE_TEXT = "text";

    public GuidanceContent loadGuidance(long campaignId, String unitCode) {
        return new GuidanceContent(sections(campaignId, unitCode, DocumentKind.GUIDANCE).get(GUIDANCE_TEXT),
                version(campaignId, unitCode, DocumentKind.GUIDANCE));
    }

    /** Saves the guidance over the version it was read at; false, with nothing written, if saved in between. */
    public boolean saveGuidance(long campaignId, String unitCode, String text, int version) {
        if (!countVersionUp(campaignId, unitCode, DocumentKind.GUIDANCE, version)) {
            return false;
        }
        writeSections(campaignId, unitCode, DocumentKind.GUIDANCE, text == null ? Map.of() : Map.of(GUIDANCE_TEXT, text));
        return true;
    }

    private int version(long campaignId, String unitCode, DocumentKind kind) {
        return jdbc.sql("select version from campaign_document where campaign_id = ? and unit_code = ? and document_kind = ?")
                .params(campaignId, unitCode, kind.name()).query(Integer.class).optional().orElse(0);
    }

    private Map<String, String> sections(long campaignId, String unitCode, DocumentKind kind) {
        Map<String, String> sections = new LinkedHashMap<>();
        jdbc.sql("""
                        select section_key, body from document_section
                        where campaign_id = ? and unit_code = ? and document_kind = ?""")
                .params(campaignId, unitCode, kind.name()).query(rs -> {
                    sections.put(rs.getString(1), rs.getString(2));
                });
        return sections;
    }

    /**
     * The compare-and-set every save of a document goes through: from the version the writer read to the next. A
     * document never saved has version 0 and no row until its first save; two first saves at once meet on the
     * primary key, and the second is told someone saved in between, as for any later version.
     */
    private boolean countVersionUp(long campaignId, String unitCode, DocumentKind kind, int readAt) {
        int updated = jdbc.sql("""
                        update campaign_document set version = version + 1
                        where campaign_id = ? and unit_code = ? and document_kind = ? and version = ?""")
                .params(campaignId, unitCode, kind.name(), readAt).update();
        if (updated == 1) {
            return true;
        }
        if (readAt != 0) {
            return false;
        }
        try {
            jdbc.sql("""
                            insert into campaign_document (campaign_id, unit_code, document_kind, version)
                            values (?, ?, ?, 1)""")
                    .params(campaignId, unitCode, kind.name()).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void writeSections(long campaignId, String unitCode, DocumentKind kind, Map<String, String> sections) {
        jdbc.sql("delete from document_section where campaign_id = ? and unit_code = ? and document_kind = ?")
                .params(campaignId, unitCode, kind.name()).update();
        jdbcTemplate.batchUpdate("""
                        insert into document_section (campaign_id, unit_code, document_kind, section_key, body)
                        values (?, ?, ?, ?, ?)""",
                new ArrayList<>(sections.entrySet()), 100, (statement, section) -> {
                    statement.setLong(1, campaignId);
                    statement.setString(2, unitCode);
                    statement.setString(3, kind.name());
                    statement.setString(4, section.getKey());
                    statement.setString(5, section.getValue());
                });
    }

    /** A unit's line of the annex workbook, read alone: the top of the subtree it shows. */
    public Optional<UnitFigures> unitFigures(long campaignId, String unitCode) {
        List<UnitFigures> found = unitFigures("r.unit_code = ?", campaignId, unitCode);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The lines of a parent's subordinates, in one query: what its {@link Rollup} is computed from. The annex workbook
     * reads a subtree parent by parent this way, so a national campaign is never held whole, only the subordinates of
     * the parents on the path being written.
     */
    public List<UnitFigures> subordinateFigures(long campaignId, String parentCode) {
        return unitFigures("r.parent_code = ? and " + COUNTS, campaignId, parentCode);
    }

    private List<UnitFigures> unitFigures(String condition, long campaignId, String code) {
        Map<String, UnitFigures> units = new LinkedHashMap<>();
        Map<String, Map<String, Long>> figures = new HashMap<>();
        jdbcTemplate.query("""
                        select r.unit_code, r.unit_name, r.level, r.submitted_at, r.consolidated_at,
                               p.consolidated_at as parent_consolidated_at,
                        """ + UnitStates.TOKEN_COLUMNS + """
                        ,
                               (select count(*) from campaign_unit c where c.campaign_id = r.campaign_id and c.parent_code = r.unit_code)
                                   as subordinates,
                               f.indicator, f.figure
                        from campaign_unit r
                        left join campaign_unit p on p.campaign_id = r.campaign_id and p.unit_code = r.parent_code
                        left join report_figure f on f.campaign_id = r.campaign_id and f.unit_code = r.unit_code
                                                 and r.submitted_at is not null
                        where r.campaign_id = ? and %s
                        order by r.unit_code""".formatted(condition), rs -> {
                    String unit = rs.getString("unit_code");
                    if (!units.containsKey(unit)) {
                        units.put(unit, new UnitFigures(unit, rs.getString("unit_name"), rs.getString("level"),
                                UnitStates.status(rs), instant(rs, "submitted_at"),
                                instant(rs, "consolidated_at"), instant(rs, "parent_consolidated_at"),
                                rs.getLong("subordinates") > 0, Map.of()));
                        figures.put(unit, new LinkedHashMap<>());
                    }
                    if (rs.getString("indicator") != null) {
                        figures.get(unit).put(rs.getString("indicator"), rs.getLong("figure"));
                    }
                }, campaignId, code);
        return units.values().stream().map(unit -> unit.withFigures(figures.get(unit.unitCode()))).toList();
    }

    private static UnitReport unitReport(ResultSet rs, int row) throws SQLException {
        return new UnitReport(rs.getLong("campaign_id"), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getString("level"), rs.getString("parent_code"), rs.getString("symbol"),
                UnitStates.status(rs), instant(rs, "report_due"), instant(rs, "guidance_received_at"),
                rs.getString("guidance_number"), instant(rs, "guidance_issued_at"), instant(rs, "consolidated_at"),
                instant(rs, "submitted_at"), instant(rs, "escalated_at"), rs.getString("document_number"),
                rs.getString("process_instance_id"), rs.getInt("overdue") == 1, rs.getInt("late") == 1);
    }
}
