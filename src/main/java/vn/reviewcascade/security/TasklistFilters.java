package vn.reviewcascade.security;

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
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

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

    private final FilterService filters;
    private final TaskService taskService;
    private final AuthorizationService authorizations;
    private final UnitTree tree;

    TasklistFilters(FilterService filters, TaskService taskService, AuthorizationService authorizations, UnitTree tree) {
        this.filters = filters;
        this.taskService = taskService;
        this.authorizations = authorizations;
        this.tree = tree;
    }

    @Override
    public void run() {
        createForEveryone(MINE, -10, "Việc được giao cho tôi hoặc cho nhóm của tôi", mine());
        createForEveryone(DUE_SOON, -9, "Việc của tôi đến hạn trong 7 ngày tới",
                mine().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
        createForEveryone(OVERDUE, -8, "Việc của tôi đã quá hạn", mine().dueBeforeExpression("${now()}"));
        for (Unit unit : tree.units()) {
            List<Unit> children = tree.childrenOf(unit.code());
            if (children.isEmpty()) {
                continue;
            }
            // The subordinates' tasks are those of their groups; the tree may have changed since the last start.
            List<String> groups = children.stream().flatMap(child -> Stream.of(UnitRole.DRAFTER, UnitRole.GUIDANCE_DRAFTER,
                    UnitRole.REVIEWER, UnitRole.SIGNER).map(role -> tree.groupId(child.code(), role))).distinct().toList();
            TaskQuery query = taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks();
            String name = SUBORDINATES + unit.name();
            Filter existing = filters.createFilterQuery().filterName(name).singleResult();
            if (existing == null) {
                grant(save(name, -7, "Việc đang mở của các đơn vị trực thuộc " + unit.name(), query), unit.reviewers().id());
            } else {
                existing.setQuery(query);
                filters.saveFilter(existing);
            }
        }
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
        Filter filter = filters.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        return filters.saveFilter(filter);
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
