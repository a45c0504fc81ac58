package vn.reviewcascade.unit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable, validated tree of units; build it with {@link UnitTreeCsvReader}. */
public final class UnitTree {

    private final List<TreeLevel> levels;
    private final Map<String, Unit> byCode;
    private final Map<String, List<Unit>> children;
    private final Map<String, List<Membership>> byGroup;

    /** A group's place in the tree: it holds this role for this unit. */
    public record Membership(String unitCode, UnitRole role) {
    }

    UnitTree(List<TreeLevel> levels, Collection<Unit> units) {
        this.levels = List.copyOf(levels);
        this.byCode = new LinkedHashMap<>();
        this.children = new LinkedHashMap<>();
        for (Unit unit : units) {
            byCode.put(unit.code(), unit);
        }
        this.byGroup = new LinkedHashMap<>();
        for (Unit unit : units) {
            if (unit.parentCode() != null) {
                children.computeIfAbsent(unit.parentCode(), code -> new ArrayList<>()).add(unit);
            }
            for (UnitRole role : UnitRole.values()) {
                byGroup.computeIfAbsent(role.groupOf(unit).id(), id -> new ArrayList<>()).add(new Membership(unit.code(), role));
            }
        }
    }

    /** The tree's levels, top down. */
    public List<TreeLevel> levels() {
        return levels;
    }

    public Optional<TreeLevel> level(String key) {
        return levels.stream().filter(level -> level.key().equals(key)).findFirst();
    }

    /** The units and roles the given groups hold. */
    public List<Membership> membershipsOf(Collection<String> groupIds) {
        return groupIds.stream().flatMap(id -> byGroup.getOrDefault(id, List.of()).stream()).distinct().toList();
    }

    /** Every group of every unit and role, each once. */
    public Collection<UnitGroup> groups() {
        Map<String, UnitGroup> groups = new LinkedHashMap<>();
        for (Unit unit : byCode.values()) {
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
        for (Unit unit = byCode.get(code); unit != null; unit = unit.parentCode() == null ? null : byCode.get(unit.parentCode())) {
            if (unit.place() != null) {
                return unit.place();
            }
        }
        return "";
    }

    public Optional<Unit> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Unit> units() {
        return byCode.values();
    }

    public List<Unit> childrenOf(String code) {
        return children.getOrDefault(code, List.of());
    }

    public List<Unit> roots() {
        return byCode.values().stream().filter(Unit::isRoot).toList();
    }

    /** The unit and everything below it, parents before children. */
    public List<Unit> subtree(String code) {
        List<Unit> result = new ArrayList<>();
        find(code).ifPresent(result::add);
        for (int next = 0; next < result.size(); next++) {
            result.addAll(childrenOf(result.get(next).code()));
        }
        return result;
    }

    public int size() {
        return byCode.size();
    }
}
