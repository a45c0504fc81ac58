package vn.reviewcascade.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes refusals from servlet filters, before any controller runs, in the same JSON as {@link ApiErrors}:
 * {@code {"message": …, "errors": [...]}}, in Vietnamese. Camunda's webapps show the {@code message} field.
 */
@Component
class ErrorResponses {

    private final ObjectMapper json;

    ErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, new ApiErrors.ErrorBody(message, List.of()));
    }

    void write(HttpServletResponse response, int status, ApiErrors.ErrorBody body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
