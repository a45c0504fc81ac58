package vn.reviewcascade.unit;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets the benchmark run the start-up step that creates the Camunda groups ({@link UnitGroupSynchronizer}) over a
 * slice of the tree, so its cost can be measured slice by slice, and extrapolated where the whole would take too long.
 */
public final class UnitGroupsForBenchmark {

    /** The application's default part size (review-cascade.setup.groups-per-transaction). */
    private static final int GROUPS_PER_TRANSACTION = 2000;

    private UnitGroupsForBenchmark() {
    }

    /** The units from {@code from} (inclusive) to {@code to} (exclusive), in file order, as a tree of their own. */
    public static UnitTree slice(UnitTree tree, int from, int to) {
        List<Unit> units = List.copyOf(tree.units()).subList(from, to);
        return new UnitTree(tree.levels(), units);
    }

    /** Runs the synchronizer, exactly as at start-up, over the given tree. */
    public static void synchronize(UnitTree tree, IdentityService identityService, ProcessEngineConfigurationImpl engine,
                                   JdbcTemplate jdbc) {
        new UnitGroupSynchronizer(tree, identityService, engine, jdbc, GROUPS_PER_TRANSACTION).run();
    }

    public static boolean isSynchronizer(Object bean) {
        return bean instanceof UnitGroupSynchronizer;
    }
}
