package vn.reviewcascade.notification;

import java.time.Duration;

/** Durations as people say them in Vietnamese: "3 ngày", "5 giờ 20 phút". */
final class TimeWords {

    private TimeWords() {
    }

    /** Rounded to the nearest minute, so a reminder sent a few seconds late still says "1 phút", not "0 phút". */
    static String of(Duration duration) {
        long minutes = Math.max(0, (duration.getSeconds() + 30) / 60);
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        if (days > 0) {
            return hours > 0 ? days + " ngày " + hours + " giờ" : days + " ngày";
        }
        if (hours > 0) {
            return rest > 0 ? hours + " giờ " + rest + " phút" : hours + " giờ";
        }
        return rest + " phút";
    }
}
