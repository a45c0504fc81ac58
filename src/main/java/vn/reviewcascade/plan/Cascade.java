package vn.reviewcascade.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules of the cascade, in one place for the plan reader, a campaign's deadlines and the start of a campaign.
 * Levels run top down; reports come up bottom-up. A level issues guidance only if it has a level below; it waits
 * for the level below only if it has one; every level reports. Within a level guidance comes first, then the wait
 * for the level below, then the report; a level's report reaches the level above while that one still waits for it,
 * and guidance goes down before the level below issues its own or reports. A plan's levels are a run of the unit
 * tree's levels, each directly below the one before.
 */
public final class Cascade {

    private Cascade() {
    }

    /** One deadline of one level of a run of levels: the level's position, top down, and the kind. */
    public record Due(int level, DeadlineKind kind) {
    }

    /**
     * Two deadlines in the wrong order.
     *
     * @param later   the deadline that falls before the one it must follow; refusals name this one
     * @param message in Vietnamese, naming both deadlines and their days
     */
    public record Contradiction(Due earlier, Due later, String message) {
    }

    /**
     * A level of a plan that the unit tree does not have where the plan puts it.
     *
     * @param level the level's position in the plan, top down
     */
    public record Misfit(int level, String message) {
    }

    /** Whether a level may issue guidance: only a level with a level below has units to guide. */
    public static boolean mayIssueGuidance(boolean bottom) {
        return !bottom;
    }

    /** Whether a level with these traits has a deadline of this kind. */
    public static boolean has(DeadlineKind kind, boolean issuesGuidance, boolean bottom) {
        return switch (kind) {
            case GUIDANCE -> issuesGuidance;
            case SUBORDINATES -> !bottom;
            case REPORT -> true;
        };
    }

    /**
     * Every pair of deadlines out of the cascade's order.
     *
     * @param names  the levels' names ("cấp huyện"), top down
     * @param dues   each level's deadlines, top down; a kind the level has not is absent
     * @param label  how a day is written in messages ("30/09", "23:59 ngày 30/09/2019")
     */
    public static <T extends Comparable<? super T>> List<Contradiction> contradictions(List<String> names,
            List<Map<DeadlineKind, T>> dues, Function<T, String> label) {
        List<Contradiction> found = new ArrayList<>();
        Order<T> order = new Order<>(names, dues, label, found);
        for (int level = 0; level < dues.size(); level++) {
            order.check(level, DeadlineKind.GUIDANCE, level, DeadlineKind.SUBORDINATES);
            order.check(level, DeadlineKind.SUBORDINATES, level, DeadlineKind.REPORT);
            order.check(level, DeadlineKind.GUIDANCE, level, DeadlineKind.REPORT);
        }
        for (int lower = 1; lower < dues.size(); lower++) {
            int upper = lower - 1;
            order.check(lower, DeadlineKind.REPORT, upper, DeadlineKind.SUBORDINATES);
            order.check(upper, DeadlineKind.GUIDANCE, lower, DeadlineKind.GUIDANCE);
            order.check(upper, DeadlineKind.GUIDANCE, lower, DeadlineKind.REPORT);
        }
        return found;
    }

    /** "hạn báo cáo của cấp huyện". */
    public static String label(DeadlineKind kind, String levelName) {
        return kind.label() + " của " + levelName;
    }

    /** A label as the start of a sentence. */
    public static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The levels of a plan, top down, that do not stand in the tree's levels where the plan puts them. */
    public static List<Misfit> misfits(List<String> planLevels, List<String> treeLevels) {
        String known = String.join(", ", treeLevels);
        List<Misfit> misfits = new ArrayList<>();
        for (int i = 0; i < planLevels.size(); i++) {
            String key = planLevels.get(i);
            String above = i == 0 ? null : planLevels.get(i - 1);
            if (key == null) {
                continue;
            }
            if (!treeLevels.contains(key)) {
                misfits.add(new Misfit(i, "cấp '%s' không có trong cây đơn vị của hệ thống (có: %s)".formatted(key, known)));
            } else if (above != null && treeLevels.contains(above) && treeLevels.indexOf(key) != treeLevels.indexOf(above) + 1) {
                misfits.add(new Misfit(i, ("cấp '%s' không nằm ngay dưới cấp '%s' trong cây đơn vị "
                        + "(thứ tự các cấp của cây: %s)").formatted(key, above, known)));
            }
        }
        return misfits;
    }

    private record Order<T extends Comparable<? super T>>(List<String> names, List<Map<DeadlineKind, T>> dues,
                                                          Function<T, String> label, List<Contradiction> found) {

        void check(int earlierLevel, DeadlineKind earlierKind, int laterLevel, DeadlineKind laterKind) {
            T earlier = dues.get(earlierLevel).get(earlierKind);
            T later = dues.get(laterLevel).get(laterKind);
            if (earlier != null && later != null && later.compareTo(earlier) < 0) {
                String laterLabel = Cascade.label(laterKind, names.get(laterLevel));
                found.add(new Contradiction(new Due(earlierLevel, earlierKind), new Due(laterLevel, laterKind),
                        "%s (%s) không được sớm hơn %s (%s)".formatted(capitalised(laterLabel), label.apply(later),
                                Cascade.label(earlierKind, names.get(earlierLevel)), label.apply(earlier))));
            }
        }
    }
}
