package vn.reviewcascade.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.approval.TaskTakenException;
import vn.reviewcascade.campaign.CampaignConflictException;
import vn.reviewcascade.document.IssuedDocumentAlteredException;
import vn.reviewcascade.plan.PlanException;
import vn.reviewcascade.report.ReportConflictException;
import vn.reviewcascade.report.ReportLockedException;
import vn.reviewcascade.security.AccessDeniedException;
import vn.reviewcascade.unit.UnitTreeException;

/**
 * Turns refusals into JSON bodies with Vietnamese messages: {"message": …, "errors": [{field, message}]}, 400 for
 * bad input (nothing stored), 403, 404, 409 for a report that may not change or changed meanwhile, 413 for a file
 * too large. Whatever the cause, the user reads Vietnamese; an unexpected failure is logged and answered 500.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    record ErrorBody(String message, List<FieldError> errors) {
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ErrorBody> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("Dữ liệu không hợp lệ", e.errors()));
    }

    /** A body that Bean Validation refused ({@code @Valid}): every wrong field with the message its constraint gives. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> notValid(MethodArgumentNotValidException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("Dữ liệu không hợp lệ", e.getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage())).toList()));
    }

    /** A plan file refused: every problem with its line. */
    @ExceptionHandler(UnitTreeException.class)
    ResponseEntity<ErrorBody> unitTree(UnitTreeException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("Tệp cây đơn vị không dùng được; không có gì được lưu",
                e.problems().stream().map(problem -> new FieldError("file", problem)).toList()));
    }

    @ExceptionHandler(PlanException.class)
    ResponseEntity<ErrorBody> plan(PlanException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("Tệp kế hoạch không dùng được; không có gì được lưu",
                e.problems().stream().map(problem -> new FieldError("plan", problem)).toList()));
    }

    /** A stored issued document that fails its hash check: never served, and the administrators are told by the log. */
    @ExceptionHandler(IssuedDocumentAlteredException.class)
    ResponseEntity<ErrorBody> altered(IssuedDocumentAlteredException e) {
        return status(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorBody> notFound(NotFoundException e) {
        return status(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorBody> denied(AccessDeniedException e) {
        return status(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** The engine refused what the API's own checks let through: still a refusal, never a server error. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ErrorBody> engineDenied(AuthorizationException e) {
        return status(HttpStatus.FORBIDDEN, "Bạn không có quyền thực hiện thao tác này (" + e.getUserId() + ")");
    }

    @ExceptionHandler({ReportConflictException.class, TaskTakenException.class, ReportLockedException.class,
            CampaignConflictException.class})
    ResponseEntity<ErrorBody> conflict(RuntimeException e) {
        return status(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A body that is not JSON, or JSON of the wrong shape: names the field when Jackson knows it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return fields(new FieldError(field, "Không có trường '" + unknown.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : "; chỉ có: " + known)));
        }
        // A value Jackson handed to a type that refused it, with the type's own words (ContentVersion).
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof InvalidInputException invalid) {
            return invalid(invalid);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return status(HttpStatus.BAD_REQUEST, "Nội dung yêu cầu phải là một đối tượng JSON {…} đúng cấu trúc (xem docs/api.md)");
            }
            String field = path(mismatch);
            return fields(new FieldError(field, "Trường '" + field + "' phải là " + typeName(mismatch.getTargetType())));
        }
        if (cause instanceof StreamReadException read) {
            return ResponseEntity.badRequest().body(notJson(read, null));
        }
        // A number beyond its field's type met while binding an object: Jackson names the field it was binding.
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamReadException read) {
            return ResponseEntity.badRequest().body(notJson(read, path(mapping)));
        }
        return status(HttpStatus.BAD_REQUEST, "Nội dung yêu cầu không đọc được: phải là JSON đúng cấu trúc (xem docs/api.md)");
    }

    /**
     * A body that could not be read as JSON at all, naming the field being read when it failed: a byte that is not
     * UTF-8, NaN or Infinity (not numbers in JSON), a number beyond its field's type, or broken syntax. Also for the
     * engine's REST API, whose bodies {@link EngineCompletionCheck} reads first.
     *
     * @param bound the field being bound when it failed, or null: named when the parser cannot say where it was
     *              reading, else the parser's place is named, deeper in a body's maps ({@code figures.partyMembers})
     */
    static ErrorBody notJson(StreamReadException e, String bound) {
        String reading = e.getProcessor() == null ? "" : path(e.getProcessor().getParsingContext());
        String field = reading.isEmpty() && bound != null ? bound : reading;
        String where = e.getLocation() == null ? "" : " (dòng %d, cột %d)".formatted(e.getLocation().getLineNr(),
                e.getLocation().getColumnNr());
        String problem = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String named = field.isEmpty() ? "Nội dung yêu cầu" : "Trường '" + field + "'";
        String message;
        if (e instanceof InputCoercionException coercion) {
            message = named + " phải là " + typeName(coercion.getTargetType()) + "; giá trị gửi lên quá lớn hoặc quá nhỏ";
        } else if (problem.startsWith("Invalid UTF-8")) {
            message = named + " có byte không phải UTF-8" + where + ": nội dung phải được mã hóa UTF-8";
        } else if (problem.startsWith("Non-standard token")) {
            message = named + " không phải số: NaN và Infinity không phải số trong JSON" + where;
        } else {
            message = "Nội dung yêu cầu không phải JSON hợp lệ" + where;
        }
        return new ErrorBody(field.isEmpty() ? message : "Dữ liệu không hợp lệ",
                field.isEmpty() ? List.of() : List.of(new FieldError(field, message)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> badPath(MethodArgumentTypeMismatchException e) {
        String value = String.valueOf(e.getValue());
        return ResponseEntity.badRequest().body(new ErrorBody("Giá trị '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                + "' của " + e.getName() + " không hợp lệ", List.of(new FieldError(e.getName(), "phải là "
                + typeName(e.getRequiredType())))));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ErrorBody> missingPart(Exception e) {
        return ResponseEntity.badRequest().body(new ErrorBody("Thiếu tệp văn bản (trường 'file')",
                List.of(new FieldError("file", "Chưa chọn tệp"))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorBody> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ErrorBody("Tệp văn bản quá lớn (tối đa 10 MB)",
                List.of(new FieldError("file", "Tệp văn bản quá lớn (tối đa 10 MB)"))));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorBody> badMultipart(MultipartException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("Không đọc được tệp gửi lên (multipart/form-data với trường 'file')",
                List.of(new FieldError("file", "Không đọc được tệp gửi lên"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        String supported = e.getSupportedMediaTypes().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Kiểu nội dung " + e.getContentType() + " không được nhận"
                + (supported.isEmpty() ? "" : "; hãy gửi " + supported));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return status(HttpStatus.NOT_ACCEPTABLE, "Không trả lời được theo kiểu nội dung yêu cầu (Accept)");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return status(HttpStatus.METHOD_NOT_ALLOWED, "Địa chỉ này không nhận phương thức " + e.getMethod());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
        return status(HttpStatus.NOT_FOUND, "Không có địa chỉ /" + e.getResourcePath());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("Unexpected failure of an API request", e);
        return status(HttpStatus.INTERNAL_SERVER_ERROR, "Lỗi hệ thống; lỗi đã được ghi lại, hãy thử lại sau hoặc báo quản trị viên");
    }

    private static ResponseEntity<ErrorBody> status(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new ErrorBody(message, List.of()));
    }

    private static ResponseEntity<ErrorBody> fields(FieldError error) {
        return ResponseEntity.badRequest().body(new ErrorBody("Dữ liệu không hợp lệ", List.of(error)));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : String.valueOf(reference.getIndex())).collect(Collectors.joining("."));
    }

    /** "figures.partyMembers": where a parser stood, as {@link #path(JsonMappingException)} names a field. */
    private static String path(JsonStreamContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                names.addFirst(String.valueOf(at.getCurrentIndex()));
            } else if (at.getCurrentName() != null) {
                names.addFirst(at.getCurrentName());
            }
        }
        return String.join(".", names);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "giá trị đúng kiểu";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "số nguyên";
        }
        if (type == String.class) {
            return "văn bản";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "một đối tượng JSON";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "một danh sách JSON";
        }
        return "giá trị đúng kiểu";
    }
}
