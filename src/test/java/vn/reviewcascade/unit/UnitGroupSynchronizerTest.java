package vn.reviewcascade.unit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The groups of every role of every unit, written a part per transaction through the engine's identity service: the
 * missing ones created with their default authorization, one under an old name renamed, one made by hand under a
 * unit's id left as it is, and a second start writes nothing.
 */
class UnitGroupSynchronizerTest {

    private static final int PART = 7;

    private ProcessEngine engine;
    private ProcessEngineConfigurationImpl configuration;
    private IdentityService identityService;
    private UnitTree tree;

    @BeforeEach
    void startEngine() throws IOException {
        ProcessEngineConfigurationImpl built = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:unit-groups;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("unit-groups")
                .setAuthorizationEnabled(true);
        built.setGroupResourceWhitelistPattern("[a-zA-Z0-9._-]+");
        engine = built.buildProcessEngine();
        configuration = built;
        identityService = engine.getIdentityService();
        try (InputStream input = getClass().getResourceAsStream("/units/test-tree.csv")) {
            tree = UnitTreeCsvReader.read(input, "test-tree.csv");
        }
        save("VL.drafters", "Dự thảo – Huyện ủy Vĩnh Linh", UnitGroupSynchronizer.GROUP_TYPE);
        save("VL-A.signers", "Lãnh đạo ký duyệt – Đảng ủy xã Vĩnh Thái", "WORKFLOW");
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void createsTheMissingRenamesTheMisnamedAndWritesNothingTheSecondTime() {
        Collection<UnitGroup> wanted = tree.groups();
        assertThat(wanted.size()).as("several parts").isGreaterThan(3 * PART);

        synchronizer().run();

        for (UnitGroup group : wanted) {
            assertThat(identityService.createGroupQuery().groupId(group.id()).singleResult().getName())
                    .as(group.id()).isEqualTo(group.name());
        }
        assertThat(identityService.createGroupQuery().count()).isEqualTo(wanted.size());
        assertThat(name("VL.drafters")).isEqualTo("Chuyên viên dự thảo – Huyện ủy Vĩnh Linh");
        assertThat(identityService.createGroupQuery().groupId("VL-A.signers").singleResult().getType()).isEqualTo("WORKFLOW");
        // Created by the engine's identity service, so with the engine's default authorization: members read it.
        AuthorizationService authorizations = engine.getAuthorizationService();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("VL-A.drafters").resourceType(Resources.GROUP)
                .resourceId("VL-A.drafters").count()).isEqualTo(1);

        int revision = revision("VL.drafters");
        int createdRevision = revision("VL-A.drafters");
        synchronizer().run();
        assertThat(revision("VL.drafters")).isEqualTo(revision);
        assertThat(revision("VL-A.drafters")).isEqualTo(createdRevision);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(wanted.size());
    }

    private UnitGroupSynchronizer synchronizer() {
        return new UnitGroupSynchronizer(tree, identityService, configuration,
                new JdbcTemplate(configuration.getDataSource()), PART);
    }

    private void save(String id, String name, String type) {
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }

    private String name(String id) {
        return identityService.createGroupQuery().groupId(id).singleResult().getName();
    }

    private int revision(String id) {
        return ((GroupEntity) identityService.createGroupQuery().groupId(id).singleResult()).getRevision();
    }
}
