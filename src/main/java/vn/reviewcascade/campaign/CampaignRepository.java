package vn.reviewcascade.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.reviewcascade.unit.Level;

import static vn.reviewcascade.SqlTimes.at;
import static vn.reviewcascade.SqlTimes.instant;

@Repository
public class CampaignRepository {

    private static final String COLUMNS = """
            id, plan_number, title, root_unit, organising_group, campaign_year, guidance_due, base_due, district_due,
            submission_due, province_due, started_at, started_by""";

    private final JdbcClient jdbc;

    public CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String planNumber, String title, String rootUnit, String organisingGroup, int year,
                       Deadlines deadlines, Instant startedAt, String startedBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into campaign (plan_number, title, root_unit, organising_group, campaign_year, guidance_due,
                                              base_due, district_due, submission_due, province_due, started_at, started_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planNumber, title, rootUnit, organisingGroup, year, at(deadlines.guidance()), at(deadlines.base()),
                        at(deadlines.district()), at(deadlines.submission()), at(deadlines.province()), at(startedAt), startedBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertReminders(long campaignId, Map<Level, List<Duration>> reminders) {
        reminders.forEach((level, offsets) -> jdbc.sql("insert into campaign_reminder (campaign_id, level, offsets) values (?, ?, ?)")
                .params(campaignId, level.name(), offsets.stream().map(Duration::toString).collect(Collectors.joining(",")))
                .update());
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from campaign where id = ?").param(id)
                .query(this::campaign).optional();
    }

    /** The campaigns of the plan over the unit in that year whose root has not yet submitted its report. */
    public List<Campaign> findRunning(String planNumber, String rootUnit, int year) {
        return jdbc.sql("select " + COLUMNS + """
                         from campaign c join report r on r.campaign_id = c.id and r.unit_code = c.root_unit
                        where c.plan_number = ? and c.root_unit = ? and c.campaign_year = ? and r.submitted_at is null
                        order by c.id""")
                .params(planNumber, rootUnit, year).query(this::campaign).list();
    }

    public List<Campaign> findAll() {
        return jdbc.sql("select " + COLUMNS + " from campaign order by id").query(this::campaign).list();
    }

    private Campaign campaign(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Deadlines deadlines = new Deadlines(instant(rs, "guidance_due"), instant(rs, "base_due"),
                instant(rs, "district_due"), instant(rs, "submission_due"), instant(rs, "province_due"));
        return new Campaign(id, rs.getString("plan_number"), rs.getString("title"),
                rs.getString("root_unit"), rs.getString("organising_group"), rs.getInt("campaign_year"), deadlines, reminders(id),
                instant(rs, "started_at"), rs.getString("started_by"));
    }

    private Map<Level, List<Duration>> reminders(long campaignId) {
        Map<Level, List<Duration>> reminders = new EnumMap<>(Level.class);
        jdbc.sql("select level, offsets from campaign_reminder where campaign_id = ?").param(campaignId).query(rs -> {
            String offsets = rs.getString(2);
            reminders.put(Level.valueOf(rs.getString(1)), offsets.isEmpty() ? List.of()
                    : Arrays.stream(offsets.split(",")).map(Duration::parse).toList());
        });
        return reminders;
    }

}
