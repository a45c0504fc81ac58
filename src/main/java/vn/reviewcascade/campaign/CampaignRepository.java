package vn.reviewcascade.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.reviewcascade.plan.DeadlineKind;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.plan.PlanCatalog;

import static vn.reviewcascade.SqlTimes.at;
import static vn.reviewcascade.SqlTimes.instant;

@Repository
public class CampaignRepository {

    private static final String COLUMNS = "id, plan_number, plan_version, title, root_unit, campaign_year, started_at, started_by";

    private final JdbcClient jdbc;
    private final PlanCatalog plans;

    public CampaignRepository(JdbcClient jdbc, PlanCatalog plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    public long insert(Campaign campaign) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into campaign (plan_number, plan_version, title, root_unit, campaign_year, started_at, started_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(campaign.planNumber(), campaign.plan().version(), campaign.title(), campaign.rootUnit(),
                        campaign.year(), at(campaign.startedAt()), campaign.startedBy())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        campaign.deadlines().byLevel().forEach((level, dues) -> dues.forEach((kind, due) ->
                jdbc.sql("insert into campaign_deadline (campaign_id, level, kind, due) values (?, ?, ?, ?)")
                        .params(id, level, kind.name(), at(due)).update()));
        campaign.reminders().forEach((level, offsets) ->
                jdbc.sql("insert into campaign_reminder (campaign_id, level, offsets) values (?, ?, ?)")
                        .params(id, level, offsets.stream().map(Duration::toString).collect(Collectors.joining(",")))
                        .update());
        return id;
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from campaign where id = ?").param(id)
                .query(this::campaign).optional();
    }

    /**
     * The campaigns of the plan over the unit in that year whose root has not yet submitted its report and that were
     * not ended.
     */
    public List<Campaign> findRunning(String planNumber, String rootUnit, int year) {
        return jdbc.sql("select " + COLUMNS.replaceAll("(\\w+)", "c.$1") + """
                         from campaign c join campaign_unit r on r.campaign_id = c.id and r.unit_code = c.root_unit
                        where c.plan_number = ? and c.root_unit = ? and c.campaign_year = ? and r.submitted_at is null
                          and not exists (select 1 from campaign_end e where e.campaign_id = c.id)
                        order by c.id""")
                .params(planNumber, rootUnit, year).query(this::campaign).list();
    }

    public List<Campaign> findAll() {
        return jdbc.sql("select " + COLUMNS + " from campaign order by id").query(this::campaign).list();
    }

    /**
     * Records that the campaign was ended.
     *
     * @throws org.springframework.dao.DuplicateKeyException when it had been already: the primary key orders two
     *                                                        boards ending it at once, one of them records it
     */
    void insertEnd(CampaignEnd end) {
        jdbc.sql("insert into campaign_end (campaign_id, ended_at, ended_by, reason) values (?, ?, ?, ?)")
                .params(end.campaignId(), at(end.endedAt()), end.endedBy(), end.reason())
                .update();
    }

    public Optional<CampaignEnd> findEnd(long campaignId) {
        return jdbc.sql("select campaign_id, ended_at, ended_by, reason from campaign_end where campaign_id = ?")
                .param(campaignId).query(CampaignRepository::end).optional();
    }

    /** Every ended campaign's end, by campaign. */
    public Map<Long, CampaignEnd> ends() {
        Map<Long, CampaignEnd> ends = new HashMap<>();
        jdbc.sql("select campaign_id, ended_at, ended_by, reason from campaign_end").query(CampaignRepository::end).list()
                .forEach(end -> ends.put(end.campaignId(), end));
        return ends;
    }

    private static CampaignEnd end(ResultSet rs, int row) throws SQLException {
        return new CampaignEnd(rs.getLong("campaign_id"), instant(rs, "ended_at"), rs.getString("ended_by"),
                rs.getString("reason"));
    }

    private Campaign campaign(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Plan plan = plans.plan(rs.getString("plan_number"), rs.getInt("plan_version"));
        return new Campaign(id, plan, rs.getString("title"), rs.getString("root_unit"), rs.getInt("campaign_year"),
                deadlines(id, plan), reminders(id), instant(rs, "started_at"), rs.getString("started_by"));
    }

    /** In the order of the plan's levels, top down. */
    private Deadlines deadlines(long campaignId, Plan plan) {
        Map<String, Map<DeadlineKind, Instant>> stored = new HashMap<>();
        jdbc.sql("select level, kind, due from campaign_deadline where campaign_id = ?").param(campaignId)
                .query(rs -> {
                    stored.computeIfAbsent(rs.getString(1), level -> new LinkedHashMap<>())
                            .put(DeadlineKind.valueOf(rs.getString(2)), instant(rs, "due"));
                });
        Map<String, Map<DeadlineKind, Instant>> byLevel = new LinkedHashMap<>();
        plan.levelKeys().stream().filter(stored::containsKey).forEach(level -> byLevel.put(level, stored.get(level)));
        return new Deadlines(byLevel);
    }

    private Map<String, List<Duration>> reminders(long campaignId) {
        Map<String, List<Duration>> reminders = new LinkedHashMap<>();
        jdbc.sql("select level, offsets from campaign_reminder where campaign_id = ?").param(campaignId).query(rs -> {
            String offsets = rs.getString(2);
            reminders.put(rs.getString(1), offsets.isEmpty() ? List.of()
                    : Arrays.stream(offsets.split(",")).map(Duration::parse).toList());
        });
        return reminders;
    }
}
