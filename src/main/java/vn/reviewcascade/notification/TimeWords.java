package vn.reviewcascade.notification;

import java.time.Duration;

/** Durations as people say them in Vietnamese: "3 ngày", "5 giờ 20 phút". */
public final class TimeWords {

    private TimeWords() {
    }

    /** Rounded to the nearest minute, so a reminder sent a few seconds late still says "1 phút", not "0 phút". */
    public static String of(Duration duration) {
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
        return rest > 0 ? rest + " phút" : "dưới 1 phút";
    }

    /**
     * When a Spring cron schedule sends, as people say it: "mỗi ngày lúc 07:00", "mỗi 5 phút", "mỗi 2 giờ"; any other
     * schedule is named as written.
     */
    static String schedule(String cron) {
        String[] fields = cron.trim().split("\\s+");
        if (fields.length == 6 && fields[0].equals("0") && fields[3].equals("*") && fields[4].equals("*") && fields[5].equals("*")) {
            if (fields[1].matches("\\d{1,2}") && fields[2].matches("\\d{1,2}")) {
                return "mỗi ngày lúc %02d:%02d".formatted(Integer.parseInt(fields[2]), Integer.parseInt(fields[1]));
            }
            if (fields[1].matches("\\*/\\d+") && fields[2].equals("*")) {
                return "mỗi " + fields[1].substring(2) + " phút";
            }
            if (fields[1].equals("0") && fields[2].matches("\\*/\\d+")) {
                return "mỗi " + fields[2].substring(2) + " giờ";
            }
        }
        return "theo lịch đã đặt (" + cron.trim() + ")";
    }
}
