package vn.reviewcascade.security;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.reviewcascade.EngineLogin;
import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.ReviewKey;

import static org.assertj.core.api.Assertions.assertThat;

class TasklistFiltersTest extends CascadeTestSupport {

    @Autowired FilterService filters;

    @Test
    void sharedFiltersShowEachUserTheirOwnWorkItsDeadlinesAndForReviewersTheirSubordinates() {
        Campaign campaign = start("TU");
        issueGuidance(campaign, "TU");
        issueGuidance(campaign, "VL");
        String mine = id(TasklistFilters.MINE);
        String dueSoon = id(TasklistFilters.DUE_SOON);
        String overdue = id(TasklistFilters.OVERDUE);
        String subordinates = id(TasklistFilters.SUBORDINATES + "Huyện ủy Vĩnh Linh");

        EngineLogin.as(identityService, "f.a.dt", List.of("VL-A.drafters"));
        assertThat(units(filters.listPage(mine, 0, 100), campaign)).containsExactly("VL-A");
        assertThat(filters.count(dueSoon)).isZero();
        assertThat(filters.count(overdue)).isZero();
        assertThat(filters.createFilterQuery().filterName(TasklistFilters.SUBORDINATES + "Huyện ủy Vĩnh Linh").count())
                .as("a base unit's drafter does not see the reviewers' filter").isZero();

        moveClockTo("2030-09-25T00:00:00+07:00");
        assertThat(units(filters.listPage(dueSoon, 0, 100), campaign)).containsExactly("VL-A");
        moveClockTo("2030-10-01T00:00:00+07:00");
        assertThat(units(filters.listPage(overdue, 0, 100), campaign)).containsExactly("VL-A");
        assertThat(units(filters.listPage(dueSoon, 0, 100), campaign)).isEmpty();

        EngineLogin.as(identityService, "f.vl.td", List.of("VL.reviewers"));
        assertThat(units(filters.listPage(subordinates, 0, 100), campaign)).containsExactlyInAnyOrder("VL-A", "VL-B", "VL-C");
        assertThat(units(filters.listPage(mine, 0, 100), campaign)).as("seeing is not working: nothing of the base units is theirs").isEmpty();
    }

    private String id(String name) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        assertThat(filter).as(name).isNotNull();
        return filter.getId();
    }

    /** The units of the tasks, looked up as the system: the user may not read the process instances. */
    private List<String> units(List<Task> tasks, Campaign campaign) {
        var user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return tasks.stream().map(task -> runtimeService.createProcessInstanceQuery()
                            .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey())
                    .map(ReviewKey::parse).filter(key -> key.campaignId() == campaign.id())
                    .map(ReviewKey::unitCode).toList();
        } finally {
            identityService.setAuthentication(user);
        }
    }
}
