package vn.reviewcascade.reorganisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.reorganisation.Reorganisation.Change;
import vn.reviewcascade.security.UnitsBelow;
import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.unit.UnitTreeFiles;

/**
 * The unit tree's versions: the tree files are version 0, each reorganisation applied the next. A reorganisation is
 * stored as its decision, its typed changes (one row each) and the predecessor → successor links they make, with the
 * file as written; the tree served is rebuilt by replaying the stored files on the tree files, in order
 * ({@link ReorganisedTree}).
 */
@Service
public class TreeVersions implements UnitsBelow {

    private final JdbcClient jdbc;
    private final UnitTree tree;
    private final UnitTreeFiles files;

    TreeVersions(JdbcClient jdbc, UnitTree tree, UnitTreeFiles files) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.files = files;
    }

    /** A stored reorganisation: one version of the tree. */
    public record Version(long id, String decisionNumber, LocalDate decisionDate, String issuer, String title,
                          LocalDate effectiveOn, Instant appliedAt, String appliedBy) {
    }

    /** One stored change, as the API shows it. */
    public record StoredChange(int seq, Reorganisation.Kind kind, String kindLabel, List<String> units, String target,
                               String name, String level, String parent, String symbol) {
    }

    /** A predecessor → successor link. */
    public record Link(long reorganisationId, String predecessor, String successor, Reorganisation.Kind kind) {
    }

    /**
     * The tree as it is now: the files with every stored reorganisation replayed, as this node serves it once it has
     * followed one stored on another node.
     */
    TreeState current() {
        serveNewest();
        return TreeState.of(tree);
    }

    /** Serves the newest version on this node: its units to new campaigns, with their groups and Tasklist filters. */
    void serveNewest() {
        files.refresh();
    }

    /** The active units below each active unit in the current version, for the Tasklist filters. */
    @Override
    public Map<String, Parent> now() {
        // One pass: a national tree has some 53,000 units.
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (TreeState.VersionedUnit unit : current().units()) {
            if (!unit.retired()) {
                names.put(unit.code(), unit.name());
                if (unit.parentCode() != null) {
                    children.computeIfAbsent(unit.parentCode(), parent -> new ArrayList<>()).add(unit.code());
                }
            }
        }
        Map<String, Parent> parents = new LinkedHashMap<>();
        children.forEach((parent, codes) -> {
            if (names.containsKey(parent)) {
                parents.put(parent, new Parent(names.get(parent), codes));
            }
        });
        return parents;
    }

    /**
     * Stores the reorganisation as the version following {@code current}, the one it was read against; in the
     * caller's transaction.
     */
    long store(Reorganisation reorganisation, TreeState current, String source, String appliedBy, Instant at) {
        Reorganisation.Decision decision = reorganisation.decision();
        TreeState state = current.copy();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into reorganisation (decision_number, decision_date, issuer, title, effective_on, source,
                                                    applied_at, applied_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decision.number(), decision.date(), decision.issuer(), decision.title(),
                        reorganisation.effectiveOn(), source, SqlTimes.at(at), appliedBy)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Change change : reorganisation.changes()) {
            List<String> units = change.kind() == Reorganisation.Kind.ABOLISH_LEVEL ? change.except() : change.units();
            String target = change.kind() == Reorganisation.Kind.SPLIT
                    ? String.join(",", change.parts().stream().map(Reorganisation.Part::code).toList()) : change.target();
            String name = change.kind() == Reorganisation.Kind.SPLIT
                    ? String.join(" | ", change.parts().stream().map(Reorganisation.Part::name).toList()) : change.name();
            jdbc.sql("""
                            insert into reorganisation_change (reorganisation_id, seq, kind, units, target_code, name,
                                                               level_key, parent_code, symbol)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, change.seq(), change.kind().name(), units.isEmpty() ? null : String.join(",", units),
                            target, name, change.level(), change.parent(), change.symbol())
                    .update();
        }
        // The links come from replaying on the version this one follows, so they are the ones the tree takes.
        for (Change change : reorganisation.changes()) {
            for (TreeState.Succession succession : state.apply(change)) {
                jdbc.sql("""
                                insert into unit_succession (reorganisation_id, predecessor_code, successor_code, kind)
                                values (?, ?, ?, ?)""")
                        .params(id, succession.predecessor(), succession.successor(), succession.kind().name()).update();
            }
        }
        return id;
    }

    public List<Version> versions() {
        return jdbc.sql("""
                        select id, decision_number, decision_date, issuer, title, effective_on, applied_at, applied_by
                        from reorganisation order by id""")
                .query((rs, row) -> new Version(rs.getLong("id"), rs.getString("decision_number"),
                        rs.getObject("decision_date", LocalDate.class), rs.getString("issuer"), rs.getString("title"),
                        rs.getObject("effective_on", LocalDate.class), SqlTimes.instant(rs, "applied_at"),
                        rs.getString("applied_by")))
                .list();
    }

    public List<StoredChange> changes(long reorganisationId) {
        return jdbc.sql("""
                        select seq, kind, units, target_code, name, level_key, parent_code, symbol
                        from reorganisation_change where reorganisation_id = ? order by seq""")
                .param(reorganisationId)
                .query((rs, row) -> {
                    Reorganisation.Kind kind = Reorganisation.Kind.valueOf(rs.getString("kind"));
                    String units = rs.getString("units");
                    return new StoredChange(rs.getInt("seq"), kind, kind.label(),
                            units == null ? List.of() : List.of(units.split(",")), rs.getString("target_code"),
                            rs.getString("name"), rs.getString("level_key"), rs.getString("parent_code"),
                            rs.getString("symbol"));
                })
                .list();
    }

    /** The links of every version where the unit is predecessor or successor, oldest first. */
    public List<Link> links(String unitCode) {
        return jdbc.sql("""
                        select reorganisation_id, predecessor_code, successor_code, kind from unit_succession
                        where predecessor_code = ? or successor_code = ? order by reorganisation_id, predecessor_code""")
                .params(unitCode, unitCode)
                .query((rs, row) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Reorganisation.Kind.valueOf(rs.getString(4))))
                .list();
    }

    /** Every link, for a tree's reader. */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        jdbc.sql("select reorganisation_id, predecessor_code, successor_code, kind from unit_succession order by reorganisation_id")
                .query(rs -> {
                    links.add(new Link(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Reorganisation.Kind.valueOf(rs.getString(4))));
                });
        return links;
    }
}
