package vn.reviewcascade.unit;

/** The tree served changed to a newer file: what is made from the tree (groups, filters, names) follows it. */
public record UnitTreeReplaced(long version) {
}
