package vn.reviewcascade.plan;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;

import vn.reviewcascade.Limits;
import vn.reviewcascade.PlainText;
import vn.reviewcascade.unit.TreeLevel;

/**
 * A plan file as its writer wrote it ({@code plans/117-KH-TU.yaml}; its schema for editors is
 * {@code docs/plan.schema.json}), bound by Jackson and checked field by field by Bean Validation. {@link PlanReader}
 * adds the checks across fields and levels and makes a {@link Plan} of it. Descriptions say how messages name a
 * record ("trong kế hoạch") and a field ("thiếu cơ quan ban hành (issuer)"); each constraint's message says what is
 * wrong, and the reader puts the two together with the line.
 */
@JsonClassDescription("kế hoạch")
record PlanFile(
        @JsonPropertyDescription("số hiệu kế hoạch")
        @NotBlank @Text @Pattern(regexp = "\\d{1,6}-[A-ZĐ]{1,6}/[A-ZĐ0-9]{1,12}",
                message = "phải có dạng 117-KH/TU (số-loại/cơ quan ban hành)") String number,
        @JsonPropertyDescription("tên kế hoạch") @NotBlank @Text String title,
        @JsonPropertyDescription("loại") @Pattern(regexp = "sơ kết|tổng kết",
                message = "không hợp lệ: chỉ có 'sơ kết' hoặc 'tổng kết'") String kind,
        @JsonPropertyDescription("cơ quan ban hành") @NotBlank @Text String issuer,
        @JsonPropertyDescription("ngày ban hành") LocalDate issuedOn,
        @JsonPropertyDescription("năm của kế hoạch") @NotNull
        @Range(min = Limits.FIRST_YEAR, max = Limits.LAST_YEAR, message = "phải là số nguyên từ {min} đến {max}") Integer year,
        @JsonPropertyDescription("nhóm cơ quan chủ trì theo dõi") @NotBlank
        @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "chỉ gồm chữ không dấu, số, '.', '_' và '-'") String organisingGroup,
        @JsonPropertyDescription("tên văn bản") @Valid Documents documents,
        @JsonPropertyDescription("nơi nhận") List<@NotNull @Valid Recipient> distribution,
        @JsonPropertyDescription("các cấp") @NotNull
        @Size(min = Limits.MIN_LEVELS, max = Limits.MAX_LEVELS, message = "phải có từ {min} đến {max} cấp")
        List<@NotNull @Valid Level> levels,
        @JsonPropertyDescription("đề cương báo cáo") @NotNull @Size(min = 1, message = "phải có ít nhất một mục")
        List<@NotNull @Valid Section> sections,
        @JsonPropertyDescription("phụ lục số liệu") @Valid Annex annex) {

    /** How the keys of sections and figures are written: they name form fields and annex columns. */
    static final String FIELD_KEY = "[A-Za-z][A-Za-z0-9_]{0,39}";

    /**
     * A value a person writes into a plan: at most {@link Limits#MAX_PLAN_TEXT} characters, plain text. (Every text
     * of a plan is read stripped and in NFC, see {@link PlanReader}.)
     */
    @Documented
    @Size(max = Limits.MAX_PLAN_TEXT, message = "dài quá {max} ký tự")
    @PlainText.Clean
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Text {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @JsonClassDescription("tên văn bản")
    record Documents(@JsonPropertyDescription("tên văn bản hướng dẫn") @Text String guidance,
                     @JsonPropertyDescription("tên báo cáo") @Text String report) {
    }

    @JsonClassDescription("nơi nhận")
    record Recipient(
            @JsonPropertyDescription("tên nơi nhận") @NotBlank @Text String name,
            @JsonPropertyDescription("mục đích") @Text String purpose,
            @JsonPropertyDescription("địa chỉ")
            @Pattern(regexp = "[a-z][a-z0-9]{0,39}|[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
                    message = "phải là một địa chỉ thư hoặc một mã địa chỉ của nơi triển khai (chữ thường không dấu và số, "
                            + "bắt đầu bằng chữ)") String address) {
    }

    /** A level; its deadlines are named by {@link DeadlineKind}, which says how messages call each. */
    @JsonClassDescription("cấp")
    record Level(
            @JsonPropertyDescription("mã cấp") @NotBlank @Pattern(regexp = TreeLevel.KEY_PATTERN,
                    message = "chỉ gồm chữ hoa không dấu, số và '_', bắt đầu bằng chữ") String key,
            @JsonPropertyDescription("tên cấp") @NotBlank @Text String name,
            @JsonPropertyDescription("có ban hành hướng dẫn") Boolean issuesGuidance,
            @JsonPropertyDescription("khối chữ ký") @Valid Signature signature,
            @JsonPropertyDescription("các hạn của cấp") @NotNull @Valid Deadlines deadlines,
            @JsonPropertyDescription("các lần nhắc hạn") List<@NotNull Duration> reminders) {

        boolean guides() {
            return Boolean.TRUE.equals(issuesGuidance);
        }
    }

    @JsonClassDescription("các hạn của cấp")
    record Deadlines(MonthDay guidance, MonthDay subordinates, MonthDay report) {

        /** The days given, by kind. */
        Map<DeadlineKind, MonthDay> byKind() {
            Map<DeadlineKind, MonthDay> days = new EnumMap<>(DeadlineKind.class);
            put(days, DeadlineKind.GUIDANCE, guidance);
            put(days, DeadlineKind.SUBORDINATES, subordinates);
            put(days, DeadlineKind.REPORT, report);
            return days;
        }

        private static void put(Map<DeadlineKind, MonthDay> days, DeadlineKind kind, MonthDay day) {
            if (day != null) {
                days.put(kind, day);
            }
        }
    }

    @JsonClassDescription("khối chữ ký")
    record Signature(@JsonPropertyDescription("thẩm quyền ký") @Text String onBehalfOf,
                     @JsonPropertyDescription("chức vụ người ký") @NotBlank @Text String position) {
    }

    @JsonClassDescription("mục của đề cương")
    record Section(
            @JsonPropertyDescription("mã mục") @NotBlank @Pattern(regexp = FIELD_KEY,
                    message = "chỉ gồm chữ không dấu, số và '_', bắt đầu bằng chữ") String key,
            @JsonPropertyDescription("tên mục") @NotBlank @Text String title,
            @JsonPropertyDescription("gợi ý viết") @Text String hint) {
    }

    @JsonClassDescription("phụ lục số liệu")
    record Annex(@JsonPropertyDescription("các nhóm chỉ tiêu") @NotNull List<@NotNull @Valid Group> groups) {
    }

    @JsonClassDescription("nhóm chỉ tiêu")
    record Group(@JsonPropertyDescription("tên nhóm chỉ tiêu") @NotBlank @Text String title,
                 @JsonPropertyDescription("các chỉ tiêu của nhóm") @NotNull List<@NotNull @Valid Indicator> indicators) {
    }

    @JsonClassDescription("chỉ tiêu")
    record Indicator(
            @JsonPropertyDescription("mã chỉ tiêu") @NotBlank @Pattern(regexp = FIELD_KEY,
                    message = "chỉ gồm chữ không dấu, số và '_', bắt đầu bằng chữ") String key,
            @JsonPropertyDescription("tên chỉ tiêu") @NotBlank @Text String label,
            @JsonPropertyDescription("đơn vị tính") @Text String unit,
            @JsonPropertyDescription("chỉ tiêu tổng") @Text String partOf,
            @JsonPropertyDescription("giá trị nhỏ nhất") @Range(min = 0, max = Limits.MAX_FIGURE,
                    message = "phải là số nguyên từ {min} đến {max}") Long min,
            @JsonPropertyDescription("giá trị lớn nhất") @Range(min = 0, max = Limits.MAX_FIGURE,
                    message = "phải là số nguyên từ {min} đến {max}") Long max) {
    }
}
