package vn.reviewcascade.plan;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long before a deadline the holders of an open task are reminded, as a plan file and a request to start a
 * campaign write it (ISO-8601: {@code P7D}, {@code PT12H}). Bounded by a year: a campaign's deadlines lie within
 * its year and the next, so an earlier reminder would fall before the campaign starts, and an unbounded one
 * ({@code P99999999999D}) would place the reminder's timer out of any date the database can hold.
 */
public final class ReminderOffset {

    public static final Duration MAX = Duration.ofDays(365);

    private ReminderOffset() {
    }

    /** @throws IllegalArgumentException with a Vietnamese message naming the value and the limits */
    public static Duration parse(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            duration = Duration.ZERO;
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' không phải khoảng thời gian dương dạng ISO-8601 (ví dụ P7D là"
                    + " 7 ngày, PT12H là 12 giờ)");
        }
        if (duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' quá dài: nhắc hạn sớm nhất là " + MAX.toDays()
                    + " ngày trước hạn (tối đa " + MAX.toDays() + " ngày, P" + MAX.toDays() + "D)");
        }
        return duration;
    }
}
