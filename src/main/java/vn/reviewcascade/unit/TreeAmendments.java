package vn.reviewcascade.unit;

/**
 * What changed the tree besides its files: the reorganisations the organising board applied, which the
 * reorganisation capability keeps. The tree served is the files' tree with these replayed on it, each after the file
 * it followed, so a campaign started after a reorganisation takes the units it made.
 */
public interface TreeAmendments {

    /** The newest amendment's id, 0 when there is none: every node asks every minute, so one cheap read. */
    long newest();

    /** The tree with the amendments whose ids are above {@code after} and at most {@code upTo} replayed on it, in order. */
    UnitTree applyTo(UnitTree tree, long after, long upTo);
}
