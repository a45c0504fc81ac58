package vn.reviewcascade.reorganisation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a unit was before a reorganisation, as reads show it beside its name: "(trước đây: Đảng ủy xã Vĩnh Tú; Đảng ủy
 * xã Vĩnh Thái cũ)" — the units merged into it and the names it had.
 */
public final class CampaignUnitNames {

    private CampaignUnitNames() {
    }

    /** The units it continues and its former names, joined; null if it has none. */
    public static String formerly(JdbcClient jdbc, long campaignId, String unitCode) {
        List<String> former = new ArrayList<>(jdbc.sql("""
                        select unit_name from campaign_unit where campaign_id = ? and successor_code = ? order by unit_code""")
                .params(campaignId, unitCode).query(String.class).list());
        former.addAll(jdbc.sql("""
                        select before_value from campaign_unit_change
                        where campaign_id = ? and unit_code = ? and field = 'NAME' order by id""")
                .params(campaignId, unitCode).query(String.class).list());
        return former.isEmpty() ? null : String.join("; ", former);
    }
}
