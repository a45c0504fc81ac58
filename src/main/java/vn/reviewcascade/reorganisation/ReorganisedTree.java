package vn.reviewcascade.reorganisation;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.reviewcascade.unit.TreeAmendments;
import vn.reviewcascade.unit.UnitTree;

/**
 * The reorganisations applied, replayed on the tree files: the tree a campaign started after a reorganisation takes
 * (the 2025 transition's communes directly under the province, merged units as one). A tree file applied later states
 * the whole tree, so only the reorganisations between it and the next file are replayed on it.
 */
@Component
class ReorganisedTree implements TreeAmendments {

    private static final Logger log = LoggerFactory.getLogger(ReorganisedTree.class);

    private final JdbcClient jdbc;

    ReorganisedTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record StoredSource(long id, String source) {
    }

    @Override
    public long newest() {
        return jdbc.sql("select coalesce(max(id), 0) from reorganisation").query(Long.class).single();
    }

    @Override
    public UnitTree applyTo(UnitTree tree, long after, long upTo) {
        List<StoredSource> stored = jdbc.sql("select id, source from reorganisation where id > ? and id <= ? order by id")
                .params(after, upTo).query((rs, row) -> new StoredSource(rs.getLong(1), rs.getString(2))).list();
        // One decision after another, each on the tree the one before left: a unit keeps the engine tenant it had
        // when a later decision moves it (UnitTree#tenantOf), as its running approvals do.
        UnitTree amended = tree;
        for (StoredSource reorganisation : stored) {
            TreeState state = TreeState.of(amended);
            try {
                ReorganisationReader.read(reorganisation.source(), state).changes().forEach(state::apply);
                amended = state.toTree(amended);
            } catch (ReorganisationException e) {
                // The deployment's tree file was replaced by one this decision does not fit: what it did to running
                // campaigns stays recorded with them; the tree served is the file's, and saying so beats not starting.
                log.warn("Reorganisation {} does not fit the unit tree file in use and is left out of the tree's current "
                        + "version: {}", reorganisation.id(), e.getMessage());
            }
        }
        return amended;
    }
}
