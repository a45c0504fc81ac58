package vn.reviewcascade.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.campaign.CampaignStarted;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.unit.UnitTreeReplaced;

/**
 * The shared Tasklist filters: "Việc của tôi", "Sắp đến hạn" (due within 7 days), "Quá hạn" for everyone, and
 * for the reviewers of each unit with subordinates "Đơn vị cấp dưới – …", the open tasks of the units below it as
 * they are now ({@link #follow}, after a reorganisation too). Created once; the engine's authorizations decide who
 * sees which filter and which tasks in it.
 */
@Component
@Order(3)
public class TasklistFilters implements SetupStep {

    static final String MINE = "Việc của tôi";
    static final String DUE_SOON = "Sắp đến hạn";
    static final String OVERDUE = "Quá hạn";
    static final String SUBORDINATES = "Đơn vị cấp dưới – ";
    private static final String GROUPS = "reviewCascadeGroups";
    private static final String UNIT = "reviewCascadeUnit";
    private static final int FILTERS_PER_TRANSACTION = 500;

    private final FilterService filters;
    private final TaskService taskService;
    private final AuthorizationService authorizations;
    private final UnitTree tree;
    private final UnitsBelow unitsBelow;
    private final JdbcClient jdbc;
    private final SystemContext system;
    private final ProcessEngineConfigurationImpl engine;

    TasklistFilters(FilterService filters, TaskService taskService, AuthorizationService authorizations, UnitTree tree,
                    UnitsBelow unitsBelow, JdbcClient jdbc, SystemContext system, ProcessEngineConfigurationImpl engine) {
        this.jdbc = jdbc;
        this.system = system;
        this.unitsBelow = unitsBelow;
        this.engine = engine;
        this.filters = filters;
        this.taskService = taskService;
        this.authorizations = authorizations;
        this.tree = tree;
    }

    /** A newer tree file: the filters of its parents, with its groups; those of units since retired stay as they were. */
    @EventListener
    void treeReplaced(UnitTreeReplaced replaced) {
        run();
    }

    /** A campaign takes the tree as it is at its start, which may differ from its current version: its parents count. */
    @EventListener
    void campaignStarted(CampaignStarted started) {
        // The application's own work: whoever started the campaign needs no permission on filters.
        system.run(this::follow);
    }

