package vn.reviewcascade.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.approval.ApprovalCompletions;

/**
 * Reads a task completion sent to the engine's REST API ({@code POST …/task/{id}/complete}, and {@code …/resolve},
 * which ends a delegation) before the engine does. A task is completed through this application — its form in
 * Tasklist, or {@code POST /api/tasks/{id}/complete} — which saves the user's input in the application's tables and
 * completes the task without variables; through the engine's REST API only that last step can be sent. So any
 * variable is refused, transient or not, as {@code submit-form} is; and a completion with none is refused when what it
 * would complete is not saved yet (a draft incomplete, a decision not recorded on this task), in Vietnamese, naming
 * what is missing, where the task's {@code complete} listener could only answer with a server error. Nothing changes
 * either way. A user who may not work the task gets the engine's own answer (403), whatever the body; one from
 * outside the task's tenant ({@code UnitTenants}) gets it here, for claiming too, where the engine's tenant check would
 * answer with a server error.
 */
class EngineCompletionCheck extends OncePerRequestFilter {

    private static final Pattern TASK_WORK = Pattern.compile("task/([^/]+)/(complete|resolve|claim|unclaim)");
    private static final String OUTSIDE = "Việc này thuộc một đơn vị ngoài phạm vi của bạn; không có gì được thay đổi.";
    private static final String REFUSED = "Việc này hoàn thành qua biểu mẫu của hệ thống trong Danh sách việc, hoặc POST "
            + "/api/tasks/{id}/complete: nội dung nhập vào được lưu trong hồ sơ báo cáo. Hoàn thành qua /engine-rest không "
            + "nhận biến nào, kể cả biến tạm; không có gì được thay đổi.";

    private final TaskService taskService;
    private final ApprovalCompletions completions;
    private final SystemContext system;
    private final ObjectMapper json;
    private final ErrorResponses errors;

    EngineCompletionCheck(TaskService taskService, ApprovalCompletions completions, SystemContext system, ObjectMapper json,
                          ErrorResponses errors) {
        this.taskService = taskService;
        this.completions = completions;
        this.system = system;
        this.json = json;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String resource = EngineAccessPolicy.resource(request);
        Matcher work = resource == null ? null : TASK_WORK.matcher(resource);
        if (!"POST".equals(request.getMethod()) || work == null || !work.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String taskId = work.group(1);
        Task task = system.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            errors.write(response, HttpServletResponse.SC_NOT_FOUND, "Không có việc '" + taskId + "'");
            return;
        }
        if (!completions.withinTenants(task)) {
            errors.write(response, HttpServletResponse.SC_FORBIDDEN, OUTSIDE);
            return;
        }
        if (work.group(2).endsWith("claim")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        JsonNode read;
        try {
            read = body.length == 0 ? null : json.readTree(body);
        } catch (StreamReadException e) {
            errors.write(response, HttpServletResponse.SC_BAD_REQUEST, ApiErrors.notJson(e, null));
            return;
        }
        HttpServletRequest again = new ReadBody(request, body);
        // Whether this user may work the task at all is the engine's to answer (403), before anything about the body.
        if (!completions.mayWork(task)) {
            chain.doFilter(again, response);
            return;
        }
        List<FieldError> problems = variables(read);
        if (!problems.isEmpty()) {
            errors.write(response, HttpServletResponse.SC_BAD_REQUEST, new ApiErrors.ErrorBody(REFUSED, problems));
            return;
        }
        if ("complete".equals(work.group(2))) {
            try {
                completions.requireRecorded(task);
            } catch (InvalidInputException e) {
                errors.write(response, HttpServletResponse.SC_BAD_REQUEST, new ApiErrors.ErrorBody("Chưa hoàn thành được việc "
                        + "này: " + e.errors().stream().map(FieldError::message).collect(Collectors.joining("; ")), e.errors()));
                return;
            }
        }
        chain.doFilter(again, response);
    }

    /** Every variable the body carries, each named; a body that is not {@code {"variables": {…}}} is named too. */
    private static List<FieldError> variables(JsonNode body) {
        if (body == null) {
            return List.of();
        }
        JsonNode variables = body.path("variables");
        if (!body.isObject() || !variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            return List.of(new FieldError("variables", "Nội dung phải là một đối tượng JSON, không có biến nào: {} hoặc "
                    + "{\"variables\": {}}"));
        }
        List<FieldError> found = new ArrayList<>();
        variables.properties().forEach(variable -> found.add(new FieldError(variable.getKey(),
                "Không nhận biến '" + variable.getKey() + "'")));
        return found;
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
