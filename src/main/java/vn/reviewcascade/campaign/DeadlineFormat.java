package vn.reviewcascade.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import vn.reviewcascade.Vietnam;

/**
 * Reads and writes deadlines. A date means the end of that day in Vietnam; a date-time with an offset is taken
 * as it is (tests and short demo campaigns need deadlines minutes apart).
 */
public final class DeadlineFormat {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(Vietnam.ZONE);

    private DeadlineFormat() {
    }

    static Instant endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(Vietnam.ZONE).toInstant();
    }

    /**
     * A deadline of a campaign of the given year. It must fall within that year or the next, in Vietnam's time: a
     * review may end early in the year after, and a date beyond (a typo, or {@code +999999999-12-31}) would set
     * timers no database column or engine clock can hold.
     *
     * @throws IllegalArgumentException with a Vietnamese message when the text is neither form or out of range
     */
    static Instant parse(String text, int year) {
        String trimmed = text == null ? "" : text.trim();
        Instant due;
        try {
            due = trimmed.length() == 10 ? endOfDay(LocalDate.parse(trimmed)) : OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" không phải ngày (yyyy-MM-dd) hoặc thời điểm có múi giờ (yyyy-MM-ddTHH:mm:ss+07:00)");
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Vietnam.ZONE).toInstant();
        Instant until = LocalDate.of(year + 2, 1, 1).atStartOfDay(Vietnam.ZONE).toInstant();
        if (due.isBefore(from) || !due.isBefore(until)) {
            throw new IllegalArgumentException("\"%s\" nằm ngoài khoảng cho phép: hạn phải trong năm %d hoặc %d (năm của đợt và năm sau, giờ Việt Nam)"
                    .formatted(text, year, year + 1));
        }
        return due;
    }

    /** "23:59 ngày 30/09/2019", in Vietnam's time. */
    public static String label(Instant instant) {
        return LABEL.format(instant);
    }
}
