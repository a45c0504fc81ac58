package vn.reviewcascade.reorganisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import vn.reviewcascade.reorganisation.Reorganisation.Change;
import vn.reviewcascade.reorganisation.Reorganisation.Part;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitTree;

/**
 * One version of the unit tree, built by replaying reorganisations on the tree file (version 0). Units are never
 * removed: an abolished or merged unit is kept, marked retired, so every code ever used still names its unit.
 * {@link #problems} checks a change against this version (the reader gives each problem its line); {@link #apply}
 * makes the next version.
 */
final class TreeState {

    /** A unit in one version; {@code retired} once abolished, merged away or split. */
    record VersionedUnit(String code, String name, String level, String parentCode, String symbol, boolean retired) {

        VersionedUnit withParent(String parent) {
            return new VersionedUnit(code, name, level, parent, symbol, retired);
        }

        VersionedUnit retire() {
            return new VersionedUnit(code, name, level, parentCode, symbol, true);
        }
    }

    /** A predecessor → successor link a change makes. */
    record Succession(String predecessor, String successor, Reorganisation.Kind kind) {
    }

    private final List<String> levels;
    private final Map<String, VersionedUnit> units = new LinkedHashMap<>();

    private TreeState(List<String> levels) {
        this.levels = List.copyOf(levels);
    }

    static TreeState of(UnitTree tree) {
        TreeState state = new TreeState(tree.levels().stream().map(level -> level.key()).toList());
        for (Unit unit : tree.units()) {
            state.units.put(unit.code(), new VersionedUnit(unit.code(), unit.name(), unit.level(), unit.parentCode(),
                    unit.symbol(), tree.isRetired(unit.code())));
        }
        return state;
    }

    /**
     * The tree this version is, for new campaigns: the units the base tree has, renamed or moved as here (groups of
     * their own renamed with them), the units the reorganisations made with groups of their own, retired ones retired.
     */
    UnitTree toTree(UnitTree base) {
        List<Unit> changed = new ArrayList<>();
        Set<String> retired = new LinkedHashSet<>();
        for (VersionedUnit unit : units.values()) {
            if (unit.retired()) {
                retired.add(unit.code());
            }
            Unit known = base.find(unit.code()).orElse(null);
            if (known == null) {
                changed.add(Unit.withOwnGroups(unit.code(), unit.name(), unit.level(), unit.parentCode(), unit.symbol()));
            } else if (!known.name().equals(unit.name()) || !Objects.equals(known.parentCode(), unit.parentCode())
                    || !Objects.equals(known.symbol(), unit.symbol())) {
                changed.add(known.reorganised(unit.name(), unit.parentCode(), unit.symbol()));
            }
        }
        return base.amendedWith(changed, retired);
    }

    TreeState copy() {
        TreeState copy = new TreeState(levels);
        copy.units.putAll(units);
        return copy;
    }

    List<String> levels() {
        return levels;
    }

    Optional<VersionedUnit> find(String code) {
        return Optional.ofNullable(units.get(code));
    }

    List<VersionedUnit> units() {
        return List.copyOf(units.values());
    }

    List<VersionedUnit> activeChildren(String code) {
        return units.values().stream().filter(unit -> !unit.retired() && code.equals(unit.parentCode())).toList();
    }

    /** What is wrong with the change in this version, in Vietnamese, without its line; empty if it can be applied. */
    List<String> problems(Change change) {
        List<String> problems = new ArrayList<>();
        switch (change.kind()) {
            case MERGE -> {
                if (change.units().size() < 2 && (change.units().size() < 1 || change.units().contains(change.target()))) {
                    problems.add("hợp nhất, sáp nhập cần ít nhất hai đơn vị, hoặc một đơn vị vào một đơn vị khác");
                }
                String level = null;
                for (String code : change.units()) {
                    active(code, problems);
                    VersionedUnit unit = units.get(code);
                    if (unit != null) {
                        if (level != null && !level.equals(unit.level())) {
                            problems.add("các đơn vị hợp nhất phải cùng một cấp: '%s' ở cấp %s, không phải %s"
                                    .formatted(code, unit.level(), level));
                        }
                        level = unit.level();
                    }
                }
                VersionedUnit target = units.get(change.target());
                if (target != null) {
                    if (target.retired()) {
                        problems.add("đơn vị kế thừa '%s' đã giải thể hoặc sáp nhập trước đó".formatted(change.target()));
                    } else if (level != null && !level.equals(target.level())) {
                        problems.add("đơn vị kế thừa '%s' ở cấp %s, khác cấp %s của các đơn vị hợp nhất"
                                .formatted(change.target(), target.level(), level));
                    }
                    if (change.name() != null || change.parent() != null) {
                        problems.add("đơn vị kế thừa '%s' đã có: không ghi tên (name) hay cấp trên (parent) cho nó"
                                .formatted(change.target()));
                    }
                } else {
                    if (change.name() == null) {
                        problems.add("đơn vị kế thừa '%s' là đơn vị mới: cần tên (name)".formatted(change.target()));
                    }
                    if (change.parent() != null) {
                        parentFor(change.parent(), level, problems);
                    }
                }
            }
            case SPLIT -> {
                active(change.unit(), problems);
                if (change.parts().size() < 2) {
                    problems.add("chia tách cần ít nhất hai đơn vị mới (parts)");
                }
                for (Part part : change.parts()) {
                    if (units.containsKey(part.code())) {
                        problems.add("mã '%s' đã có trong cây đơn vị".formatted(part.code()));
                    }
                }
            }
            case MOVE -> {
                active(change.unit(), problems);
                VersionedUnit unit = units.get(change.unit());
                if (unit != null && parentFor(change.parent(), unit.level(), problems)) {
                    for (VersionedUnit up = units.get(change.parent()); up != null; up = up.parentCode() == null ? null
                            : units.get(up.parentCode())) {
                        if (up.code().equals(unit.code())) {
                            problems.add("không thể chuyển '%s' vào đơn vị cấp dưới của chính nó ('%s')"
                                    .formatted(unit.code(), change.parent()));
                            break;
                        }
                    }
                    if (change.parent().equals(unit.parentCode())) {
                        problems.add("'%s' đã ở dưới '%s'".formatted(unit.code(), change.parent()));
                    }
                }
            }
            case RENAME -> active(change.unit(), problems);
            case ABOLISH_LEVEL -> {
                int index = levels.indexOf(change.level());
                if (index < 0) {
                    problems.add("cấp '%s' không có trong cây đơn vị; các cấp: %s".formatted(change.level(),
                            String.join(", ", levels)));
                } else if (index == 0) {
                    problems.add("không thể kết thúc hoạt động cấp cao nhất '%s'".formatted(change.level()));
                }
                for (String code : change.except()) {
                    VersionedUnit unit = units.get(code);
                    if (unit == null || unit.retired() || !unit.level().equals(change.level())) {
                        problems.add("đơn vị giữ lại '%s' không phải đơn vị đang hoạt động ở cấp %s".formatted(code,
                                change.level()));
                    }
                }
            }
            case NEW_UNIT -> {
                if (units.containsKey(change.unit())) {
                    problems.add("mã '%s' đã có trong cây đơn vị".formatted(change.unit()));
                }
                if (!levels.contains(change.level())) {
                    problems.add("cấp '%s' không có trong cây đơn vị; các cấp: %s".formatted(change.level(),
                            String.join(", ", levels)));
                } else {
                    parentFor(change.parent(), change.level(), problems);
                }
            }
        }
        return problems;
    }

