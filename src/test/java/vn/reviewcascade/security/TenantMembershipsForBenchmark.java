package vn.reviewcascade.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.reviewcascade.unit.UnitTree;

/**
 * Lets a benchmark that creates the groups itself, after start-up, hold back the start-up step that makes them members
 * of their tenants ({@link TenantMemberships}, which needs the groups), and run it once they exist.
 */
public final class TenantMembershipsForBenchmark {

    private TenantMembershipsForBenchmark() {
    }

    public static boolean isTenantMemberships(Object bean) {
        return bean instanceof TenantMemberships;
    }

    /** Runs the step, exactly as at start-up, over the given tree. */
    public static void run(UnitTree tree, SecurityProperties properties, IdentityService identityService,
                           ProcessEngineConfigurationImpl engine, JdbcTemplate jdbc) {
        new TenantMemberships(tree, properties, identityService, engine, jdbc).run();
    }
}
