package vn.reviewcascade.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import static vn.reviewcascade.SqlTimes.at;
import static vn.reviewcascade.SqlTimes.instant;

@Repository
public class CampaignRepository {

    private static final String COLUMNS = """
            id, plan_number, title, root_unit, organising_group, guidance_due, base_due, district_due, submission_due,
            province_due, started_at, started_by""";

    private final JdbcClient jdbc;

    public CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String planNumber, String title, String rootUnit, String organisingGroup, Deadlines deadlines,
                       Instant startedAt, String startedBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into campaign (plan_number, title, root_unit, organising_group, guidance_due, base_due,
                                              district_due, submission_due, province_due, started_at, started_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planNumber, title, rootUnit, organisingGroup, at(deadlines.guidance()), at(deadlines.base()),
                        at(deadlines.district()), at(deadlines.submission()), at(deadlines.province()), at(startedAt), startedBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from campaign where id = ?").param(id)
                .query(CampaignRepository::campaign).optional();
    }

    public List<Campaign> findAll() {
        return jdbc.sql("select " + COLUMNS + " from campaign order by id").query(CampaignRepository::campaign).list();
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        Deadlines deadlines = new Deadlines(instant(rs, "guidance_due"), instant(rs, "base_due"),
                instant(rs, "district_due"), instant(rs, "submission_due"), instant(rs, "province_due"));
        return new Campaign(rs.getLong("id"), rs.getString("plan_number"), rs.getString("title"),
                rs.getString("root_unit"), rs.getString("organising_group"), deadlines, instant(rs, "started_at"),
                rs.getString("started_by"));
    }

}
