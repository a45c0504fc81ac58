package vn.reviewcascade;

import java.time.ZoneId;

/** Vietnam's time: deadlines, mails and pages speak of days and hours there, whatever the server's own zone. */
public final class Vietnam {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Vietnam() {
    }
}
