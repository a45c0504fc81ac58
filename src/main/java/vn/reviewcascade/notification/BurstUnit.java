package vn.reviewcascade.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A unit of a campaign as a burst needs it: one query reads the whole campaign's. */
record BurstUnit(String code, String name, String level, String parentCode, boolean submitted, boolean retired) {

    /** The campaign's units by code, in the order they were opened. */
    static Map<String, BurstUnit> of(JdbcClient jdbc, long campaignId) {
        Map<String, BurstUnit> units = new LinkedHashMap<>();
        jdbc.sql("""
                        select unit_code, unit_name, level, parent_code, submitted_at, retired_at
                        from campaign_unit where campaign_id = ? order by unit_code""")
                .param(campaignId)
                .query(rs -> {
                    units.put(rs.getString("unit_code"), new BurstUnit(rs.getString("unit_code"), rs.getString("unit_name"),
                            rs.getString("level"), rs.getString("parent_code"), rs.getObject("submitted_at") != null,
                            rs.getObject("retired_at") != null));
                });
        return units;
    }
}
