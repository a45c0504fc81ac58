package vn.reviewcascade.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * A unit's row with its report deadline (its level's, in the campaign) and when it was found overdue (the
     * escalation raised for it): each kept once, in its own table.
     */
    private static final String SELECT = """
            select r.campaign_id, r.unit_code, r.unit_name, r.level, r.parent_code, r.symbol, r.status, d.due as report_due,
                   r.guidance_received_at, r.guidance_number, r.guidance_issued_at, r.consolidated_at, r.submitted_at,
                   (select min(e.raised_at) from escalation e where e.campaign_id = r.campaign_id and e.unit_code = r.unit_code)
                       as escalated_at,
                   r.document_number, r.process_instance_id
            from report r
            join campaign_deadline d on d.campaign_id = r.campaign_id and d.level = r.level and d.kind = 'REPORT'
            """;

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
                        insert into report (campaign_id, unit_code, unit_name, level, parent_code, symbol, status)
                        values (?, ?, ?, ?, ?, ?, ?)""", units, 500, (statement, unit) -> {
                    statement.setLong(1, campaignId);
                    statement.setString(2, unit.code());
                    statement.setString(3, unit.name());
                    statement.setString(4, unit.level());
                    statement.setString(5, unit.code().equals(rootCode) ? null : unit.parentCode());
                    statement.setString(6, unit.symbol());
                    statement.setString(7, UnitStatus.NOT_STARTED.name());
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
        return jdbc.sql(SELECT + "where r.campaign_id = ? and r.parent_code = ? order by r.unit_code")
                .params(campaignId, parentCode).query(ReportRepository::unitReport).list();
    }

    /** The units not submitted whose missed deadline was escalated, in one query. */
    public List<UnitReport> findOverdue(long campaignId) {
        return jdbc.sql(SELECT + """
                        where r.campaign_id = ? and r.submitted_at is null
                          and exists (select 1 from escalation e where e.campaign_id = r.campaign_id and e.unit_code = r.unit_code)
                        order by r.unit_code""")
                .param(campaignId).query(ReportRepository::unitReport).list();
    }

    public boolean hasSubordinates(long campaignId, String unitCode) {
        return jdbc.sql("select count(*) from report where campaign_id = ? and parent_code = ?")
                .params(campaignId, unitCode).query(Long.class).single() > 0;
    }

    /** Counted in the database: a national campaign has tens of thousands of rows. */
    public CampaignProgress progress(long campaignId) {
        Map<UnitStatus, Long> counts = new EnumMap<>(UnitStatus.class);
        for (UnitStatus status : UnitStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from report where campaign_id = ? group by status").param(campaignId)
                .query(rs -> {
                    counts.put(UnitStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return jdbc.sql("""
                        select count(*),
                               sum(case when r.submitted_at is null and exists (select 1 from escalation e
                                   where e.campaign_id = r.campaign_id and e.unit_code = r.unit_code) then 1 else 0 end),
                               sum(case when r.submitted_at > d.due then 1 else 0 end)
                        from report r
                        join campaign_deadline d on d.campaign_id = r.campaign_id and d.level = r.level and d.kind = 'REPORT'
                        where r.campaign_id = ?""")
                .param(campaignId)
                .query((rs, n) -> new CampaignProgress(rs.getLong(1), counts, rs.getLong(2), rs.getLong(3)))
                .single();
    }

    public void updateStatus(long campaignId, String unitCode, UnitStatus status) {
        jdbc.sql("update report set status = ? where campaign_id = ? and unit_code = ?")
                .params(status.name(), campaignId, unitCode).update();
    }

    public void setProcessInstance(long campaignId, String unitCode, String processInstanceId) {
        jdbc.sql("update report set process_instance_id = ? where campaign_id = ? and unit_code = ?")
                .params(processInstanceId, campaignId, unitCode).update();
    }

    /**
     * Reads whether guidance reached the unit, locking the unit's row. The parent's
     * {@link #markGuidanceReceived} writes the same rows, so the two serialise: either the parent sees the unit
     * already waiting for its message, or the unit sees the guidance already there. No message is lost.
     */
    public boolean lockAndCheckGuidanceReceived(long campaignId, String unitCode) {
        return jdbc.sql("select guidance_received_at from report where campaign_id = ? and unit_code = ? for update")
                .params(campaignId, unitCode).query((rs, n) -> rs.getObject(1) != null).single();
    }

    public int markGuidanceReceived(long campaignId, String parentCode, Instant at) {
        return jdbc.sql("""
                        update report set guidance_received_at = ?
                        where campaign_id = ? and parent_code = ? and guidance_received_at is null""")
                .params(at(at), campaignId, parentCode).update();
    }

    public long countUnsubmittedSubordinates(long campaignId, String parentCode) {
        return jdbc.sql("select count(*) from report where campaign_id = ? and parent_code = ? and submitted_at is null")
                .params(campaignId, parentCode).query(Long.class).single();
    }

    /** True for exactly one caller: the conditional update is the guard against telling a parent twice. */
    public boolean markSubordinatesComplete(long campaignId, String parentCode, Instant at) {
        return jdbc.sql("""
                        update report set subordinates_complete_at = ?
                        where campaign_id = ? and unit_code = ? and subordinates_complete_at is null""")
                .params(at(at), campaignId, parentCode).update() == 1;
    }

    public void markConsolidated(long campaignId, String unitCode, Instant at) {
        jdbc.sql("update report set consolidated_at = ? where campaign_id = ? and unit_code = ? and consolidated_at is null")
                .params(at(at), campaignId, unitCode).update();
    }

    public void markSubmitted(long campaignId, String unitCode, Instant at) {
        jdbc.sql("update report set submitted_at = ?, status = ? where campaign_id = ? and unit_code = ?")
                .params(at(at), UnitStatus.SUBMITTED.name(), campaignId, unitCode).update();
    }

    public void setDocumentNumber(long campaignId, String unitCode, DocumentKind kind, String number) {
        String column = kind == DocumentKind.GUIDANCE ? "guidance_number" : "document_number";
        jdbc.sql("update report set " + column + " = ? where campaign_id = ? and unit_code = ?")
                .params(number, campaignId, unitCode).update();
    }

    public ReportContent loadContent(long campaignId, String unitCode) {
        int version = jdbc.sql("select content_version from report where campaign_id = ? and unit_code = ?")
                .params(campaignId, unitCode).query(Integer.class).single();
        Map<String, String> sections = new LinkedHashMap<>();
        jdbc.sql("select section_key, body from report_section where campaign_id = ? and unit_code = ?")
                .params(campaignId, unitCode).query(rs -> {
                    sections.put(rs.getString(1), rs.getString(2));
                });
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
        int updated = jdbc.sql("""
                        update report set content_version = content_version + 1
                        where campaign_id = ? and unit_code = ? and content_version = ?""")
                .params(campaignId, unitCode, content.version()).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from report_section where campaign_id = ? and unit_code = ?").params(campaignId, unitCode).update();
        jdbcTemplate.batchUpdate("insert into report_section (campaign_id, unit_code, section_key, body) values (?, ?, ?, ?)",
                new ArrayList<>(content.sections().entrySet()), 100, (statement, section) -> {
                    statement.setLong(1, campaignId);
                    statement.setString(2, unitCode);
                    statement.setString(3, section.getKey());
                    statement.setString(4, section.getValue());
                });
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

    public GuidanceContent loadGuidance(long campaignId, String unitCode) {
        return jdbc.sql("select guidance_text, guidance_version from report where campaign_id = ? and unit_code = ?")
                .params(campaignId, unitCode).query((rs, n) -> new GuidanceContent(rs.getString(1), rs.getInt(2))).single();
    }

    /** Saves the guidance over the version it was read at; false, with nothing written, if saved in between. */
    public boolean saveGuidance(long campaignId, String unitCode, String text, int version) {
        return jdbc.sql("""
                        update report set guidance_text = ?, guidance_version = guidance_version + 1
                        where campaign_id = ? and unit_code = ? and guidance_version = ?""")
                .params(text, campaignId, unitCode, version).update() == 1;
    }

    public void markGuidanceIssued(long campaignId, String unitCode, Instant at) {
        jdbc.sql("update report set guidance_issued_at = ? where campaign_id = ? and unit_code = ?")
                .params(at(at), campaignId, unitCode).update();
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
        return unitFigures("r.parent_code = ?", campaignId, parentCode);
    }

    private List<UnitFigures> unitFigures(String condition, long campaignId, String code) {
        Map<String, UnitFigures> units = new LinkedHashMap<>();
        Map<String, Map<String, Long>> figures = new HashMap<>();
        jdbcTemplate.query("""
                        select r.unit_code, r.unit_name, r.level, r.status, r.submitted_at, r.consolidated_at,
                               p.consolidated_at as parent_consolidated_at,
                               (select count(*) from report c where c.campaign_id = r.campaign_id and c.parent_code = r.unit_code)
                                   as subordinates,
                               f.indicator, f.figure
                        from report r
                        left join report p on p.campaign_id = r.campaign_id and p.unit_code = r.parent_code
                        left join report_figure f on f.campaign_id = r.campaign_id and f.unit_code = r.unit_code
                                                 and r.submitted_at is not null
                        where r.campaign_id = ? and %s
                        order by r.unit_code""".formatted(condition), rs -> {
                    String unit = rs.getString("unit_code");
                    if (!units.containsKey(unit)) {
                        units.put(unit, new UnitFigures(unit, rs.getString("unit_name"), rs.getString("level"),
                                UnitStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"),
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
                UnitStatus.valueOf(rs.getString("status")), instant(rs, "report_due"), instant(rs, "guidance_received_at"),
                rs.getString("guidance_number"), instant(rs, "guidance_issued_at"), instant(rs, "consolidated_at"),
                instant(rs, "submitted_at"), instant(rs, "escalated_at"), rs.getString("document_number"),
                rs.getString("process_instance_id"));
    }
}
