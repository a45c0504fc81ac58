package vn.reviewcascade.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.unit.UnitTreeReplaced;

/**
 * The shared Tasklist filters: "Việc của tôi", "Sắp đến hạn" (due within 7 days), "Quá hạn" for everyone, and
 * for the reviewers of each unit with subordinates "Đơn vị cấp dưới – …", the open tasks of the units below it.
 * Created once, by name; the engine's authorizations decide who sees which filter and which tasks in it.
 */
@Component
@Order(3)
class TasklistFilters implements SetupStep {

    static final String MINE = "Việc của tôi";
    static final String DUE_SOON = "Sắp đến hạn";
    static final String OVERDUE = "Quá hạn";
    static final String SUBORDINATES = "Đơn vị cấp dưới – ";
    private static final String GROUPS = "reviewCascadeGroups";
    private static final int FILTERS_PER_TRANSACTION = 500;

    private final FilterService filters;
    private final TaskService taskService;
    private final AuthorizationService authorizations;
    private final UnitTree tree;
    private final ProcessEngineConfigurationImpl engine;

    TasklistFilters(FilterService filters, TaskService taskService, AuthorizationService authorizations, UnitTree tree,
                    ProcessEngineConfigurationImpl engine) {
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

    @Override
    public void run() {
        createForEveryone(MINE, -10, "Việc được giao cho tôi hoặc cho nhóm của tôi", mine());
        createForEveryone(DUE_SOON, -9, "Việc của tôi đến hạn trong 7 ngày tới",
                mine().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
        createForEveryone(OVERDUE, -8, "Việc của tôi đã quá hạn", mine().dueBeforeExpression("${now()}"));
        // Read once; a filter is saved again only when the groups of the units below changed since the last start.
        Map<String, Filter> existing = new HashMap<>();
        filters.createFilterQuery().filterNameLike(SUBORDINATES + "%").list()
                .forEach(filter -> existing.putIfAbsent(filter.getName(), filter));
        List<Runnable> writes = new ArrayList<>();
        for (Unit unit : tree.units()) {
            List<Unit> children = tree.childrenOf(unit.code());
            if (children.isEmpty()) {
                continue;
            }
            List<String> groups = children.stream().flatMap(child -> Stream.of(UnitRole.DRAFTER, UnitRole.GUIDANCE_DRAFTER,
                    UnitRole.REVIEWER, UnitRole.SIGNER).map(role -> tree.groupId(child.code(), role))).distinct().toList();
            String name = SUBORDINATES + unit.name();
            String description = "Việc đang mở của các đơn vị trực thuộc " + unit.name();
            Filter filter = existing.get(name);
            if (filter == null) {
                writes.add(() -> grant(save(name, -7, description, subordinates(groups), groups), unit.reviewers().id()));
            } else if (!String.join(",", groups).equals(filter.getProperties().get(GROUPS))) {
                writes.add(() -> {
                    filter.setQuery(subordinates(groups));
                    filter.setProperties(properties(-7, description, groups));
                    filters.saveFilter(filter);
                });
            }
        }
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
        return save(name, priority, description, query, null);
    }

    private Filter save(String name, int priority, String description, TaskQuery query, List<String> groups) {
        Filter filter = filters.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(properties(priority, description, groups));
        return filters.saveFilter(filter);
    }

    /** Tasklist's properties of a filter, with the groups it shows the tasks of, to tell later whether they changed. */
    private static Map<String, Object> properties(int priority, String description, List<String> groups) {
        Map<String, Object> properties = new HashMap<>(Map.of("priority", priority, "description", description, "refresh", true));
        if (groups != null) {
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