    @Override
    public void run() {
        createForEveryone(MINE, -10, "Việc được giao cho tôi hoặc cho nhóm của tôi", mine());
        createForEveryone(DUE_SOON, -9, "Việc của tôi đến hạn trong 7 ngày tới",
                mine().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
        createForEveryone(OVERDUE, -8, "Việc của tôi đã quá hạn", mine().dueBeforeExpression("${now()}"));
        follow();
    }

    /**
     * Makes each "Đơn vị cấp dưới – …" filter show the open tasks of the units its unit has now: the units below it in
     * the tree as it is now ({@link UnitsBelow}: the tree file with the reorganisations applied since), and the units
     * reporting to it in running campaigns (a campaign's rows are its own: taken from the tree at its start, changed by
     * the reorganisations applied to it). A filter is found by its unit (by its name for those made
     * before filters carried it) and saved again only when its groups or its name changed; a unit that gained units
     * below gets one. A unit left without units below keeps its filter as it was: a running campaign not included in
     * the reorganisation may still have units under it. Runs at start-up, when a tree file is applied, when a campaign
     * starts and after a reorganisation is applied.
     */
    public void follow() {
        Map<String, String> parentNames = new LinkedHashMap<>();
        Map<String, Set<String>> below = new LinkedHashMap<>();
        unitsBelow.now().forEach((code, parent) -> {
            parentNames.put(code, parent.name());
            below.computeIfAbsent(code, key -> new TreeSet<>()).addAll(parent.children());
        });
        // Running campaigns' rows, which a campaign took from the tree of its start and reorganisations changed since:
        // only units that still owe a report have open tasks to show.
        jdbc.sql("""
                        select r.parent_code, r.unit_code, p.unit_name as parent_name
                        from campaign_unit r
                        join campaign_unit p on p.campaign_id = r.campaign_id and p.unit_code = r.parent_code
                        where r.retired_at is null and r.submitted_at is null
                          and not exists (select 1 from campaign_end e where e.campaign_id = r.campaign_id)""")
                .query(rs -> {
                    String parent = rs.getString("parent_code");
                    below.computeIfAbsent(parent, key -> new TreeSet<>()).add(rs.getString("unit_code"));
                    parentNames.putIfAbsent(parent, rs.getString("parent_name"));
                });
        // Read once; the filters of the tree file's first start carry no unit, and are found by their name.
        Map<String, Filter> existing = new HashMap<>();
        filters.createFilterQuery().filterNameLike(SUBORDINATES + "%").list().forEach(filter -> {
            Object unit = filter.getProperties() == null ? null : filter.getProperties().get(UNIT);
            existing.putIfAbsent(unit != null ? "unit:" + unit : "name:" + filter.getName(), filter);
        });
        List<Runnable> writes = new ArrayList<>();
        below.forEach((code, units) -> {
            String unitName = parentNames.getOrDefault(code, code);
            List<String> groups = units.stream().flatMap(child -> Stream.of(UnitRole.DRAFTER, UnitRole.GUIDANCE_DRAFTER,
                    UnitRole.REVIEWER, UnitRole.SIGNER).map(role -> tree.groupId(child, role))).distinct().toList();
            String name = SUBORDINATES + unitName;
            String description = "Việc đang mở của các đơn vị trực thuộc " + unitName;
            Filter filter = existing.getOrDefault("unit:" + code, existing.get("name:" + name));
            if (filter == null) {
                writes.add(() -> grant(save(name, -7, description, subordinates(groups), code, groups),
                        tree.groupId(code, UnitRole.REVIEWER)));
            } else if (!String.join(",", groups).equals(filter.getProperties().get(GROUPS)) || !name.equals(filter.getName())
                    || !code.equals(filter.getProperties().get(UNIT))) {
                writes.add(() -> {
                    filter.setName(name);
                    filter.setQuery(subordinates(groups));
                    filter.setProperties(properties(-7, description, code, groups));
                    filters.saveFilter(filter);
                });
            }
        });
        // The national tree's 3,355 filters on a first start: a part of them per transaction, their rows written in
        // JDBC batches when the part's engine command ends, not one commit per filter and per authorization.
        for (int from = 0; from < writes.size(); from += FILTERS_PER_TRANSACTION) {
            List<Runnable> part = writes.subList(from, Math.min(writes.size(), from + FILTERS_PER_TRANSACTION));
            engine.getCommandExecutorTxRequired().execute(commandContext -> {
                part.forEach(Runnable::run);
                return null;
            });
        }
    }

    private TaskQuery subordinates(List<String> groups) {
        return taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks();
    }

    /** Tasks assigned to the user, or open to one of the user's groups. */
    private TaskQuery mine() {
        return taskService.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}").endOr();
    }

    private void createForEveryone(String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() == 0) {
            Filter filter = save(name, priority, description, query);
            Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            everyone.setUserId(Authorization.ANY);
            everyone.setResource(Resources.FILTER);
            everyone.setResourceId(filter.getId());
            everyone.addPermission(Permissions.READ);
            authorizations.saveAuthorization(everyone);
        }
    }

    private Filter save(String name, int priority, String description, TaskQuery query) {
        return save(name, priority, description, query, null, null);
    }

    private Filter save(String name, int priority, String description, TaskQuery query, String unit, List<String> groups) {
        Filter filter = filters.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(properties(priority, description, unit, groups));
        return filters.saveFilter(filter);
    }

    /**
     * Tasklist's properties of a filter, with the unit whose units below it shows and their groups, to tell later
     * whether they changed.
     */
    private static Map<String, Object> properties(int priority, String description, String unit, List<String> groups) {
        Map<String, Object> properties = new HashMap<>(Map.of("priority", priority, "description", description, "refresh", true));
        if (groups != null) {
            properties.put(UNIT, unit);
            properties.put(GROUPS, String.join(",", groups));
        }
        return properties;
    }

    private void grant(Filter filter, String group) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(Resources.FILTER);
        authorization.setResourceId(filter.getId());
        authorization.addPermission(Permissions.READ);
        authorizations.saveAuthorization(authorization);
    }
}
