package vn.reviewcascade.unit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tree of units the application serves: built from a tree file with {@link UnitTreeCsvReader}, then replaced as
 * a whole when the organising board applies a newer file or a reorganisation ({@link #replaceWith}), without a
 * restart.
 *
 * <p>A unit of an older file that the newer one no longer has is kept, <em>retired</em>: running campaigns still
 * name it, its people keep their groups and their access to what it did, its name still shows; it is only no longer
 * offered to new campaigns ({@link #roots}, {@link #childrenOf}, {@link #subtree} give active units). Each call reads
 * one whole version: a reader never sees half of a replacement.
 */
public final class UnitTree {

    private volatile Version version;

    /** A group's place in the tree: it holds this role for this unit. */
    public record Membership(String unitCode, UnitRole role) {
    }

    /**
     * One immutable version of the tree. {@code levels} are the newest file's, {@code formerLevels} those of older
     * files its retired units may still sit at.
     */
    private record Version(List<TreeLevel> levels, List<TreeLevel> formerLevels, Map<String, Unit> byCode,
                           Set<String> retired, Map<String, List<Unit>> activeChildren,
                           Map<String, List<Membership>> byGroup, Map<String, String> tenants) {

        static Version of(List<TreeLevel> levels, List<TreeLevel> formerLevels, Collection<Unit> units, Set<String> retired,
                          Map<String, String> earlierTenants) {
            Map<String, Unit> byCode = new LinkedHashMap<>();
            Map<String, List<Unit>> children = new LinkedHashMap<>();
            Map<String, List<Membership>> byGroup = new LinkedHashMap<>();
            for (Unit unit : units) {
                byCode.put(unit.code(), unit);
                if (unit.parentCode() != null && !retired.contains(unit.code())) {
                    children.computeIfAbsent(unit.parentCode(), code -> new ArrayList<>()).add(unit);
                }
                for (UnitRole role : UnitRole.values()) {
                    byGroup.computeIfAbsent(role.groupOf(unit).id(), id -> new ArrayList<>()).add(new Membership(unit.code(), role));
                }
            }
            Map<String, String> tenants = new HashMap<>();
            for (Unit unit : byCode.values()) {
                tenantOf(unit, byCode, earlierTenants, tenants);
            }
            return new Version(List.copyOf(levels), List.copyOf(formerLevels), byCode, Set.copyOf(retired), children, byGroup,
                    tenants);
        }

        /**
         * A unit keeps the tenant it was first given, whatever later files and reorganisations make of it: its running
         * processes carry it. A new unit takes its parent's, a unit directly below a root is a tenant of its own, and a
         * root has none (its processes are everyone's, bounded by authorizations alone).
         */
        private static String tenantOf(Unit unit, Map<String, Unit> byCode, Map<String, String> earlier,
                                       Map<String, String> tenants) {
            String known = earlier.containsKey(unit.code()) ? earlier.get(unit.code()) : tenants.get(unit.code());
            if (known != null) {
                tenants.put(unit.code(), known);
                return known;
            }
            Unit parent = unit.parentCode() == null ? null : byCode.get(unit.parentCode());
            if (parent == null) {
                return null;
            }
            String tenant = parent.parentCode() == null ? unit.code() : tenantOf(parent, byCode, earlier, tenants);
            if (tenant != null) {
                tenants.put(unit.code(), tenant);
            }
            return tenant;
        }
    }

    UnitTree(List<TreeLevel> levels, Collection<Unit> units) {
        this.version = Version.of(levels, List.of(), units, Set.of(), Map.of());
    }

    /**
     * The tree that follows this one when the newer file is applied: every unit of the newer file as it says, and
     * every unit of this tree that the newer file lacks, retired where it was.
     */
    public UnitTree followedBy(UnitTree newer) {
        Version now = version;
        Version next = newer.version;
        Map<String, Unit> units = new LinkedHashMap<>(next.byCode());
        Set<String> retired = new LinkedHashSet<>(next.retired());
        for (Unit unit : now.byCode().values()) {
            if (units.putIfAbsent(unit.code(), unit) == null) {
                retired.add(unit.code());
            }
        }
        List<TreeLevel> former = new ArrayList<>(next.formerLevels());
        for (TreeLevel level : concat(now.levels(), now.formerLevels())) {
            if (next.levels().stream().noneMatch(known -> known.key().equals(level.key()))
                    && former.stream().noneMatch(known -> known.key().equals(level.key()))) {
                former.add(level);
            }
        }
        UnitTree following = new UnitTree(List.of(), List.of());
        following.version = Version.of(next.levels(), former, units.values(), retired, now.tenants());
        return following;
    }

    /**
     * This tree as a reorganisation leaves it: the given units (renamed, moved or new) in place of those of their
     * codes, and the given codes retired as well; the levels stay the files'.
     */
    public UnitTree amendedWith(Collection<Unit> units, Set<String> retired) {
        Version now = version;
        Map<String, Unit> all = new LinkedHashMap<>(now.byCode());
        units.forEach(unit -> all.put(unit.code(), unit));
        Set<String> allRetired = new LinkedHashSet<>(now.retired());
        allRetired.addAll(retired);
        UnitTree amended = new UnitTree(List.of(), List.of());
        amended.version = Version.of(now.levels(), now.formerLevels(), all.values(), allRetired, now.tenants());
        return amended;
    }

    /** Serves the given tree from now on; called when the organising board applies a tree file. */
    public void replaceWith(UnitTree newer) {
        this.version = newer.version;
    }

    /** The tree's levels, top down, as the newest file names them. */
    public List<TreeLevel> levels() {
        return version.levels();
    }

    /** A level of the newest file, or one an older file named for units now retired. */
    public Optional<TreeLevel> level(String key) {
        Version now = version;
        return concat(now.levels(), now.formerLevels()).stream().filter(level -> level.key().equals(key)).findFirst();
    }

    /** The units and roles the given groups hold, retired units included: their people keep what they did. */
    public List<Membership> membershipsOf(Collection<String> groupIds) {
        Map<String, List<Membership>> byGroup = version.byGroup();
        return groupIds.stream().flatMap(id -> byGroup.getOrDefault(id, List.of()).stream()).distinct().toList();
    }

    /** Every group of every unit and role, retired units' included, each once. */
    public Collection<UnitGroup> groups() {
        Map<String, UnitGroup> groups = new LinkedHashMap<>();
        for (Unit unit : version.byCode().values()) {
            for (UnitRole role : UnitRole.values()) {
                groups.putIfAbsent(role.groupOf(unit).id(), role.groupOf(unit));
            }
        }
        return groups.values();
    }

    /**
     * The group that holds a role of a unit as the tree is now, so a change of who holds a role reaches running
     * campaigns; a unit no longer in the tree keeps its own group.
     */
    public String groupId(String unitCode, UnitRole role) {
        return find(unitCode).map(role::groupOf).map(UnitGroup::id).orElse(role.defaultGroup(unitCode, unitCode).id());
    }

    /** Where the unit's documents are dated from: its own place, or the nearest one above it; empty if none is named. */
    public String placeOf(String code) {
        Map<String, Unit> byCode = version.byCode();
        for (Unit unit = byCode.get(code); unit != null; unit = unit.parentCode() == null ? null : byCode.get(unit.parentCode())) {
            if (unit.place() != null) {
                return unit.place();
            }
        }
        return "";
    }

    /** The unit of this code, active or retired. */
    public Optional<Unit> find(String code) {
        return Optional.ofNullable(version.byCode().get(code));
    }

    /**
     * The engine tenant of the unit's processes: the unit directly below the root it was first placed under (a
     * province of the national tree, a district of a province's), kept through later files and reorganisations so
     * that processes started before and after a move carry the same one. Empty for a root and for an unknown unit.
     * Tenants bound what each engine query reads to the part of the country the user works in.
     */
    public Optional<String> tenantOf(String code) {
        return Optional.ofNullable(version.tenants().get(code));
    }

    /**
     * The tenants each group's people work in: for every unit the group holds a role of, the tenant of the unit and
     * of every unit whose parent chain leads to it (retired units included, where they were). A root's groups thus
     * get every tenant of its tree.
     */
    public Map<String, Set<String>> tenantsOfGroups() {
        Version now = version;
        Map<String, Set<String>> within = new HashMap<>();
        now.tenants().forEach((code, tenant) -> {
            Set<String> seen = new HashSet<>();
            for (Unit unit = now.byCode().get(code); unit != null && seen.add(unit.code());
                 unit = unit.parentCode() == null ? null : now.byCode().get(unit.parentCode())) {
                within.computeIfAbsent(unit.code(), unused -> new TreeSet<>()).add(tenant);
            }
        });
        Map<String, Set<String>> byGroup = new LinkedHashMap<>();
        for (Unit unit : now.byCode().values()) {
            Set<String> tenants = within.getOrDefault(unit.code(), Set.of());
            for (UnitRole role : UnitRole.values()) {
                byGroup.computeIfAbsent(role.groupOf(unit).id(), id -> new TreeSet<>()).addAll(tenants);
            }
        }
        return byGroup;
    }

    /** Whether the newest tree file no longer has this unit. */
    public boolean isRetired(String code) {
        return version.retired().contains(code);
    }

    /** Every unit, retired ones included. */
    public Collection<Unit> units() {
        return version.byCode().values();
    }

    /** The active units directly under this one. */
    public List<Unit> childrenOf(String code) {
        return version.activeChildren().getOrDefault(code, List.of());
    }

    /** The active units at the top of the tree. */
    public List<Unit> roots() {
        Version now = version;
        return now.byCode().values().stream().filter(unit -> unit.isRoot() && !now.retired().contains(unit.code())).toList();
    }

    /** The unit and every active unit below it, parents before children. */
    public List<Unit> subtree(String code) {
        List<Unit> result = new ArrayList<>();
        find(code).ifPresent(result::add);
        for (int next = 0; next < result.size(); next++) {
            result.addAll(childrenOf(result.get(next).code()));
        }
        return result;
    }

    /** The number of active units. */
    public int size() {
        Version now = version;
        return now.byCode().size() - now.retired().size();
    }

    private static List<TreeLevel> concat(List<TreeLevel> first, List<TreeLevel> second) {
        List<TreeLevel> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
