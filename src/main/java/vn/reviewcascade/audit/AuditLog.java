package vn.reviewcascade.audit;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.people.People;

/**
 * The record of what the organising board and the administrators did (table {@code audit_entry}). Written by the
 * API that did it, after its rule let the user through and the action succeeded, in the caller's transaction when
 * there is one, so an action rolled back leaves no entry; a refusal stores nothing, as everywhere in the API.
 */
@Service
public class AuditLog {

    /** The detail column's width: a detail longer than this is cut, never refused (the action is already done). */
    private static final int MAX_DETAIL = 2000;
    private static final String SYSTEM = "(hệ thống)";

    private final JdbcClient jdbc;
    private final EngineClock clock;
    private final People people;

    public AuditLog(JdbcClient jdbc, EngineClock clock, People people) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
    }

    public void record(String actor, AuditAction action, String objectType, String objectId, String detail) {
        String cut = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
        jdbc.sql("""
                        insert into audit_entry (acted_at, actor, action, object_type, object_id, detail)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(SqlTimes.at(clock.now()), actor == null ? SYSTEM : actor, action.name(), objectType,
                        objectId, cut)
                .update();
    }

    /** The newest entries first, each with its actor's name (all names read at once). */
    public List<AuditEntry> latest(int limit) {
        List<AuditEntry> entries = jdbc.sql("""
                        select id, acted_at, actor, action, object_type, object_id, detail from audit_entry
                        order by acted_at desc, id desc limit ?""")
                .param(limit)
                .query((rs, row) -> {
                    AuditAction action = AuditAction.valueOf(rs.getString("action"));
                    return new AuditEntry(rs.getLong("id"), SqlTimes.instant(rs, "acted_at"), rs.getString("actor"),
                            null, action, action.label(), rs.getString("object_type"), rs.getString("object_id"),
                            rs.getString("detail"));
                })
                .list();
        Map<String, String> names = people.userNames(entries.stream().map(AuditEntry::actor)
                .filter(actor -> !SYSTEM.equals(actor)).toList());
        return entries.stream().map(entry -> new AuditEntry(entry.id(), entry.actedAt(), entry.actor(),
                names.getOrDefault(entry.actor(), entry.actor()), entry.action(), entry.actionLabel(), entry.objectType(),
                entry.objectId(), entry.detail())).toList();
    }
}
