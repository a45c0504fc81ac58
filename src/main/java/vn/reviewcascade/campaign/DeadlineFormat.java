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


    private DeadlineFormat() {
    }
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(Vietnam.ZONE);

    static Instant endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(Vietnam.ZONE).toInstant();
    }

    /** @throws IllegalArgumentException with a Vietnamese message when the text is neither form */
    static Instant parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        try {
            return trimmed.length() == 10 ? endOfDay(LocalDate.parse(trimmed)) : OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" không phải ngày (yyyy-MM-dd) hoặc thời điểm có múi giờ (yyyy-MM-ddTHH:mm:ss+07:00)");
        }
    }

    /** "23:59 ngày 30/09/2019", in Vietnam's time. */
    public static String label(Instant instant) {
        return LABEL.format(instant);
    }
}
