package vn.reviewcascade.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.SystemContext;

/**
 * Reads a task completion sent to the engine's REST API ({@code POST …/task/{id}/complete}) before the engine does,
 * and refuses in Vietnamese, naming the variable, what the engine would answer in English or with a 500: a body
 * that is not JSON, a task that does not exist, a variable of a type no task of this application takes (Object,
 * JSON- or Java-serialized, Json, Xml, File, Bytes, Date, any unknown type) or whose value does not fit the type it
 * declares ("abc" as Long). The names, values and transience of what is left are the tasks' guards' to check.
 */
class EngineCompletionCheck extends OncePerRequestFilter {

    private static final Pattern COMPLETE = Pattern.compile("task/([^/]+)/complete");
    /** The value types a task's inputs are sent as: sections as text, figures as numbers, decisions as Booleans. */
    private static final List<String> TYPES = List.of("String", "Boolean", "Integer", "Short", "Long", "Double", "Null");

    private final TaskService taskService;
    private final SystemContext system;
    private final ObjectMapper json;
    private final ErrorResponses errors;

    EngineCompletionCheck(TaskService taskService, SystemContext system, ObjectMapper json, ErrorResponses errors) {
        this.taskService = taskService;
        this.system = system;
        this.json = json;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String resource = EngineAccessPolicy.resource(request);
        Matcher complete = resource == null ? null : COMPLETE.matcher(resource);
        if (!"POST".equals(request.getMethod()) || complete == null || !complete.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String taskId = complete.group(1);
        // Whether the task exists at all; whether this user may work it is the engine's to answer (403).
        if (system.call(() -> taskService.createTaskQuery().taskId(taskId).count()) == 0) {
            errors.write(response, HttpServletResponse.SC_NOT_FOUND, "Không có việc '" + taskId + "'");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        List<FieldError> problems;
        try {
            problems = problems(body.length == 0 ? null : json.readTree(body));
        } catch (StreamReadException e) {
            errors.write(response, HttpServletResponse.SC_BAD_REQUEST, ApiErrors.notJson(e, null));
            return;
        }
        if (!problems.isEmpty()) {
            errors.write(response, HttpServletResponse.SC_BAD_REQUEST, new ApiErrors.ErrorBody("Dữ liệu không hợp lệ", problems));
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static List<FieldError> problems(JsonNode body) {
        if (body == null) {
            return List.of();
        }
        JsonNode variables = body.path("variables");
        if (!body.isObject() || !variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            return List.of(new FieldError("variables", "Nội dung phải là một đối tượng JSON {\"variables\": {tên biến: "
                    + "{\"value\": …, \"valueInfo\": {\"transient\": true}}}}"));
        }
        List<FieldError> found = new ArrayList<>();
        variables.properties().forEach(variable -> problem(variable.getKey(), variable.getValue())
                .ifPresent(message -> found.add(new FieldError(variable.getKey(), message))));
        return found;
    }

    private static Optional<String> problem(String name, JsonNode variable) {
        if (!variable.isObject()) {
            return Optional.of("Biến '%s' phải là một đối tượng JSON {\"value\": …, \"valueInfo\": {\"transient\": true}}"
                    .formatted(name));
        }
        JsonNode value = variable.path("value");
        JsonNode declared = variable.path("type");
        if (declared.isMissingNode() || declared.isNull()) {
            // Without a type the engine takes the value's own; an object or a list would become a Java object.
            return value.isContainerNode() ? Optional.of(("Biến '%s' phải là văn bản, số hoặc true/false, không phải một "
                    + "đối tượng hay danh sách JSON").formatted(name)) : Optional.empty();
        }
        // The engine reads a type's name with its first letter in either case ("long" or "Long").
        String text = declared.asText();
        String type = text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        if (!declared.isTextual() || !TYPES.contains(type)) {
            return Optional.of("Biến '%s' có kiểu '%s', kiểu này không được nhận; chỉ nhận %s (hoặc không ghi type)"
                    .formatted(name, declared.isTextual() ? text : declared.toString(), String.join(", ", TYPES)));
        }
        if (value.isMissingNode() || value.isNull() || fits(type, value)) {
            return Optional.empty();
        }
        String shown = value.toString().length() > 40 ? value.toString().substring(0, 40) + "…" : value.toString();
        return Optional.of("Biến '%s' khai báo kiểu %s nhưng giá trị %s không phải %s".formatted(name, type, shown,
                switch (type) {
                    case "String" -> "văn bản";
                    case "Boolean" -> "true hoặc false";
                    case "Double" -> "một số";
                    default -> "số nguyên kiểu " + type;
                }));
    }

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "String" -> value.isTextual();
            case "Boolean" -> value.isBoolean();
            case "Short" -> value.isIntegralNumber() && value.canConvertToInt()
                    && value.intValue() >= Short.MIN_VALUE && value.intValue() <= Short.MAX_VALUE;
            case "Integer" -> value.isIntegralNumber() && value.canConvertToInt();
            case "Long" -> value.isIntegralNumber() && value.canConvertToLong();
            case "Double" -> value.isNumber();
            default -> true;
        };
    }

    /** The request with its body, already read here, readable once more by the engine's REST API. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was read before; it is read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
