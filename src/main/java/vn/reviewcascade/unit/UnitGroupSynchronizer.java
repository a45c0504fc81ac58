package vn.reviewcascade.unit;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;

/** Creates the Camunda group of every role of every unit, so tasks can name them as candidates. */
@Component
@Order(1)
class UnitGroupSynchronizer implements SetupStep {

    static final String GROUP_TYPE = "UNIT_ROLE";
    private static final Logger log = LoggerFactory.getLogger(UnitGroupSynchronizer.class);

    private final UnitTree tree;
    private final IdentityService identityService;

    UnitGroupSynchronizer(UnitTree tree, IdentityService identityService) {
        this.tree = tree;
        this.identityService = identityService;
    }

    @Override
    public void run() {
        Collection<UnitGroup> wanted = tree.groups();
        Set<String> existing = identityService.createGroupQuery().groupType(GROUP_TYPE).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        int created = 0;
        for (UnitGroup group : wanted) {
            if (!existing.contains(group.id()) && identityService.createGroupQuery().groupId(group.id()).count() == 0) {
                Group entity = identityService.newGroup(group.id());
                entity.setName(group.name());
                entity.setType(GROUP_TYPE);
                identityService.saveGroup(entity);
                created++;
            }
        }
        log.info("Unit tree: {} units, {} groups ({} created)", tree.size(), wanted.size(), created);
    }
}
