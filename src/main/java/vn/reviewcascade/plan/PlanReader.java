package vn.reviewcascade.plan;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;

import vn.reviewcascade.Limits;
import vn.reviewcascade.PlainText;

/**
 * Reads a plan file (YAML, see {@code plans/117-KH-TU.yaml}) and checks it whole: every problem is reported with its
 * line, in Vietnamese, and a file with any problem gives no plan at all. Jackson binds the file to {@link PlanFile},
 * noting what does not fit its shape instead of stopping at it; Bean Validation checks each field; this reader checks
 * what spans fields (keys used twice, parts of figures) and the rules of the {@link Cascade}. Each problem names the
 * line of the value it is about: a first pass over the file notes where each value starts, by JSON Pointer.
 */
public final class PlanReader {

    private static final java.util.regex.Pattern DAY_MONTH = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})");
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("--MM-dd");
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("dd/MM");

    /** Plans are written by people: every text stripped and in NFC, days as Party documents write them. */
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule()
                    .addDeserializer(String.class, new WrittenText())
                    .addDeserializer(MonthDay.class, new DayOfYear())
                    .addDeserializer(Duration.class, new Reminder()))
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private final List<String> problems = new ArrayList<>();
    /** Where each value starts, by JSON Pointer, the key's line for a field: the first pass's notes. */
    private final Map<JsonPointer, JsonLocation> locations = new HashMap<>();
    /** The values already refused while binding: Bean Validation would only say again that they are missing. */
    private final Set<JsonPointer> refused = new HashSet<>();
    private final List<String> treeLevels;

    private PlanReader(List<String> treeLevels) {
        this.treeLevels = treeLevels;
    }

    /** @throws PlanException listing every problem of the file, each with its line */
    public static Plan read(String text, int version) {
        return new PlanReader(null).plan(text, version);
    }

    /**
     * Reads a plan for a deployment whose unit tree has the given levels, top down: the plan's levels must be a run
     * of the tree's ({@link Cascade#misfits}).
     *
     * @throws PlanException listing every problem of the file, each with its line
     */
    public static Plan read(String text, int version, List<String> treeLevels) {
        return new PlanReader(treeLevels).plan(text, version);
    }

    private Plan plan(String source, int version) {
        String text = source == null ? "" : source;
        if (text.length() > Limits.MAX_PLAN_FILE) {
            throw new PlanException(List.of("Tệp kế hoạch dài %,d ký tự; tối đa %,d ký tự"
                    .formatted(text.length(), Limits.MAX_PLAN_FILE)));
        }
        locate(text);
        PlanFile file = bind(text);
        if (file != null) {
            VALIDATOR.validate(file).forEach(this::violation);
            check(file);
        }
        if (!problems.isEmpty()) {
            throw new PlanException(problems);
        }
        return plan(file, version);
    }

    // --- reading ------------------------------------------------------------------------------------------------

    /** Notes where each value starts, and each key given twice in one mapping; a file that is no YAML ends here. */
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
                locations.putIfAbsent(at, parser.currentTokenLocation());
            }
            if (!any) {
                throw new PlanException(List.of("Tệp kế hoạch rỗng"));
            }
        } catch (MarkedYAMLException e) {
            // The problem's own place: where the parser stopped may be a line before it.
            throw new PlanException(List.of("Dòng %d: không phải YAML đúng cú pháp (%s)".formatted(
                    e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1, e.getProblem())));
        } catch (JsonProcessingException e) {
            throw new PlanException(List.of("Dòng %d: không phải YAML đúng cú pháp".formatted(
                    e.getLocation() == null ? 1 : e.getLocation().getLineNr())));
        } catch (IOException e) {
            throw new IllegalStateException("A string cannot fail to be read", e);
        }
    }

    /** The file bound to its records, with every value that does not fit noted; a value Jackson cannot go on from ends it. */
    private PlanFile bind(String text) {
        ObjectReader reader = MAPPER.readerFor(PlanFile.class).withHandler(new Misfits());
        try {
            return reader.readValue(text);
        } catch (JsonMappingException e) {
            // A number beyond its field's type, or a fraction for a whole number: Jackson stops at these.
            JsonPointer at = pointer(e.getPath());
            boolean number = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    && Number.class.isAssignableFrom(mismatch.getTargetType()) || e.getCause() instanceof InputCoercionException;
            problem(at, named(at) + (number ? " phải là số nguyên" : " không đọc được (" + e.getOriginalMessage() + ")"));
            return null;
        } catch (JsonProcessingException e) {
            problem(e.getLocation() == null ? 1 : e.getLocation().getLineNr(), "không đọc được (" + e.getOriginalMessage() + ")");
            return null;
        }
    }

    /** A constraint's refusal, with the field's name and line: "thiếu tên kế hoạch (title)". */
    private void violation(ConstraintViolation<PlanFile> violation) {
        JsonPointer at = JsonPointer.empty();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                at = at.appendIndex(node.getIndex());
            }
            if (node.getName() != null && node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                at = at.appendProperty(node.getName());
            }
        }
        if (refused.contains(at)) {
            return;
        }
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        Object value = violation.getInvalidValue();
        if ((constraint == NotNull.class || constraint == NotBlank.class) && what(at).isEmpty()) {
            problem(at, "phần tử thứ %d của %s đang để trống".formatted(at.last().getMatchingIndex() + 1, named(at.head())));
        } else if (constraint == NotNull.class || constraint == NotBlank.class) {
            problem(at, "thiếu " + named(at));
        } else if (constraint == Pattern.class || constraint == Range.class) {
            problem(at, "%s '%s' %s".formatted(what(at).orElse(""), value, violation.getMessage()).strip());
        } else {
            problem(at, named(at) + " " + violation.getMessage());
        }
    }

    /**
     * Notes what does not fit the records' shape, with its line, and lets Jackson go on with nothing for it: an
     * unknown key, a list for a value, a text for a number.
     */
    private final class Misfits extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                             JsonDeserializer<?> deserializer, Object beanOrClass, String name)
                throws IOException {
            JsonPointer at = parser.getParsingContext().pathAsPointer();
            Class<?> type = beanOrClass instanceof Class<?> given ? given : beanOrClass.getClass();
            problem(at, "không có trường '%s' trong %s; chỉ có: %s".formatted(name, description(type),
                    String.join(", ", deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted().toList())));
            refused.add(at);
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType type, JsonToken token,
                                            JsonParser parser, String failure) throws IOException {
            JsonPointer at = parser.getParsingContext().pathAsPointer();
            notFitting(at, type.getRawClass());
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext context, Class<?> type, ValueInstantiator instantiator,
                                                JsonParser parser, String failure) throws IOException {
            notFitting(parser.getParsingContext().pathAsPointer(), type);
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String value, String failure) {
            JsonPointer at = context.getParser().getParsingContext().pathAsPointer();
            String reason = type == Integer.class || type == Long.class ? "phải là số nguyên"
                    : type == Boolean.class ? "phải là true hoặc false"
                    : type == LocalDate.class ? "phải có dạng năm-tháng-ngày, ví dụ 2019-03-18"
                    // The application's own deserializers below give their reasons in Vietnamese.
                    : failure;
            problem(at, what(at).map(what -> what + " ").orElse("") + "'" + value + "' " + reason);
            refused.add(at);
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> type, Number value, String failure) {
            JsonPointer at = context.getParser().getParsingContext().pathAsPointer();
            problem(at, "%s '%s' phải là số nguyên".formatted(what(at).orElse(""), value).strip());
            refused.add(at);
            return null;
        }

        private void notFitting(JsonPointer at, Class<?> type) {
            if (type.isRecord()) {
                problem(at, description(type) + " phải là một nhóm các trường (key: giá trị)");
            } else if (Collection.class.isAssignableFrom(type)) {
                problem(at, named(at) + " phải là một danh sách");
            } else {
                problem(at, named(at) + " phải là một giá trị, không phải một nhóm hay danh sách");
            }
            refused.add(at);
        }
    }

    // --- checks across fields -----------------------------------------------------------------------------------

    private void check(PlanFile file) {
        List<PlanFile.Level> levels = file.levels() == null ? List.of() : file.levels();
        JsonPointer levelsAt = JsonPointer.empty().appendProperty("levels");
        unique(levels, PlanFile.Level::key, levelsAt, "mã cấp");
        List<String> names = new ArrayList<>();
        List<Map<DeadlineKind, MonthDay>> dues = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            PlanFile.Level level = levels.get(i);
            JsonPointer at = levelsAt.appendIndex(i);
            names.add(level == null || level.name() == null ? "cấp thứ " + (i + 1) : level.name());
            dues.add(level == null || level.deadlines() == null ? Map.of() : level.deadlines().byKind());
            if (level != null) {
                cascade(level, i == levels.size() - 1, at);
            }
        }
        Cascade.contradictions(names, dues, DAY_LABEL::format).forEach(found -> problem(levelsAt
                .appendIndex(found.later().level()).appendProperty("deadlines").appendProperty(found.later().kind().key()),
                found.message()));
        if (treeLevels != null) {
            List<String> keys = levels.stream().map(level -> level == null ? null : level.key()).toList();
            Cascade.misfits(keys, treeLevels).forEach(misfit -> problem(levelsAt.appendIndex(misfit.level()), misfit.message()));
        }
        List<PlanFile.Section> sections = file.sections() == null ? List.of() : file.sections();
        unique(sections, PlanFile.Section::key, JsonPointer.empty().appendProperty("sections"), "mã mục");
        annex(file.annex(), sections.stream().filter(Objects::nonNull).map(PlanFile.Section::key).collect(HashSet::new,
                HashSet::add, HashSet::addAll));
    }

    /** Which deadlines the level has, by the {@link Cascade}'s rules. */
    private void cascade(PlanFile.Level level, boolean bottom, JsonPointer at) {
        if (level.guides() && !Cascade.mayIssueGuidance(bottom)) {
            problem(at.appendProperty("issuesGuidance"), "cấp cuối cùng không có đơn vị cấp dưới nên không ban hành hướng dẫn");
        }
        if (level.deadlines() == null) {
            return;
        }
        JsonPointer deadlinesAt = at.appendProperty("deadlines");
        Map<DeadlineKind, MonthDay> days = level.deadlines().byKind();
        for (DeadlineKind kind : DeadlineKind.values()) {
            JsonPointer dueAt = deadlinesAt.appendProperty(kind.key());
            boolean has = Cascade.has(kind, level.guides(), bottom);
            if (has && !locations.containsKey(dueAt)) {
                problem(deadlinesAt, "thiếu %s (%s)".formatted(kind.label(), kind.key()));
            } else if (!has && days.containsKey(kind)) {
                problem(dueAt, kind == DeadlineKind.GUIDANCE
                        ? "cấp này không ban hành hướng dẫn (issuesGuidance) nên không có hạn hướng dẫn"
                        : "cấp cuối cùng không có đơn vị cấp dưới để chờ báo cáo");
            }
        }
    }

    private void annex(PlanFile.Annex annex, Set<String> sectionKeys) {
        if (annex == null || annex.groups() == null) {
            return;
        }
        Map<String, JsonPointer> seen = new LinkedHashMap<>();
        Map<String, JsonPointer> partOf = new LinkedHashMap<>();
        Map<String, String> wholes = new HashMap<>();
        JsonPointer groupsAt = JsonPointer.empty().appendProperty("annex").appendProperty("groups");
        for (int g = 0; g < annex.groups().size(); g++) {
            PlanFile.Group group = annex.groups().get(g);
            if (group == null || group.indicators() == null) {
                continue;
            }
            for (int i = 0; i < group.indicators().size(); i++) {
                PlanFile.Indicator indicator = group.indicators().get(i);
                JsonPointer at = groupsAt.appendIndex(g).appendProperty("indicators").appendIndex(i);
                if (indicator == null || indicator.key() == null) {
                    continue;
                }
                String key = indicator.key();
                JsonPointer keyAt = at.appendProperty("key");
                if (seen.containsKey(key)) {
                    problem(keyAt, "mã chỉ tiêu '%s' bị trùng với dòng %d".formatted(key, line(seen.get(key))));
                    continue;
                }
                if (sectionKeys.contains(key)) {
                    problem(keyAt, "mã chỉ tiêu '" + key + "' trùng với mã một mục của đề cương");
                    continue;
                }
                seen.put(key, keyAt);
                if (indicator.partOf() != null) {
                    partOf.put(key, at.appendProperty("partOf"));
                    wholes.put(key, indicator.partOf());
                }
                if (indicator.min() != null && indicator.max() != null && indicator.min() > indicator.max()) {
                    problem(at.appendProperty("min"), "giá trị nhỏ nhất (%d) lớn hơn giá trị lớn nhất (%d)"
                            .formatted(indicator.min(), indicator.max()));
                }
            }
        }
        wholes.forEach((part, whole) -> {
            if (!seen.containsKey(whole)) {
                problem(partOf.get(part), "chỉ tiêu '%s' là phần của '%s', nhưng không có chỉ tiêu '%s'".formatted(part, whole, whole));
            }
        });
        Set<String> reported = new HashSet<>();
        for (String start : wholes.keySet()) {
            Set<String> path = new HashSet<>();
            for (String key = start; key != null; key = wholes.get(key)) {
                if (!path.add(key)) {
                    if (reported.add(key)) {
                        problem(partOf.get(key), "chỉ tiêu '" + key + "' nằm trong một vòng lặp 'phần của' (partOf)");
                    }
                    break;
                }
            }
        }
    }

    /** Keys of a list's items used twice, each named with the line of its first use. */
    private <T> void unique(List<T> items, Function<T, String> key, JsonPointer listAt, String what) {
        Map<String, JsonPointer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String value = items.get(i) == null ? null : key.apply(items.get(i));
            JsonPointer at = listAt.appendIndex(i).appendProperty("key");
            if (value != null && seen.containsKey(value)) {
                problem(at, "%s '%s' bị trùng với dòng %d".formatted(what, value, line(seen.get(value))));
            } else if (value != null) {
                seen.put(value, at);
            }
        }
    }

    // --- the plan -----------------------------------------------------------------------------------------------

    private static Plan plan(PlanFile file, int version) {
        String kind = file.kind() == null ? "sơ kết" : file.kind();
        Optional<PlanFile.Documents> documents = Optional.ofNullable(file.documents());
        Plan.DocumentTitles titles = new Plan.DocumentTitles(
                documents.map(PlanFile.Documents::guidance).orElse("kế hoạch hướng dẫn " + kind),
                documents.map(PlanFile.Documents::report).orElse("báo cáo " + kind));
        List<Plan.Recipient> distribution = orEmpty(file.distribution()).stream()
                .map(recipient -> new Plan.Recipient(recipient.name(), recipient.purpose(), recipient.address())).toList();
        List<Plan.Level> levels = file.levels().stream().map(level -> new Plan.Level(level.key(), level.name(),
                level.guides(), level.signature() == null ? null
                : new Plan.Signature(level.signature().onBehalfOf(), level.signature().position()),
                level.deadlines().guidance(), level.deadlines().subordinates(), level.deadlines().report(),
                orEmpty(level.reminders()).stream().distinct().sorted(Comparator.reverseOrder()).toList())).toList();
        List<Plan.Section> sections = new ArrayList<>();
        file.sections().forEach(section -> sections.add(new Plan.Section(section.key(), sections.size() + 1, section.title(),
                section.hint())));
        List<Plan.Group> groups = file.annex() == null ? List.of() : file.annex().groups().stream()
                .map(group -> new Plan.Group(group.title(), group.indicators().stream()
                        .map(indicator -> new Plan.Indicator(indicator.key(), indicator.label(), indicator.unit(),
                                indicator.partOf(), indicator.min() == null ? 0 : indicator.min(),
                                indicator.max() == null ? Limits.MAX_FIGURE : indicator.max(), group.title()))
                        .toList()))
                .toList();
        return new Plan(file.number(), version, file.title(), kind, file.issuer(), file.issuedOn(), file.year(),
                file.organisingGroup(), titles, distribution, levels, sections, new Plan.Annex(groups));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    // --- names and lines ----------------------------------------------------------------------------------------

    /** "tên kế hoạch (title)"; an item of a list by its position. */
    private static String named(JsonPointer at) {
        String key = at.last() == null ? "" : at.last().getMatchingProperty();
        return what(at).map(what -> what + " (" + key + ")")
                .orElse("phần tử thứ " + (at.last() == null ? 1 : at.last().getMatchingIndex() + 1));
    }

    /**
     * How messages call the value at this place: its record component's description, or for a deadline its kind's
     * label; empty for an item of a list.
     */
    private static Optional<String> what(JsonPointer at) {
        JavaType type = MAPPER.constructType(PlanFile.class);
        Optional<String> what = Optional.of(description(PlanFile.class));
        for (JsonPointer rest = at; !rest.matches(); rest = rest.tail()) {
            if (type.isCollectionLikeType()) {
                type = type.getContentType();
                what = Optional.empty();
                continue;
            }
            String name = rest.getMatchingProperty();
            Optional<BeanPropertyDefinition> property = MAPPER.getDeserializationConfig().introspect(type).findProperties()
                    .stream().filter(found -> found.getName().equals(name)).findFirst();
            if (property.isEmpty()) {
                return Optional.empty();
            }
            what = Optional.ofNullable(property.get().getMetadata().getDescription())
                    .or(() -> DeadlineKind.byKey(name).map(DeadlineKind::label));
            type = property.get().getPrimaryType();
        }
        return what;
    }

    private static String description(Class<?> type) {
        JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
        return description == null ? type.getSimpleName() : description.value();
    }

    private static JsonPointer pointer(List<JsonMappingException.Reference> path) {
        JsonPointer at = JsonPointer.empty();
        for (JsonMappingException.Reference reference : path) {
            at = reference.getFieldName() != null ? at.appendProperty(reference.getFieldName()) : at.appendIndex(reference.getIndex());
        }
        return at;
    }

    /** The line of the value at this place, or of the nearest enclosing one the file has: a missing key's mapping. */
    private int line(JsonPointer at) {
        for (JsonPointer place = at; place != null; place = place.head()) {
            JsonLocation location = locations.get(place);
            if (location != null) {
                return location.getLineNr();
            }
        }
        return 1;
    }

    private void problem(JsonPointer at, String message) {
        problem(line(at), message);
    }

    private void problem(int line, String message) {
        problems.add("Dòng " + line + ": " + message);
    }

    // --- how values are read ------------------------------------------------------------------------------------

    /** A text as the writer meant it: without the spaces around it, in NFC; an empty one is no value. */
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

    /** A day of the plan's year: "30/09" as Party documents write it, or "--09-30" as ISO-8601 does. */
    private static final class DayOfYear extends StdScalarDeserializer<MonthDay> {

        DayOfYear() {
            super(MonthDay.class);
        }

        @Override
        public MonthDay deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.currentToken().isScalarValue()) {
                return (MonthDay) context.handleUnexpectedToken(MonthDay.class, parser);
            }
            String text = parser.getValueAsString().strip();
            try {
                Matcher dayMonth = DAY_MONTH.matcher(text);
                return dayMonth.matches() ? MonthDay.of(Integer.parseInt(dayMonth.group(2)), Integer.parseInt(dayMonth.group(1)))
                        : MonthDay.parse(text, ISO_DAY);
            } catch (DateTimeException e) {
                return (MonthDay) context.handleWeirdStringValue(MonthDay.class, text, "phải là một ngày trong năm, ví dụ 30/09");
            }
        }
    }

    /** How long before a deadline to remind: {@link ReminderOffset}. */
    private static final class Reminder extends StdScalarDeserializer<Duration> {

        Reminder() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.currentToken().isScalarValue()) {
                return (Duration) context.handleUnexpectedToken(Duration.class, parser);
            }
            String text = parser.getValueAsString().strip();
            try {
                return ReminderOffset.parse(text);
            } catch (ReminderOffset.Invalid e) {
                return (Duration) context.handleWeirdStringValue(Duration.class, text, e.reason());
            }
        }
    }
}
