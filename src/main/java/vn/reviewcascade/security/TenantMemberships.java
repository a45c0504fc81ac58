package vn.reviewcascade.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.unit.UnitTreeReplaced;

/**
 * Keeps the engine's tenants ({@link UnitTenants}) and their group memberships as the tree gives them: one tenant per
 * unit that is one (named as the unit), and every unit group a member of the tenants of its units and of the units
 * below them ({@link UnitTree#tenantsOfGroups}); the observer boards of every tenant. People hold tenants through
 * their groups, so a user's tenants follow their groups with nothing written per user. After a move the new parent's
 * groups gain the tenant the moved unit keeps; a membership no longer derived from the tree is removed, one to a tenant
 * made by hand is left alone.
 *
 * <p>Like the groups ({@code UnitGroupSynchronizer}), what exists is read by plain SQL in one query (the national
 * tree has about 213,000 memberships) and only the difference is written, through the engine's
 * {@link IdentityService}, a part per transaction. Runs after the groups, at start and when the tree changes.
 */
@Component
@Order(2)
class TenantMemberships implements SetupStep {

    private static final Logger log = LoggerFactory.getLogger(TenantMemberships.class);
    private static final int MEMBERSHIPS_PER_TRANSACTION = 2000;

    private final UnitTree tree;
    private final SecurityProperties properties;
    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engine;
    private final JdbcTemplate jdbc;

    TenantMemberships(UnitTree tree, SecurityProperties properties, IdentityService identityService,
                      ProcessEngineConfigurationImpl engine, JdbcTemplate jdbc) {
        this.tree = tree;
        this.properties = properties;
        this.identityService = identityService;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(2)
    void treeReplaced(UnitTreeReplaced replaced) {
        run();
    }

    /** A group's membership of a tenant. */
    private record Membership(String tenantId, String groupId) {
    }

    @Override
    public void run() {
        Map<String, Set<String>> wanted = new LinkedHashMap<>(tree.tenantsOfGroups());
        Set<String> treeTenants = new TreeSet<>();
        wanted.values().forEach(treeTenants::addAll);
        Map<String, String> knownTenants = new HashMap<>();
        jdbc.query("select ID_, NAME_ from ACT_ID_TENANT", row -> {
            knownTenants.put(row.getString(1), row.getString(2) == null ? "" : row.getString(2));
        });
        writeTenants(treeTenants, knownTenants);
        // The observer boards follow every approval, those of a tenant no longer in the tree (a configured tree file
        // replaced by another) included.
        Set<String> everyTenant = new TreeSet<>(treeTenants);
        everyTenant.addAll(knownTenants.keySet());
        if (!properties.observerGroups().isEmpty()) {
            identityService.createGroupQuery().groupIdIn(properties.observerGroups().toArray(String[]::new)).list()
                    .forEach(observer -> wanted.computeIfAbsent(observer.getId(), id -> new TreeSet<>()).addAll(everyTenant));
        }

        Set<Membership> existing = new HashSet<>();
        jdbc.query("select TENANT_ID_, GROUP_ID_ from ACT_ID_TENANT_MEMBER where GROUP_ID_ is not null",
                row -> {
                    existing.add(new Membership(row.getString(1), row.getString(2)));
                });
        List<Membership> added = new ArrayList<>();
        wanted.forEach((group, tenants) -> tenants.stream().map(tenant -> new Membership(tenant, group))
                .filter(membership -> !existing.contains(membership)).forEach(added::add));
        List<Membership> removed = existing.stream()
                .filter(membership -> wanted.containsKey(membership.groupId()) && tree.find(membership.tenantId()).isPresent()
                        && !wanted.get(membership.groupId()).contains(membership.tenantId()))
                .toList();
        for (int from = 0; from < added.size(); from += MEMBERSHIPS_PER_TRANSACTION) {
            List<Membership> part = added.subList(from, Math.min(added.size(), from + MEMBERSHIPS_PER_TRANSACTION));
            try {
                write(part, List.of());
            } catch (ProcessEngineException e) {
                // Another node starting at the same moment wrote some of these first: the part is read again.
                log.info("Tenant memberships written by another node meanwhile ({}); writing the rest", e.getMessage());
                write(part.stream().filter(this::missing).toList(), List.of());
            }
        }
        write(List.of(), removed);
        log.info("Unit tenants: {} tenants, {} memberships ({} added, {} removed)", treeTenants.size(),
                wanted.values().stream().mapToInt(Set::size).sum(), added.size(), removed.size());
    }

    /** Each tenant of the tree, named as its unit, created or renamed; {@code existing} gains those created. */
    private void writeTenants(Set<String> tenantIds, Map<String, String> existing) {
        List<String> changed = tenantIds.stream().filter(id -> !name(id).equals(existing.get(id))).toList();
        if (changed.isEmpty()) {
            return;
        }
        engine.getCommandExecutorTxRequired().execute(commandContext -> {
            for (String id : changed) {
                Tenant tenant = existing.containsKey(id)
                        ? identityService.createTenantQuery().tenantId(id).singleResult()
                        : identityService.newTenant(id);
                tenant.setName(name(id));
                identityService.saveTenant(tenant);
            }
            return null;
        });
        changed.forEach(id -> existing.put(id, name(id)));
    }

    private String name(String tenantId) {
        return tree.find(tenantId).map(Unit::name).orElse(tenantId);
    }

    private boolean missing(Membership membership) {
        return identityService.createTenantQuery().tenantId(membership.tenantId()).groupMember(membership.groupId())
                .count() == 0;
    }

    /** One transaction: the added memberships' groups read in one query, then every change written. */
    private void write(List<Membership> add, List<Membership> remove) {
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        engine.getCommandExecutorTxRequired().execute(commandContext -> {
            // Read into the command's cache, so creating each membership finds its group and tenant there.
            if (!add.isEmpty()) {
                identityService.createGroupQuery().groupIdIn(add.stream().map(Membership::groupId).distinct()
                        .toArray(String[]::new)).list();
            }
            add.forEach(membership -> identityService.createTenantGroupMembership(membership.tenantId(), membership.groupId()));
            remove.forEach(membership -> identityService.deleteTenantGroupMembership(membership.tenantId(), membership.groupId()));
            return null;
        });
    }
}
