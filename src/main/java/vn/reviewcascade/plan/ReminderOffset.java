package vn.reviewcascade.plan;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import vn.reviewcascade.Limits;

/**
 * How long before a deadline the holders of an open task are reminded, as a plan file and a request to start a
 * campaign write it (ISO-8601: {@code P7D}, {@code PT12H}), at most {@link Limits#MAX_REMINDER}.
 */
public final class ReminderOffset {

    private ReminderOffset() {
    }

    /** @throws Invalid with a Vietnamese message naming the value and the limits */
    public static Duration parse(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            duration = Duration.ZERO;
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new Invalid(text, "không phải khoảng thời gian dương dạng ISO-8601 (ví dụ P7D là 7 ngày, PT12H là 12 giờ)");
        }
        long days = Limits.MAX_REMINDER.toDays();
        if (duration.compareTo(Limits.MAX_REMINDER) > 0) {
            throw new Invalid(text, "quá dài: nhắc hạn sớm nhất là %d ngày trước hạn (tối đa %d ngày, P%dD)".formatted(days, days, days));
        }
        return duration;
    }

    /**
     * As people and plan files write it: whole days as {@code P7D} (Java writes {@code PT168H}), anything finer as
     * ISO-8601 with hours and minutes.
     */
    public static String text(Duration offset) {
        return offset.toSeconds() % Duration.ofDays(1).toSeconds() == 0 ? "P" + offset.toDays() + "D" : offset.toString();
    }

    /** A text that is no reminder offset: the message names it; {@link #reason} says why without naming it. */
    public static final class Invalid extends IllegalArgumentException {

        private final String reason;

        Invalid(String text, String reason) {
            super("'" + text + "' " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
