package vn.reviewcascade.reorganisation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.reviewcascade.PlainText;
import vn.reviewcascade.reorganisation.Reorganisation.Change;
import vn.reviewcascade.reorganisation.Reorganisation.Kind;
import vn.reviewcascade.reorganisation.Reorganisation.Part;

/**
 * Reads a reorganisation file (YAML, or JSON, which YAML reads too) and checks it whole against the tree version it
 * would follow: every problem with its line, in Vietnamese; a file with any problem gives nothing. As for plan files,
 * a first pass notes the line where each value starts (by JSON Pointer), Jackson binds the file to
 * {@link ReorganisationFile} noting what does not fit, Bean Validation checks each field, and the checks across fields
 * follow. The changes are checked in order on a copy of the tree, so a change may name a unit an earlier one created.
 */
final class ReorganisationReader {

    static final int MAX_FILE = 1_000_000;

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addDeserializer(String.class, new WrittenText()))
            .build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final Map<String, Kind> KIND_KEYS = kindKeys();

    private final List<String> problems = new ArrayList<>();
    private final Map<JsonPointer, Integer> lines = new HashMap<>();
    private final Set<JsonPointer> refused = new HashSet<>();

    private ReorganisationReader() {
    }

    /**
     * @param tree the version the reorganisation would follow: it is not changed
     * @throws ReorganisationException listing every problem, each with its line
     */
    static Reorganisation read(String source, TreeState tree) {
        return new ReorganisationReader().reorganisation(source == null ? "" : source, tree.copy());
    }

    private Reorganisation reorganisation(String text, TreeState tree) {
        if (text.length() > MAX_FILE) {
            throw new ReorganisationException(List.of("Tệp dài %,d ký tự; tối đa %,d ký tự".formatted(text.length(), MAX_FILE)));
        }
        locate(text);
        ReorganisationFile file = bind(text);
        if (file != null) {
            VALIDATOR.validate(file).forEach(this::violation);
        }
        List<Change> changes = new ArrayList<>();
        if (file != null && file.changes() != null) {
            JsonPointer changesAt = JsonPointer.empty().appendProperty("changes");
            for (int i = 0; i < file.changes().size(); i++) {
                ReorganisationFile.Change given = file.changes().get(i);
                if (given == null) {
                    continue;
                }
                JsonPointer at = changesAt.appendIndex(i);
                Change change = change(given, i + 1, line(at), at);
                if (change == null) {
                    continue;
                }
                List<String> found = tree.problems(change);
                found.forEach(problem -> problem(line(at), "thay đổi thứ %d (%s): %s".formatted(change.seq(),
                        change.kind().label(), problem)));
                if (found.isEmpty()) {
                    tree.apply(change);
                    changes.add(change);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ReorganisationException(problems);
        }
        ReorganisationFile.Decision decision = file.decision();
        return new Reorganisation(new Reorganisation.Decision(decision.number(), decision.date(), decision.issuer(),
                decision.title()), file.effectiveOn(), changes);
    }

    /** The typed change, or null with its problems noted: exactly one kind, the fields it needs and no others. */
    private Change change(ReorganisationFile.Change given, int seq, int line, JsonPointer at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("merge", given.merge());
        fields.put("into", given.into());
        fields.put("split", given.split());
        fields.put("parts", given.parts());
        fields.put("move", given.move());
        fields.put("rename", given.rename());
        fields.put("abolishLevel", given.abolishLevel());
        fields.put("except", given.except());
        fields.put("newUnit", given.newUnit());
        fields.put("name", given.name());
        fields.put("parent", given.parent());
        fields.put("level", given.level());
        fields.put("symbol", given.symbol());
        fields.values().removeIf(value -> value == null);
        List<String> kinds = KIND_KEYS.keySet().stream().filter(fields::containsKey).toList();
        if (kinds.size() != 1) {
            problem(line, "thay đổi thứ %d phải có đúng một trong các trường %s%s".formatted(seq,
                    String.join(", ", KIND_KEYS.keySet()), kinds.isEmpty() ? "" : "; đang có " + String.join(", ", kinds)));
            return null;
        }
        Kind kind = KIND_KEYS.get(kinds.get(0));
        List<String> needed = switch (kind) {
            case MERGE -> List.of("merge", "into");
            case SPLIT -> List.of("split", "parts");
            case MOVE -> List.of("move", "parent");
            case RENAME -> List.of("rename", "name");
            case ABOLISH_LEVEL -> List.of("abolishLevel");
            case NEW_UNIT -> List.of("newUnit", "name", "level", "parent", "symbol");
        };
        List<String> allowed = switch (kind) {
            case MERGE -> List.of("merge", "into", "name", "parent", "symbol");
            case SPLIT -> List.of("split", "parts");
            case MOVE -> List.of("move", "parent");
            case RENAME -> List.of("rename", "name", "symbol");
            case ABOLISH_LEVEL -> List.of("abolishLevel", "except");
            case NEW_UNIT -> needed;
        };
        boolean fits = true;
        for (String field : needed) {
            if (!fields.containsKey(field) && !refused.contains(at.appendProperty(field))) {
                problem(line, "thay đổi thứ %d (%s) thiếu trường '%s'".formatted(seq, kind.label(), field));
                fits = false;
            }
        }
        for (String field : fields.keySet()) {
            if (!allowed.contains(field)) {
                problem(line(at.appendProperty(field)), "thay đổi thứ %d (%s) không dùng trường '%s'; chỉ dùng: %s"
                        .formatted(seq, kind.label(), field, String.join(", ", allowed)));
                fits = false;
            }
        }
        if (!fits) {
            return null;
        }
        return switch (kind) {
            case MERGE -> new Change(seq, line, kind, distinct(given.merge(), at.appendProperty("merge"), "merge"),
                    given.into(), given.name(), null, given.parent(), given.symbol(), null, null);
            case SPLIT -> new Change(seq, line, kind, List.of(given.split()), null, null, null, null, null, null,
                    given.parts().stream().filter(part -> part != null).map(part -> new Part(part.code(), part.name())).toList());
            case MOVE -> new Change(seq, line, kind, List.of(given.move()), null, null, null, given.parent(), null, null, null);
            case RENAME -> new Change(seq, line, kind, List.of(given.rename()), null, given.name(), null, null,
                    given.symbol(), null, null);
            case ABOLISH_LEVEL -> new Change(seq, line, kind, List.of(), null, null, given.abolishLevel(), null, null,
                    distinct(given.except(), at.appendProperty("except"), "except"), null);
            case NEW_UNIT -> new Change(seq, line, kind, List.of(given.newUnit()), null, given.name(), given.level(),
                    given.parent(), given.symbol(), null, null);
        };
    }

    private List<String> distinct(List<String> codes, JsonPointer at, String field) {
        if (codes == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (code != null && !seen.add(code)) {
                problem(line(at), "mã '%s' lặp lại trong '%s'".formatted(code, field));
            }
        }
        return codes.stream().filter(code -> code != null).distinct().toList();
    }

    // --- reading ------------------------------------------------------------------------------------------------

    private void locate(String text) {
        Map<JsonPointer, Integer> keys = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken token;
            boolean any = false;
            while ((token = parser.nextToken()) != null) {
                any = true;
                JsonPointer at = parser.getParsingContext().pathAsPointer();
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME && keys.containsKey(at)) {
                    problem(line, "trường '%s' lặp lại (đã có ở dòng %d)".formatted(parser.currentName(), keys.get(at)));
                    refused.add(at);
                } else if (token == JsonToken.FIELD_NAME) {
                    keys.put(at, line);
                }
                lines.putIfAbsent(at, line);
            }
            if (!any) {
                throw new ReorganisationException(List.of("Tệp rỗng"));
            }
        } catch (MarkedYAMLException e) {
            throw new ReorganisationException(List.of("Dòng %d: không phải YAML hay JSON đúng cú pháp (%s)".formatted(
                    e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1, e.getProblem())));
        } catch (JsonProcessingException e) {
            throw new ReorganisationException(List.of("Dòng %d: không phải YAML hay JSON đúng cú pháp".formatted(
                    e.getLocation() == null ? 1 : e.getLocation().getLineNr())));
        } catch (IOException e) {
            throw new IllegalStateException("A string cannot fail to be read", e);
        }
    }

    private ReorganisationFile bind(String text) {
        try {
            return MAPPER.readerFor(ReorganisationFile.class).withHandler(new Misfits()).readValue(text);
        } catch (JsonMappingException e) {
            JsonPointer at = JsonPointer.empty();
            for (JsonMappingException.Reference reference : e.getPath()) {
                at = reference.getFieldName() != null ? at.appendProperty(reference.getFieldName())
                        : at.appendIndex(reference.getIndex());
            }
            problem(line(at), named(at) + " không đọc được");
            return null;
        } catch (JsonProcessingException e) {
            problem(e.getLocation() == null ? 1 : e.getLocation().getLineNr(), "không đọc được tệp");
            return null;
        }
    }

    private void violation(ConstraintViolation<ReorganisationFile> violation) {
        JsonPointer at = JsonPointer.empty();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                at = at.appendIndex(node.getIndex());
            }
            if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                at = at.appendProperty(node.getName());
            }
        }
        if (refused.contains(at)) {
            return;
        }
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (constraint == NotNull.class || constraint == NotBlank.class) {
            problem(line(at), "thiếu " + named(at));
        } else {
            Object value = violation.getInvalidValue();
            problem(line(at), named(at) + (value instanceof String ? " '" + value + "'" : "") + " " + violation.getMessage());
        }
    }

    /** Unknown keys and values of the wrong shape, noted with their line; Jackson goes on without them. */
    private final class Misfits extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                             JsonDeserializer<?> deserializer, Object beanOrClass, String name)
                throws IOException {
            JsonPointer at = parser.getParsingContext().pathAsPointer();
            Class<?> type = beanOrClass instanceof Class<?> given ? given : beanOrClass.getClass();
            problem(line(at), "không có trường '%s' trong %s; chỉ có: %s".formatted(name, description(type),
                    String.join(", ", deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted().toList())));
            refused.add(at);
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType type, JsonToken token,
                                            JsonParser parser, String failure) throws IOException {
            JsonPointer at = parser.getParsingContext().pathAsPointer();
            problem(line(at), named(at) + (type.isCollectionLikeType() ? " phải là một danh sách"
                    : type.getRawClass().isRecord() ? " phải là một nhóm các trường (khóa: giá trị)"
                    : " phải là một giá trị, không phải một nhóm hay danh sách"));
            refused.add(at);
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String value, String failure) {
            JsonPointer at = context.getParser().getParsingContext().pathAsPointer();
            problem(line(at), named(at) + " '" + value + "' " + (type == LocalDate.class
                    ? "phải có dạng năm-tháng-ngày, ví dụ 2025-07-01" : "không hợp lệ"));
            refused.add(at);
            return null;
        }
    }

    // --- names and lines ----------------------------------------------------------------------------------------

    /** "ngày có hiệu lực (effectiveOn)", or an item of a list by its place. */
    private static String named(JsonPointer at) {
        JavaType type = MAPPER.constructType(ReorganisationFile.class);
        String what = null;
        for (JsonPointer rest = at; rest != null && !rest.matches(); rest = rest.tail()) {
            if (type.isCollectionLikeType()) {
                type = type.getContentType();
                what = "phần tử thứ %d của %s".formatted(rest.getMatchingIndex() + 1, what == null ? "tệp" : what);
                continue;
            }
            String name = rest.getMatchingProperty();
            BeanPropertyDefinition property = MAPPER.getDeserializationConfig().introspect(type).findProperties().stream()
                    .filter(found -> found.getName().equals(name)).findFirst().orElse(null);
            if (property == null) {
                return what == null ? "'" + name + "'" : what;
            }
            String description = property.getMetadata().getDescription();
            what = (description == null ? name : description) + (description != null && description.endsWith(")") ? "" : " (" + name + ")");
            type = property.getPrimaryType();
        }
        return what == null ? "tệp" : what;
    }

    private static String description(Class<?> type) {
        JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
        return description == null ? type.getSimpleName() : description.value();
    }

    private int line(JsonPointer at) {
        for (JsonPointer place = at; place != null; place = place.head()) {
            Integer line = lines.get(place);
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    private void problem(int line, String message) {
        problems.add("Dòng " + line + ": " + message);
    }

    private static Map<String, Kind> kindKeys() {
        Map<String, Kind> keys = new LinkedHashMap<>();
        keys.put("merge", Kind.MERGE);
        keys.put("split", Kind.SPLIT);
        keys.put("move", Kind.MOVE);
        keys.put("rename", Kind.RENAME);
        keys.put("abolishLevel", Kind.ABOLISH_LEVEL);
        keys.put("newUnit", Kind.NEW_UNIT);
        return keys;
    }

    /** A text as the writer meant it: stripped, in NFC; an empty one is no value. */
    private static final class WrittenText extends StdScalarDeserializer<String> {

        WrittenText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String written = text == null ? null : PlainText.normalize(text.strip());
            return written == null || written.isEmpty() ? null : written;
        }
    }
}
