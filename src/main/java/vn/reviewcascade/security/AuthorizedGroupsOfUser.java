package vn.reviewcascade.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's authorization check of a command as cheap with the national tree as with one province. Before
 * the first check of every command, Camunda 7.24 reads every group id that holds an authorization ({@code SELECT
 * distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}) only to drop from the user's groups those that hold none, so that
 * its queries name fewer groups. Every unit role group holds one (the engine gives each new group READ on itself),
 * so that query returns all 213,424 groups of 53,356 units, and for every command, however small: it was most of a
 * base user's task count (docs/benchmark.md, "Authorization at national size").
 *
 * <p>People here hold a few groups each (one per role in a unit), so their groups go into the check as they are: a
 * group without an authorization matches no row of the check, which therefore answers exactly as after the engine's
 * filtering. Only for a user with more than {@value #PASS_THROUGH_LIMIT} groups does the engine still filter, to keep
 * its queries' lists of groups short. This replaces the engine's authorization session, the one way its configuration
 * offers ({@code customSessionFactories}); the checks themselves, their SQL and the authorizations are the engine's.
 */
@Component
class AuthorizedGroupsOfUser extends AbstractProcessEnginePlugin {

    static final int PASS_THROUGH_LIMIT = 200;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        // Registered under the engine's own session type, so it replaces the default authorization manager.
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GroupsAsGiven();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's authorization manager, but for the one lookup that read every group with an authorization. */
    static final class GroupsAsGiven extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.size() > PASS_THROUGH_LIMIT) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }
}
