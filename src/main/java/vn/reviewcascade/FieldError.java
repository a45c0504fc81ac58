package vn.reviewcascade;

/** One wrong field of a report, form or request, with a message for the user in Vietnamese. */
public record FieldError(String field, String message) {
}
