package vn.reviewcascade.reorganisation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reorganisation file as the organising board writes it (YAML or JSON; {@code plans/reorganisation-2025-07-01.yaml}
 * is the worked example), bound by Jackson and checked field by field by Bean Validation. {@link ReorganisationReader}
 * adds what spans fields — exactly one kind per change, the units it names — and gives each problem its line.
 * Descriptions say how messages name a field.
 */
@JsonClassDescription("tệp sắp xếp tổ chức")
record ReorganisationFile(
        @JsonPropertyDescription("quyết định") @NotNull @Valid Decision decision,
        @JsonPropertyDescription("ngày có hiệu lực") @NotNull LocalDate effectiveOn,
        @JsonPropertyDescription("các thay đổi") @NotNull
        @Size(min = 1, max = MAX_CHANGES, message = "phải có từ {min} đến {max} thay đổi") List<@NotNull @Valid Change> changes) {

    static final int MAX_CHANGES = 2000;
    /** How a unit's code is written, as in the tree file. */
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String CODE_MESSAGE = "chỉ gồm chữ không dấu, số, '.', '_' và '-' (tối đa 64 ký tự)";

    @JsonClassDescription("quyết định")
    record Decision(
            @JsonPropertyDescription("số quyết định") @NotBlank
            @Pattern(regexp = "(Quyết định số )?\\d{1,6}-[A-ZĐ]{1,6}/[A-ZĐ0-9]{1,12}",
                    message = "phải có dạng 1234-QĐ/TU hoặc Quyết định số 1234-QĐ/TU") String number,
            @JsonPropertyDescription("ngày quyết định") @NotNull LocalDate date,
            @JsonPropertyDescription("cơ quan ban hành") @NotBlank @Size(max = 300, message = "dài tối đa {max} ký tự") String issuer,
            @JsonPropertyDescription("trích yếu") @Size(max = 1000, message = "dài tối đa {max} ký tự") String title) {
    }

    /**
     * One change: exactly one of {@code merge}, {@code split}, {@code move}, {@code rename}, {@code abolishLevel},
     * {@code newUnit} says its kind; the other fields are what that kind needs.
     */
    @JsonClassDescription("thay đổi")
    record Change(
            @JsonPropertyDescription("các đơn vị hợp nhất, sáp nhập (merge)")
            List<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> merge,
            @JsonPropertyDescription("đơn vị kế thừa (into)") @Pattern(regexp = CODE, message = CODE_MESSAGE) String into,
            @JsonPropertyDescription("đơn vị chia tách (split)") @Pattern(regexp = CODE, message = CODE_MESSAGE) String split,
            @JsonPropertyDescription("các đơn vị sau chia tách (parts)") List<@NotNull @Valid Part> parts,
            @JsonPropertyDescription("đơn vị chuyển (move)") @Pattern(regexp = CODE, message = CODE_MESSAGE) String move,
            @JsonPropertyDescription("đơn vị đổi tên (rename)") @Pattern(regexp = CODE, message = CODE_MESSAGE) String rename,
            @JsonPropertyDescription("cấp bị bãi bỏ (abolishLevel)")
            @Pattern(regexp = "[A-Z][A-Z0-9_]{0,15}", message = "phải là mã cấp của cây đơn vị, ví dụ DISTRICT") String abolishLevel,
            @JsonPropertyDescription("các đơn vị giữ lại (except)")
            List<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> except,
            @JsonPropertyDescription("đơn vị thành lập mới (newUnit)") @Pattern(regexp = CODE, message = CODE_MESSAGE) String newUnit,
            @JsonPropertyDescription("tên đơn vị (name)") @Size(max = 300, message = "dài tối đa {max} ký tự") String name,
            @JsonPropertyDescription("đơn vị cấp trên (parent)") @Pattern(regexp = CODE, message = CODE_MESSAGE) String parent,
            @JsonPropertyDescription("cấp (level)") @Pattern(regexp = "[A-Z][A-Z0-9_]{0,15}", message = "phải là mã cấp của cây đơn vị") String level,
            @JsonPropertyDescription("ký hiệu (symbol)") @Size(max = 16, message = "dài tối đa {max} ký tự") String symbol) {
    }

    @JsonClassDescription("đơn vị sau chia tách")
    record Part(
            @JsonPropertyDescription("mã đơn vị (code)") @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @JsonPropertyDescription("tên đơn vị (name)") @NotBlank @Size(max = 300, message = "dài tối đa {max} ký tự") String name) {
    }
}
