package vn.reviewcascade.unit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable, validated tree of units; build it with {@link UnitTreeCsvReader}. */
public final class UnitTree {

    private final Map<String, Unit> byCode;
    private final Map<String, List<Unit>> children;

    UnitTree(Collection<Unit> units) {
        this.byCode = new LinkedHashMap<>();
        this.children = new LinkedHashMap<>();
        for (Unit unit : units) {
            byCode.put(unit.code(), unit);
        }
        for (Unit unit : units) {
            if (unit.parentCode() != null) {
                children.computeIfAbsent(unit.parentCode(), code -> new ArrayList<>()).add(unit);
            }
        }
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
