package vn.reviewcascade.report;

import java.math.BigInteger;

import com.fasterxml.jackson.annotation.JsonCreator;

import vn.reviewcascade.InvalidInputException;

/**
 * The version of a report's or a guidance's content that a change was written on: how many times it had been saved
 * when the writer read it. One rule for every body that carries it, a save or a task's completion: a whole
 * number, 0 or more, written as a number. {@code "3"} is a text and refused, as JSON bodies refuse a text for any
 * number: a client that sends one has its fields mixed up.
 */
public record ContentVersion(int number) {

    /** From a JSON body, {@code {"version": 3}}: Jackson hands over the value as JSON typed it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ContentVersion fromJson(Object value) {
        return of(value, "version");
    }

    /**
     * @param field how the refusal names the field
     * @return null for null: no version given, so nothing is compared
     * @throws InvalidInputException for anything but a whole number from 0 to {@link Integer#MAX_VALUE}
     */
    public static ContentVersion of(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            BigInteger number = new BigInteger(value.toString());
            if (number.signum() >= 0 && number.bitLength() < Integer.SIZE) {
                return new ContentVersion(number.intValue());
            }
        }
        String given = value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
        throw new InvalidInputException(field, "Số lần lưu (" + field + ") phải là số nguyên không âm, không phải "
                + (given.length() > 40 ? given.substring(0, 40) + "…" : given));
    }

    /** The number, or null for no version: what the services compare with the stored one. */
    public static Integer number(ContentVersion version) {
        return version == null ? null : version.number();
    }
}
