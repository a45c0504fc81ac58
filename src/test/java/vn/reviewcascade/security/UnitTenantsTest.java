package vn.reviewcascade.security;

import java.util.List;

import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.EngineLogin;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each unit's approvals are in its tenant and each group a member of the tenants it works in, so the engine's tenant
 * check bounds a user's task queries by their part of the tree while authorizations still decide within it.
 */
class UnitTenantsTest extends CascadeTestSupport {

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void aUnitsApprovalsAreInItsTenantAndItsReviewInNone() {
        Campaign campaign = start("TU");
        assertThat(task(campaign, "TU", "DraftDocument").getTenantId()).as("the root's").isNull();
        issueGuidance(campaign, "TU");
        assertThat(task(campaign, "VL", "DraftDocument").getTenantId()).isEqualTo("VL");
        issueGuidance(campaign, "VL");
        assertThat(task(campaign, "VL-A", "DraftDocument").getTenantId()).isEqualTo("VL");
        assertThat(task(campaign, "CC", "DraftDocument").getTenantId()).isEqualTo("CC");
        assertThat(unitProcess(campaign, "VL-A").getTenantId()).as("reviews exchange signals across tenants").isNull();
        assertThat(unitProcess(campaign, "VL").getTenantId()).isNull();
    }

    @Test
    void groupsAreMembersOfTheTenantsOfTheirUnitsAndOfTheUnitsBelow() {
        assertThat(tenants("VL-A.drafters")).containsExactly("VL");
        assertThat(tenants("VL.reviewers")).containsExactly("VL");
        assertThat(tenants("btv-tu")).as("the root's signers").contains("VL", "CC").doesNotContain("WIDE");
        assertThat(tenants("bdv-tu")).as("an observer board: every tenant of every tree root").contains("VL", "CC", "WIDE");
        assertThat(identityService.createTenantQuery().tenantId("VL").singleResult().getName()).isEqualTo("Huyện ủy Vĩnh Linh");
    }

    @Test
    void aUserSeesNoTaskOutsideTheirTenantsWhateverTheirGroups() {
        Campaign campaign = start("TU");
        issueGuidance(campaign, "TU");
        issueGuidance(campaign, "VL");
        Task vlA = task(campaign, "VL-A", "DraftDocument");

        EngineLogin.as(identityService, "f.vl.td", List.of("VL.reviewers"));
        assertThat(taskService.createTaskQuery().taskId(vlA.getId()).count()).as("the parent's reviewer reads it").isEqualTo(1);
        // A group holding the task's authorization, without the tenant: what a stale or forged login would carry.
        identityService.setAuthentication("f.a.dt", List.of("VL-A.drafters"), List.of("CC"));
        assertThat(taskService.createTaskQuery().taskId(vlA.getId()).count()).isZero();
        EngineLogin.as(identityService, "f.cc.dt", List.of("CC.drafters"));
        assertThat(taskService.createTaskQuery().taskId(vlA.getId()).count()).isZero();
    }

    private List<String> tenants(String groupId) {
        return identityService.createTenantQuery().groupMember(groupId).list().stream().map(Tenant::getId).sorted().toList();
    }
}
