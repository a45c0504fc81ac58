package vn.reviewcascade.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a newer tree file changes in the tree served, unit by unit (matched by code, a unit's identity): units added,
 * units the file no longer has (they will be retired), renamed, moved to another parent or level, and units whose
 * roles are held by other groups. Each list gives its count and its first {@value #SHOWN} entries, so a national
 * file's preview stays small.
 */
public record TreeChanges(List<TreeLevel> levelsBefore, List<TreeLevel> levelsAfter, int unitsBefore, int unitsAfter,
                          Listing added, Listing retired, Listing renamed, Listing moved, Listing regrouped) {

    static final int SHOWN = 200;

    /** One unit's change: what it was and what it becomes, in words ("Thành ủy Đông Hà", "cấp DISTRICT"). */
    public record Entry(String code, String name, String before, String after) {
    }

    public record Listing(int count, List<Entry> first) {

        static Listing of(List<Entry> entries) {
            return new Listing(entries.size(), List.copyOf(entries.subList(0, Math.min(SHOWN, entries.size()))));
        }
    }

    /** Whether applying the file would change nothing a user sees. */
    public boolean unchanged() {
        return levelsBefore.equals(levelsAfter) && Stream.of(added, retired, renamed, moved, regrouped)
                .allMatch(listing -> listing.count() == 0);
    }

    static TreeChanges between(UnitTree served, UnitTree newer) {
        List<Entry> added = new ArrayList<>();
        List<Entry> retired = new ArrayList<>();
        List<Entry> renamed = new ArrayList<>();
        List<Entry> moved = new ArrayList<>();
        List<Entry> regrouped = new ArrayList<>();
        List<Unit> before = served.units().stream().filter(unit -> !served.isRetired(unit.code())).toList();
        for (Unit unit : newer.units()) {
            Unit old = served.isRetired(unit.code()) ? null : served.find(unit.code()).orElse(null);
            if (old == null) {
                added.add(new Entry(unit.code(), unit.name(), null, place(newer, unit)));
                continue;
            }
            if (!old.name().equals(unit.name())) {
                renamed.add(new Entry(unit.code(), unit.name(), old.name(), unit.name()));
            }
            if (!Objects.equals(old.parentCode(), unit.parentCode()) || !old.level().equals(unit.level())) {
                moved.add(new Entry(unit.code(), unit.name(), place(served, old), place(newer, unit)));
            }
            if (!groupIds(old).equals(groupIds(unit))) {
                regrouped.add(new Entry(unit.code(), unit.name(), groupNames(old), groupNames(unit)));
            }
        }
        for (Unit unit : before) {
            if (newer.find(unit.code()).isEmpty()) {
                retired.add(new Entry(unit.code(), unit.name(), place(served, unit), null));
            }
        }
        return new TreeChanges(served.levels(), newer.levels(), before.size(), newer.size(), Listing.of(added),
                Listing.of(retired), Listing.of(renamed), Listing.of(moved), Listing.of(regrouped));
    }

    /** "Thành ủy Đông Hà (cấp Huyện ủy, …)": the parent's name and the level, or only the level for a root. */
    private static String place(UnitTree tree, Unit unit) {
        String level = tree.level(unit.level()).map(TreeLevel::name).orElse(unit.level());
        return unit.parentCode() == null ? "cấp cao nhất: " + level
                : "thuộc " + tree.find(unit.parentCode()).map(Unit::name).orElse(unit.parentCode()) + " (" + level + ")";
    }

    private static List<String> groupIds(Unit unit) {
        return roles(unit).map(UnitGroup::id).toList();
    }

    private static String groupNames(Unit unit) {
        return String.join("; ", roles(unit).map(UnitGroup::name).distinct().toList());
    }

    private static Stream<UnitGroup> roles(Unit unit) {
        return Stream.of(unit.drafters(), unit.reviewers(), unit.signers(), unit.guidanceDrafters());
    }
}
