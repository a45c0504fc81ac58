package vn.reviewcascade.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.Limits;
import vn.reviewcascade.PlainText;
import vn.reviewcascade.plan.Plan;

/**
 * The one validation of report input, shared by the REST API and by task completion, so a figure refused
 * in one place is refused in the other with the same words. Sections and figures are those of the report's plan,
 * named by their keys ({@code section2}, {@code partyMembers}) wherever they come from.
 */
public final class ReportValidator {

    private ReportValidator() {
    }

    /**
     * Parses raw values (as a JSON body typed them) into changes. Keys that are neither a section nor
     * an indicator of the plan are refused, so a misspelt figure is never silently dropped.
     */
    public static ReportChanges parse(Plan plan, Map<String, ?> sections, Map<String, ?> figures) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> parsedSections = new LinkedHashMap<>();
        sections.forEach((key, value) -> {
            Optional<Plan.Section> section = plan.section(key);
            if (section.isEmpty()) {
                errors.add(new FieldError(key, "Không có mục '" + key + "' trong đề cương báo cáo (chỉ có: "
                        + String.join(", ", plan.sections().stream().map(Plan.Section::key).toList()) + ")"));
                return;
            }
            String name = "Mục " + section.get().number();
            if (value != null && !(value instanceof String)) {
                errors.add(new FieldError(key, name + " phải là văn bản"));
                return;
            }
            String text = PlainText.normalize((String) value);
            Optional<String> problem = text == null ? Optional.empty() : PlainText.problem(text);
            if (text != null && text.length() > Limits.MAX_WRITTEN_TEXT) {
                errors.add(new FieldError(key, "%s dài %,d ký tự, quá giới hạn %,d ký tự".formatted(name, text.length(),
                        Limits.MAX_WRITTEN_TEXT)));
            } else if (problem.isPresent()) {
                errors.add(new FieldError(key, name + " " + problem.get()));
            } else {
                parsedSections.put(key, text);
            }
        });
        Map<String, Long> parsedFigures = new LinkedHashMap<>();
        figures.forEach((key, value) -> {
            Optional<Plan.Indicator> indicator = plan.indicator(key);
            if (indicator.isEmpty()) {
                errors.add(new FieldError(key, "Không có chỉ tiêu '" + key + "' trong phụ lục số liệu"));
                return;
            }
            Plan.Indicator figure = indicator.get();
            try {
                Long number = wholeNumber(value);
                if (number != null && (number < figure.min() || number > figure.max())) {
                    throw new IllegalArgumentException("phải từ %,d đến %,d (%,d)".formatted(figure.min(),
                            Math.min(figure.max(), Limits.MAX_FIGURE), number));
                }
                parsedFigures.put(key, number);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(key, "\"" + figure.label() + "\" " + e.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ReportChanges(parsedSections, parsedFigures);
    }

    /** A part never above its whole: new Party members within Party members, and so on. */
    public static List<FieldError> checkConsistency(Plan plan, ReportContent content) {
        List<FieldError> errors = new ArrayList<>();
        for (Plan.Indicator indicator : plan.indicators()) {
            Long value = content.figures().get(indicator.key());
            Optional<Plan.Indicator> whole = indicator.partOf() == null ? Optional.empty() : plan.indicator(indicator.partOf());
            Long wholeValue = whole.map(w -> content.figures().get(w.key())).orElse(null);
            if (value != null && wholeValue != null && value > wholeValue) {
                errors.add(new FieldError(indicator.key(), "\"%s\" (%d) không được lớn hơn \"%s\" (%d)"
                        .formatted(indicator.label(), value, whole.get().label(), wholeValue)));
            }
        }
        return errors;
    }

    /** A report goes to review only with every section of its plan written and every figure of the annex given. */
    public static List<FieldError> checkComplete(Plan plan, ReportContent content) {
        List<FieldError> errors = new ArrayList<>();
        for (Plan.Section section : plan.sections()) {
            if (!content.sections().containsKey(section.key())) {
                errors.add(new FieldError(section.key(), "Mục " + section.number() + " (" + section.title() + ") chưa được viết"));
            }
        }
        for (Plan.Indicator indicator : plan.indicators()) {
            if (!content.figures().containsKey(indicator.key())) {
                errors.add(new FieldError(indicator.key(), "Chưa nhập số liệu \"" + indicator.label() + "\" (ghi 0 nếu không có)"));
            }
        }
        return errors;
    }

    /**
     * Parses a count: null stays null (clears the figure); anything but a whole number 0…10⁹ is refused, an empty
     * text too (a figure left blank is written 0, never erased by accident).
     */
    static Long wholeNumber(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal number;
        try {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
                number = new BigDecimal(value.toString());
            } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
                number = new BigDecimal(value.toString());
                if (number.stripTrailingZeros().scale() > 0) {
                    throw new IllegalArgumentException("phải là số nguyên, không được có phần lẻ (" + value + ")");
                }
            } else if (value instanceof String text) {
                String trimmed = text.trim();
                if (trimmed.isEmpty()) {
                    throw new IllegalArgumentException("đang để trống; ghi 0 nếu không có");
                }
                if (!trimmed.matches("-?[0-9]{1,30}")) {
                    throw new IllegalArgumentException("phải là số nguyên, không phải \"" + abbreviate(text) + "\"");
                }
                number = new BigDecimal(trimmed);
            } else {
                throw new IllegalArgumentException("phải là số nguyên");
            }
        } catch (NumberFormatException e) {
            // NaN and infinities: numbers only in name.
            throw new IllegalArgumentException("phải là số nguyên, không phải \"" + value + "\"");
        }
        if (number.signum() < 0) {
            throw new IllegalArgumentException("không được là số âm (" + abbreviate(number.toBigInteger().toString()) + ")");
        }
        if (number.compareTo(BigDecimal.valueOf(Limits.MAX_FIGURE)) > 0) {
            throw new IllegalArgumentException("quá lớn (tối đa %,d)".formatted(Limits.MAX_FIGURE));
        }
        return number.longValueExact();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
