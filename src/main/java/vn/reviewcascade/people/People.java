package vn.reviewcascade.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import vn.reviewcascade.PersonNames;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.unit.UnitGroup;
import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.unit.UnitTreeReplaced;

/**
 * The one place that says who a user or a group is, as people read it: a user by full name ("Nguyễn Thị Hoa", from
 * the user import), a group by role and unit ("Chuyên viên dự thảo – Đảng ủy thị trấn Hồ Xá") or by the board's own
 * name ("Ban Tổ chức Tỉnh ủy"). Ids stay in the API's id fields; what is shown to a person comes from here.
 *
 * <p>Names are read from the engine in bulk ({@code userIdIn}, one query per {@value #BATCH} ids) and kept for
 * {@value #KEEP_MINUTES} minutes, so a list of tasks or comments costs at most one query, and usually none; a name
 * changed in Admin shows within that time, an import is seen at once ({@link #forget()}). Read as the application
 * (see {@link SystemContext}): showing a colleague's name needs no engine permission on users.
 */
@Service
public class People {

    static final int BATCH = 500;
    static final long KEEP_MINUTES = 5;
    private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(KEEP_MINUTES);

    /**
     * A name as last read. Only names are kept: an id the engine does not know (yet) is asked again next time, so a
     * user created a moment later shows by name at once.
     */
    private record Known(String name, long readAt) {

        boolean fresh(long now) {
            return now - readAt < KEEP_NANOS;
        }
    }

    private final IdentityService identityService;
    private final SystemContext system;
    private final UnitTree tree;
    private final Map<String, Known> users = new ConcurrentHashMap<>();
    private final Map<String, Known> groups = new ConcurrentHashMap<>();

    public People(IdentityService identityService, SystemContext system, UnitTree tree) {
        this.identityService = identityService;
        this.system = system;
        this.tree = tree;
    }

    /** The user's full name; the id itself when the engine has no name for it (a deleted user); null for null. */
    public String userName(String userId) {
        return userId == null ? null : userNames(List.of(userId)).get(userId);
    }

    /** The full name of each given user (nulls skipped), as {@link #userName}, with at most one query per batch. */
    public Map<String, String> userNames(Collection<String> userIds) {
        return names(userIds, users, id -> null, batch -> {
            Map<String, String> read = new HashMap<>();
            identityService.createUserQuery().userIdIn(batch.toArray(String[]::new)).list()
                    .forEach(user -> read.put(user.getId(), PersonNames.fullName(user)));
            return read;
        });
    }

    /** A user's name from a record already read, which also refreshes the cache. */
    public String userName(User user) {
        String name = PersonNames.fullName(user);
        if (name == null) {
            return user.getId();
        }
        users.put(user.getId(), new Known(name, System.nanoTime()));
        return name;
    }

    /**
     * The group as people call it: a unit's own group by its role and the unit ("Người thẩm định – Huyện ủy Vĩnh
     * Linh"), a board named in the tree by that name, any other group (an organising board outside the tree) by its
     * name in the engine; the id only when there is no name at all. Null for null.
     */
    public String groupName(String groupId) {
        return groupId == null ? null : groupNames(List.of(groupId)).get(groupId);
    }

    /** The name of each given group (nulls skipped), as {@link #groupName}; the engine is asked once for the rest. */
    public Map<String, String> groupNames(Collection<String> groupIds) {
        return names(groupIds, groups, this::treeName, batch -> {
            Map<String, String> read = new HashMap<>();
            identityService.createGroupQuery().groupIdIn(batch.toArray(String[]::new)).list()
                    .forEach(group -> read.put(group.getId(), nameOf(group)));
            return read;
        });
    }

    /**
     * Each id's name: the one {@code fixed} gives (the tree's, never stale), else the cache's while fresh, else read in
     * batches as the application; an id without a name stands for itself and is not kept.
     */
    private Map<String, String> names(Collection<String> ids, Map<String, Known> cache, Function<String, String> fixed,
                                      Function<List<String>, Map<String, String>> read) {
        long now = System.nanoTime();
        Map<String, String> names = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (id == null) {
                continue;
            }
            String given = fixed.apply(id);
            Known known = cache.get(id);
            if (given != null) {
                names.put(id, given);
            } else if (known != null && known.fresh(now)) {
                names.put(id, known.name());
            } else {
                missing.add(id);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            Map<String, String> found = system.call(() -> read.apply(batch));
            for (String id : batch) {
                String name = found.get(id);
                if (name != null) {
                    cache.put(id, new Known(name, now));
                }
                names.put(id, name == null ? id : name);
            }
        }
        return names;
    }

    /** The names of the groups in the given order, each once: "Ban Tổ chức Tỉnh ủy, Người thẩm định – …". */
    public List<String> groupNameList(Collection<String> groupIds) {
        Map<String, String> names = groupNames(groupIds);
        return new LinkedHashSet<>(groupIds).stream().filter(Objects::nonNull).map(names::get).toList();
    }

    /** A newer tree file renames units and their groups. */
    @EventListener
    void treeReplaced(UnitTreeReplaced replaced) {
        forget();
    }

    /** Forgets every name read, after an import or a change of users: the next look-up reads the engine again. */
    public void forget() {
        users.clear();
        groups.clear();
    }

    /** The tree's name of one of its groups (a unit's role, or a board named in the tree file), or null. */
    private String treeName(String groupId) {
        List<UnitTree.Membership> memberships = tree.membershipsOf(Set.of(groupId));
        if (memberships.isEmpty()) {
            return null;
        }
        UnitTree.Membership first = memberships.get(0);
        return tree.find(first.unitCode()).map(first.role()::groupOf).map(UnitGroup::name).orElse(null);
    }

    private static String nameOf(Group group) {
        return group.getName() == null || group.getName().isBlank() ? null : group.getName().strip();
    }
}
