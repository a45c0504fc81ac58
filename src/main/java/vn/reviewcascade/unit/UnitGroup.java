package vn.reviewcascade.unit;

/** A Camunda group that holds one role of one unit (or a board shared by a unit). */
public record UnitGroup(String id, String name) {
}
