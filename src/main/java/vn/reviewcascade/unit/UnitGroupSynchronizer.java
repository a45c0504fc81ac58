package vn.reviewcascade.unit;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;

/**
 * Creates the Camunda group of every role of every unit, so tasks can name them as candidates, and keeps their names
 * as the tree gives them: a group created under an older name ("Dự thảo – …" before groups were named by role,
 * "Chuyên viên dự thảo – …") or of a unit since renamed is renamed, so Tasklist and Admin show what people read elsewhere.
 */
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

    @EventListener
    void treeReplaced(UnitTreeReplaced replaced) {
        run();
    }

    @Override
    public void run() {
        Collection<UnitGroup> wanted = tree.groups();
        Map<String, Group> existing = identityService.createGroupQuery().groupType(GROUP_TYPE).list().stream()
                .collect(Collectors.toMap(Group::getId, group -> group));
        int created = 0;
        int renamed = 0;
        for (UnitGroup group : wanted) {
            Group known = existing.get(group.id());
            if (known != null) {
                if (!group.name().equals(known.getName())) {
                    known.setName(group.name());
                    try {
                        identityService.saveGroup(known);
                        renamed++;
                    } catch (OptimisticLockingException e) {
                        // Another node starting at the same moment renamed it first, to the same name.
                        log.debug("Group {} renamed by another node", group.id());
                    }
                }
            } else if (identityService.createGroupQuery().groupId(group.id()).count() == 0) {
                Group entity = identityService.newGroup(group.id());
                entity.setName(group.name());
                entity.setType(GROUP_TYPE);
                identityService.saveGroup(entity);
                created++;
            }
        }
        log.info("Unit tree: {} units, {} groups ({} created, {} renamed)", tree.size(), wanted.size(), created, renamed);
    }
}
