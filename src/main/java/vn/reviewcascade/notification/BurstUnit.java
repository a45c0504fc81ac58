package vn.reviewcascade.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.report.DocumentKind;

/**
 * A unit of a campaign as a burst needs it: one query reads the whole campaign's.
 *
 * @param recomputedReportDue the report deadline a reorganisation gave this unit of its own (a merged unit's
 *                            successor), or null: it then has its level's
 */
record BurstUnit(String code, String name, String level, String parentCode, boolean submitted, boolean retired,
                 Instant recomputedReportDue) {

    /** The campaign's units by code, in the order they were opened. */
    static Map<String, BurstUnit> of(JdbcClient jdbc, long campaignId) {
        Map<String, BurstUnit> units = new LinkedHashMap<>();
        jdbc.sql("""
                        select unit_code, unit_name, level, parent_code, submitted_at, retired_at, recomputed_report_due
                        from campaign_unit where campaign_id = ? order by unit_code""")
                .param(campaignId)
                .query(rs -> {
                    units.put(rs.getString("unit_code"), new BurstUnit(rs.getString("unit_code"), rs.getString("unit_name"),
                            rs.getString("level"), rs.getString("parent_code"), rs.getObject("submitted_at") != null,
                            rs.getObject("retired_at") != null, SqlTimes.instant(rs, "recomputed_report_due")));
                });
        return units;
    }

    /** When this unit's document of the kind is due: the level's guidance deadline, or its own report deadline. */
    Instant due(Campaign campaign, DocumentKind kind) {
        return kind == DocumentKind.GUIDANCE ? campaign.deadlines().guidanceDue(level) : reportDue(campaign);
    }

    /** Its report deadline: its own where a reorganisation recomputed it, else its level's (as {@code UnitStates.DUE}). */
    Instant reportDue(Campaign campaign) {
        return recomputedReportDue != null ? recomputedReportDue : campaign.deadlines().reportDue(level);
    }
}