    /** Makes the next version; the change must have no {@link #problems}. */
    List<Succession> apply(Change change) {
        List<Succession> successions = new ArrayList<>();
        switch (change.kind()) {
            case MERGE -> {
                VersionedUnit first = units.get(change.units().get(0));
                if (!units.containsKey(change.target())) {
                    units.put(change.target(), new VersionedUnit(change.target(), change.name(), first.level(),
                            change.parent() != null ? change.parent() : first.parentCode(),
                            change.symbol() != null ? change.symbol() : first.symbol(), false));
                }
                for (String code : change.units()) {
                    if (code.equals(change.target())) {
                        continue;
                    }
                    activeChildren(code).forEach(child -> units.put(child.code(), child.withParent(change.target())));
                    units.put(code, units.get(code).retire());
                    successions.add(new Succession(code, change.target(), change.kind()));
                }
            }
            case SPLIT -> {
                VersionedUnit split = units.get(change.unit());
                for (Part part : change.parts()) {
                    units.put(part.code(), new VersionedUnit(part.code(), part.name(), split.level(), split.parentCode(),
                            split.symbol(), false));
                    successions.add(new Succession(split.code(), part.code(), change.kind()));
                }
                // Its own units go to the first part: the decision names any other arrangement as moves.
                String first = change.parts().get(0).code();
                activeChildren(split.code()).forEach(child -> units.put(child.code(), child.withParent(first)));
                units.put(split.code(), split.retire());
            }
            case MOVE -> units.put(change.unit(), units.get(change.unit()).withParent(change.parent()));
            case RENAME -> {
                VersionedUnit unit = units.get(change.unit());
                units.put(unit.code(), new VersionedUnit(unit.code(), change.name(), unit.level(), unit.parentCode(),
                        change.symbol() != null ? change.symbol() : unit.symbol(), false));
            }
            case ABOLISH_LEVEL -> {
                for (VersionedUnit unit : List.copyOf(units.values())) {
                    if (unit.retired() || !unit.level().equals(change.level()) || change.except().contains(unit.code())) {
                        continue;
                    }
                    activeChildren(unit.code()).forEach(child -> units.put(child.code(), child.withParent(unit.parentCode())));
                    units.put(unit.code(), units.get(unit.code()).retire());
                }
            }
            case NEW_UNIT -> units.put(change.unit(), new VersionedUnit(change.unit(), change.name(), change.level(),
                    change.parent(), change.symbol(), false));
        }
        return successions;
    }

    private void active(String code, List<String> problems) {
        VersionedUnit unit = units.get(code);
        if (unit == null) {
            problems.add("không có đơn vị '%s' trong cây đơn vị".formatted(code));
        } else if (unit.retired()) {
            problems.add("đơn vị '%s' đã giải thể hoặc sáp nhập trước đó".formatted(code));
        }
    }

    /** Whether the unit may be the parent of a unit of the level: active, and of a level above it. */
    private boolean parentFor(String parent, String level, List<String> problems) {
        VersionedUnit unit = units.get(parent);
        if (unit == null || unit.retired()) {
            problems.add("đơn vị cấp trên '%s' không có hoặc không còn hoạt động".formatted(parent));
            return false;
        }
        if (level != null && levels.indexOf(unit.level()) >= levels.indexOf(level)) {
            problems.add("đơn vị cấp trên '%s' (cấp %s) phải ở cấp cao hơn cấp %s".formatted(parent, unit.level(), level));
            return false;
        }
        return true;
    }
}
