package vn.reviewcascade.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.reviewcascade.dashboard.Page;

import static vn.reviewcascade.SqlTimes.instant;

/**
 * The registers' queries: a unit's issued documents, or those it received, filtered, searched and counted in the
 * database, one page read. A document is in a register once numbered (its sign-off issued it); the received ones are
 * the guidance of the unit's parent and the reports of its children, in each campaign's own snapshot of the tree.
 *
 * <p>Which campaigns' rows a user may see is the caller's decision, passed in as {@code campaigns} (null: all).
 */
@Component
class RegisterQueries {

    /** The documents a unit issued. */
    private static final String OUTGOING = """
            select d0.campaign_id, d0.unit_code, d0.document_kind from campaign_document d0 where d0.unit_code = :unit
            """;

    /** The guidance of the unit above, and the reports of the units below, in each campaign the unit takes part in. */
    private static final String INCOMING = """
            select p.campaign_id, p.unit_code, 'GUIDANCE' as document_kind
            from campaign_unit me join campaign_unit p on p.campaign_id = me.campaign_id and p.unit_code = me.parent_code
            where me.unit_code = :unit
            union all
            select c.campaign_id, c.unit_code, 'REPORT' as document_kind
            from campaign_unit me join campaign_unit c on c.campaign_id = me.campaign_id and c.parent_code = me.unit_code
            where me.unit_code = :unit
            """;

    private static final String COLUMNS = """
            d.campaign_id, d.unit_code, d.document_kind, d.number, d.issued_at, u.unit_name,
            i.signed_by, i.signed_elsewhere, i.uploaded_by, i.uploaded_at,
            case when i.unit_code is null then 0 else 1 end as has_file,
            (select max(case r.status when 'REVOKED' then 3 when 'UNCHECKED' then 2 when 'GOOD' then 1 else 0 end)
             from issued_document_revocation r
             where r.campaign_id = d.campaign_id and r.unit_code = d.unit_code and r.document_kind = d.document_kind)
                as revocation_rank,
            (select c.author from review_comment c
             where c.campaign_id = d.campaign_id and c.unit_code = d.unit_code and c.document_kind = d.document_kind
               and c.step = 'SIGN' and c.decision = 'APPROVED'
             order by c.created_at desc, c.id desc fetch first 1 rows only) as signer
            """;

    /** The issued document behind a source row, its issuer's facts and its file's (without the file). */
    private static final String FROM = """
            join campaign_document d on d.campaign_id = s.campaign_id and d.unit_code = s.unit_code
                                    and d.document_kind = s.document_kind
            join campaign_unit u on u.campaign_id = d.campaign_id and u.unit_code = d.unit_code
            left join issued_document i on i.campaign_id = d.campaign_id and i.unit_code = d.unit_code
                                       and i.document_kind = d.document_kind
            where d.number is not null
            """;

    /** Number, issuer's name or code, or any section of the text; {@code :q} is a LIKE pattern, escaped. */
    private static final String SEARCH = """
             and (lower(d.number) like lower(:q) escape '!' or lower(u.unit_name) like lower(:q) escape '!'
                  or lower(u.unit_code) like lower(:q) escape '!'
                  or exists (select 1 from document_section x
                             where x.campaign_id = d.campaign_id and x.unit_code = d.unit_code
                               and x.document_kind = d.document_kind and lower(x.body) like lower(:q) escape '!'))
            """;

    /** One row of a register as read, before names and titles are added. */
    record Row(long campaignId, String unitCode, String kind, String number, Instant issuedAt, String unitName,
               String certificate, boolean signedElsewhere, String uploadedBy, Instant uploadedAt, boolean hasFile,
               Integer revocationRank, String signer) {
    }

    record Known(String unitCode, String unitName, String level) {
    }

    private final JdbcClient jdbc;

    RegisterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit as the newest campaign it takes part in knows it; empty when no campaign does. */
    Optional<Known> unit(String unitCode) {
        return jdbc.sql("""
                        select unit_code, unit_name, level from campaign_unit where unit_code = :unit
                        order by campaign_id desc fetch first 1 rows only""")
                .param("unit", unitCode)
                .query((rs, row) -> new Known(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The campaigns the unit takes part in. */
    List<Long> campaignsOf(String unitCode) {
        return jdbc.sql("select campaign_id from campaign_unit where unit_code = :unit order by campaign_id desc")
                .param("unit", unitCode).query(Long.class).list();
    }

    /**
     * The campaigns in which the unit is one of the given units or below one of them, walking up each campaign's
     * snapshot from the unit (a few levels), not down from the given units.
     */
    List<Long> campaignsBelow(String unitCode, Collection<String> ownUnits) {
        if (ownUnits.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        with recursive up (campaign_id, unit_code, parent_code) as (
                            select campaign_id, unit_code, parent_code from campaign_unit where unit_code = :unit
                            union all
                            select c.campaign_id, c.unit_code, c.parent_code
                            from campaign_unit c join up on c.campaign_id = up.campaign_id and c.unit_code = up.parent_code)
                        select distinct campaign_id from up where unit_code in (:own) order by campaign_id desc""")
                .param("unit", unitCode).param("own", ownUnits)
                .query(Long.class).list();
    }

    /** One page of the register, with the number of documents over all pages. */
    Page<Row> page(String unitCode, boolean incoming, Set<Long> campaigns, Long campaign, String pattern, int page,
                   int size) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("unit", unitCode);
        if (campaigns != null) {
            where.append(" and d.campaign_id in (:campaigns)");
            params.put("campaigns", campaigns);
        }
        if (campaign != null) {
            where.append(" and d.campaign_id = :campaign");
            params.put("campaign", campaign);
        }
        if (pattern != null) {
            where.append(SEARCH);
            params.put("q", pattern);
        }
        String from = "from (" + (incoming ? INCOMING : OUTGOING) + ") s\n" + FROM + where;
        long total = jdbc.sql("select count(*) " + from).params(params).query(Long.class).single();
        List<Row> rows = total == 0 ? List.of() : jdbc.sql("select " + COLUMNS + from
                        + " order by d.issued_at desc, d.campaign_id desc, d.unit_code, d.document_kind"
                        + " offset " + (long) page * size + " rows fetch next " + size + " rows only")
                .params(params)
                .query(RegisterQueries::row)
                .list();
        return new Page<>(page, size, total, rows);
    }

    /**
     * Units whose registers the user may open and whose name or code matches, at most {@code limit}, higher levels
     * first: among every campaign's units for those who see everything ({@code own} null), else the given units and
     * those below them.
     */
    List<RegisterUnit> units(Collection<String> own, String pattern, List<String> levels, int limit) {
        Map<String, Object> params = new HashMap<>();
        // Higher levels first, as the tree orders them; a level the tree no longer has after them.
        StringBuilder rank = new StringBuilder("case u.level");
        for (int index = 0; index < levels.size(); index++) {
            rank.append(" when :level").append(index).append(" then ").append(index);
            params.put("level" + index, levels.get(index));
        }
        rank.append(" else ").append(levels.size()).append(" end");
        String with = "";
        String source;
        if (own == null) {
            source = "campaign_unit u";
        } else if (own.isEmpty()) {
            return List.of();
        } else {
            with = """
                    with recursive sub (campaign_id, unit_code) as (
                        select campaign_id, unit_code from campaign_unit where unit_code in (:own)
                        union all
                        select c.campaign_id, c.unit_code
                        from campaign_unit c join sub on c.campaign_id = sub.campaign_id and c.parent_code = sub.unit_code)
                    """;
            source = """
                    (select distinct campaign_id, unit_code from sub) s
                    join campaign_unit u on u.campaign_id = s.campaign_id and u.unit_code = s.unit_code""";
            params.put("own", own);
        }
        String match = "";
        if (pattern != null) {
            match = " where lower(u.unit_name) like lower(:q) escape '!' or lower(u.unit_code) like lower(:q) escape '!'";
            params.put("q", pattern);
        }
        return jdbc.sql(with + """
                        select u.unit_code, max(u.unit_name) as unit_name, max(p.unit_name) as parent_name,
                               min(%s) as level_rank
                        from %s
                        left join campaign_unit p on p.campaign_id = u.campaign_id and p.unit_code = u.parent_code
                        %s
                        group by u.unit_code
                        order by level_rank, max(u.unit_name), u.unit_code
                        fetch first %d rows only""".formatted(rank, source, match, limit))
                .params(params)
                .query((rs, row) -> new RegisterUnit(rs.getString("unit_code"), rs.getString("unit_name"),
                        rs.getString("parent_name")))
                .list();
    }

    /** Of the given units, those some campaign knows, with their names and levels. */
    List<Known> known(Collection<String> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select unit_code, max(unit_name) as unit_name, max(level) as level from campaign_unit
                        where unit_code in (:units) group by unit_code""")
                .param("units", units)
                .query((rs, row) -> new Known(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** A LIKE pattern finding the text anywhere, its wildcards taken literally; null for no text. */
    static String contains(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder pattern = new StringBuilder("%");
        for (char c : text.strip().toCharArray()) {
            if (c == '%' || c == '_' || c == '!') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        int rank = rs.getInt("revocation_rank");
        Integer revocationRank = rs.wasNull() ? null : rank;
        return new Row(rs.getLong("campaign_id"), rs.getString("unit_code"), rs.getString("document_kind"),
                rs.getString("number"), instant(rs, "issued_at"), rs.getString("unit_name"), rs.getString("signed_by"),
                rs.getBoolean("signed_elsewhere"), rs.getString("uploaded_by"), instant(rs, "uploaded_at"),
                rs.getInt("has_file") == 1, revocationRank, rs.getString("signer"));
    }
}
