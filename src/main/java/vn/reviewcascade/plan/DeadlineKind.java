package vn.reviewcascade.plan;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The deadlines a level of a plan can have, as plan files and campaign requests name them. */
public enum DeadlineKind {
    /** Its units issue their guidance to the units below. */
    GUIDANCE("guidance", "hạn ban hành hướng dẫn"),
    /** Its units stop waiting for the reports of the units below and consolidate what they have. */
    SUBORDINATES("subordinates", "hạn nhận báo cáo của cấp dưới"),
    /** Its units' own reports are signed and sent. */
    REPORT("report", "hạn báo cáo");

    private final String key;
    private final String label;

    DeadlineKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name in plan files and requests: guidance, subordinates, report. */
    @JsonValue
    public String key() {
        return key;
    }

    /** "hạn báo cáo", for messages. */
    public String label() {
        return label;
    }

    public static Optional<DeadlineKind> byKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }
}
