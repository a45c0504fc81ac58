package vn.reviewcascade.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.unit.UnitTree;

/**
 * Gives each approval of a unit's document (the {@code documentApproval} a unit's review calls, where its tasks are)
 * the engine tenant of the unit ({@link UnitTree#tenantOf}: its province in the national tree), so that the engine's
 * tenant check, which every query of a logged-in user carries ({@code TENANT_ID_ IS NULL OR TENANT_ID_ IN (…)},
 * indexed), reads the open tasks of the user's own part of the country rather than all of them: a base user's task
 * count at national size read all 53,356 open tasks before (docs/benchmark.md, "Authorization at national size").
 * People are members of the tenants of the units they work on through their groups ({@link TenantMemberships});
 * authorizations still decide what they may do inside one.
 *
 * <p>The unit is read from the calling review's business key, which no user can write. The reviews themselves, the
 * campaign's processes and the mail deliveries have no tenant: the engine delivers a signal thrown without a tenant
 * only to subscriptions without one, and a review's signals and messages go from one unit to another across tenants
 * (a root's guidance to the provinces, a moved unit's report to its new parent). The provider is the engine's
 * documented extension point, in its impl package.
 */
@Component
class UnitTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

    private final UnitTree tree;

    UnitTenants(UnitTree tree) {
        this.tree = tree;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        DelegateExecution caller = context.getSuperExecution();
        if (caller == null) {
            return null;
        }
        if (caller.getTenantId() != null) {
            return caller.getTenantId();
        }
        return tree.tenantOf(ReviewKey.of(caller).unitCode()).orElse(null);
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        DelegateExecution execution = context.getExecution();
        return execution == null ? null : execution.getTenantId();
    }
}
