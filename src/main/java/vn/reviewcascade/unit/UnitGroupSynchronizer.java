package vn.reviewcascade.unit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;

/**
 * Creates the Camunda group of every role of every unit, so tasks can name them as candidates, and keeps their names
 * as the tree gives them: a group created under an older name ("Dự thảo – …" before groups were named by role,
 * "Chuyên viên dự thảo – …") or of a unit since renamed is renamed, so Tasklist and Admin show what people read elsewhere.
 * <p>
 * The national tree has 213,424 groups. They are compared with the engine's in one read, and only the missing or
 * renamed are written, through the engine's {@link IdentityService} (which also writes each new group's default
 * authorization), a part of them per transaction: the part's calls share one engine command, so the engine writes
 * them in JDBC batches at its end instead of one round trip and one commit per group.
 */
@Component
@Order(1)
class UnitGroupSynchronizer implements SetupStep {

    static final String GROUP_TYPE = "UNIT_ROLE";
    private static final Logger log = LoggerFactory.getLogger(UnitGroupSynchronizer.class);

    private final UnitTree tree;
    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engine;
    private final int groupsPerTransaction;
    private final JdbcTemplate jdbc;

    UnitGroupSynchronizer(UnitTree tree, IdentityService identityService, ProcessEngineConfigurationImpl engine,
                          JdbcTemplate jdbc,
                          @Value("${review-cascade.setup.groups-per-transaction:2000}") int groupsPerTransaction) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.identityService = identityService;
        this.engine = engine;
        this.groupsPerTransaction = groupsPerTransaction;
    }

    @EventListener
    @Order(1)
    void treeReplaced(UnitTreeReplaced replaced) {
        run();
    }

    @Override
    public void run() {
        Collection<UnitGroup> wanted = tree.groups();
        // Every group's id and name, whatever its type (an id taken by a group made by hand is not created again), read
        // straight from the engine's table: the one place this application reads ACT_ID_GROUP by SQL, and only reads
        // it. The engine's group query builds an entity per row, 14 s for the national tree's 213,424 groups at every
        // start on a busy machine, where this plain read takes about 1 s; everything written goes through the engine.
        Map<String, String> existing = new HashMap<>();
        jdbc.query("select ID_, NAME_ from ACT_ID_GROUP", row -> {
            existing.put(row.getString(1), row.getString(2) == null ? "" : row.getString(2));
        });
        List<UnitGroup> changed = wanted.stream().filter(group -> !group.name().equals(existing.get(group.id()))).toList();
        int created = 0;
        int renamed = 0;
        for (int from = 0; from < changed.size(); from += groupsPerTransaction) {
            List<UnitGroup> part = changed.subList(from, Math.min(changed.size(), from + groupsPerTransaction));
            Written written;
            try {
                written = write(part);
            } catch (ProcessEngineException e) {
                // Another node starting at the same moment wrote some of these first: the part is read again and
                // what is still missing or misnamed written, once.
                log.info("Groups written by another node meanwhile ({}); writing the rest of the part", e.getMessage());
                written = write(part);
            }
            created += written.created();
            renamed += written.renamed();
        }
        log.info("Unit tree: {} units, {} groups ({} created, {} renamed)", tree.size(), wanted.size(), created, renamed);
    }

    private record Written(int created, int renamed) {
    }

    /** One transaction: the part's groups read again by id, then each missing one created and each misnamed renamed. */
    private Written write(List<UnitGroup> part) {
        return engine.getCommandExecutorTxRequired().execute(commandContext -> {
            Map<String, Group> current = identityService.createGroupQuery()
                    .groupIdIn(part.stream().map(UnitGroup::id).toArray(String[]::new)).list().stream()
                    .collect(Collectors.toMap(Group::getId, Function.identity()));
            List<Group> toSave = new ArrayList<>();
            int created = 0;
            for (UnitGroup group : part) {
                Group known = current.get(group.id());
                if (known == null) {
                    Group entity = identityService.newGroup(group.id());
                    entity.setName(group.name());
                    entity.setType(GROUP_TYPE);
                    toSave.add(entity);
                    created++;
                } else if (!group.name().equals(known.getName())) {
                    known.setName(group.name());
                    toSave.add(known);
                }
            }
            // Calls inside this command join it: their rows are flushed together when it ends.
            toSave.forEach(identityService::saveGroup);
            return new Written(created, toSave.size() - created);
        });
    }
}
