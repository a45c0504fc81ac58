package vn.reviewcascade.security;

import java.util.List;
import java.util.Map;

/**
 * The units below each unit as the tree is now: the tree file with the reorganisations applied since (kept by the
 * {@code reorganisation} capability). The Tasklist filters of the units below follow it ({@link TasklistFilters}).
 */
public interface UnitsBelow {

    /** Each unit that has units below it now, by code. */
    Map<String, Parent> now();

    /** A unit with units below it: its name now and their codes. */
    record Parent(String name, List<String> children) {

        public Parent {
            children = List.copyOf(children);
        }
    }
}
