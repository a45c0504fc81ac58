package vn.reviewcascade.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.unit.Level;

/**
 * The deadlines of one campaign.
 *
 * @param guidance   every unit with subordinates issues its guidance by then
 * @param base       base units finish their report
 * @param district   district-level units finish theirs
 * @param submission every report directly under the province reaches it (through Ban Dân vận)
 * @param province   the provincial report is signed
 */
public record Deadlines(Instant guidance, Instant base, Instant district, Instant submission, Instant province) {

    public static final List<String> NAMES = List.of("guidance", "base", "district", "submission", "province");
    private static final Map<String, String> LABELS = Map.of(
            "guidance", "hạn ban hành hướng dẫn", "base", "hạn của cấp cơ sở", "district", "hạn của cấp huyện",
            "submission", "hạn gửi báo cáo về tỉnh (qua Ban Dân vận)", "province", "hạn hoàn thành sơ kết cấp tỉnh");

    /** "Hạn của cấp cơ sở": how messages name a deadline, capitalised. */
    public static String label(String name) {
        return capitalise(LABELS.get(name));
    }

    /** When a unit of this level must have its report signed and submitted. */
    public Instant reportDue(Level level) {
        return switch (level) {
            case PROVINCE -> province;
            case DISTRICT -> district;
            case BASE -> base;
        };
    }

    /** How long a unit of this level waits for its subordinates before it consolidates what it has. */
    public Instant subordinatesDue(Level level) {
        return switch (level) {
            case PROVINCE -> submission;
            case DISTRICT -> base;
            case BASE -> null;
        };
    }

    public Map<String, Instant> byName() {
        Map<String, Instant> named = new LinkedHashMap<>();
        named.put("guidance", guidance);
        named.put("base", base);
        named.put("district", district);
        named.put("submission", submission);
        named.put("province", province);
        return named;
    }

    /** The cascade runs bottom-up, so each deadline must come no earlier than the one before it. */
    public List<FieldError> contradictions() {
        List<FieldError> errors = new ArrayList<>();
        List<Map.Entry<String, Instant>> ordered = new ArrayList<>(byName().entrySet());
        for (int i = 1; i < ordered.size(); i++) {
            Map.Entry<String, Instant> earlier = ordered.get(i - 1);
            Map.Entry<String, Instant> later = ordered.get(i);
            if (later.getValue().isBefore(earlier.getValue())) {
                errors.add(new FieldError("deadlines." + later.getKey(), "%s (%s) không được sớm hơn %s (%s)".formatted(
                        capitalise(LABELS.get(later.getKey())), DeadlineFormat.label(later.getValue()),
                        LABELS.get(earlier.getKey()), DeadlineFormat.label(earlier.getValue()))));
            }
        }
        return errors;
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
