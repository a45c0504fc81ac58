package vn.reviewcascade.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrators' group reads in Vietnamese in Admin, not "camunda BPM Administrators". */
class AdminGroupNameTest {

    private ProcessEngine engine;
    private IdentityService identityService;

    @BeforeEach
    void startEngine() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:admin-group-name;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("admin-group-name")
                .buildProcessEngine();
        identityService = engine.getIdentityService();
        Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
        group.setName("camunda BPM Administrators");
        group.setType(Groups.GROUP_TYPE_SYSTEM);
        identityService.saveGroup(group);
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void renamesTheStartersAdministratorsGroup() {
        new AdminGroupName(identityService).run();
        new AdminGroupName(identityService).run();

        Group group = identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult();
        assertThat(group.getName()).isEqualTo("Quản trị hệ thống");
        assertThat(group.getType()).isEqualTo(Groups.GROUP_TYPE_SYSTEM);
    }
}
