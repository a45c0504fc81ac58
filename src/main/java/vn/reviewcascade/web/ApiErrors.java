package vn.reviewcascade.web;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.approval.TaskInputRejected;
import vn.reviewcascade.approval.TaskTakenException;
import vn.reviewcascade.report.ReportConflictException;
import vn.reviewcascade.report.ReportLockedException;
import vn.reviewcascade.security.AccessDeniedException;

/** Turns refusals into JSON bodies with Vietnamese messages: {"message": …, "errors": [{field, message}]}. */
@RestControllerAdvice
class ApiErrors {

    record ErrorBody(String message, List<FieldError> errors) {
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ErrorBody> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("Dữ liệu không hợp lệ", e.errors()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorBody> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorBody> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ErrorBody(e.getMessage(), List.of()));
    }

    /** The engine refused what the API's own checks let through: still a refusal, never a server error. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ErrorBody> engineDenied(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ErrorBody(
                "Bạn không có quyền thực hiện thao tác này (" + e.getUserId() + ")", List.of()));
    }

    /** A task's input refused by its guard or its delegates; 409 when it was written on an outdated report. */
    @ExceptionHandler(TaskInputRejected.class)
    ResponseEntity<ErrorBody> taskInput(TaskInputRejected e) {
        return ResponseEntity.status(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST).body(new ErrorBody(
                e.conflict() ? e.errors().get(0).message() : "Dữ liệu không hợp lệ", e.errors()));
    }

    @ExceptionHandler({ReportConflictException.class, TaskTakenException.class})
    ResponseEntity<ErrorBody> conflict(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(ReportLockedException.class)
    ResponseEntity<ErrorBody> locked(ReportLockedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ErrorBody(
                "Nội dung yêu cầu không đọc được: phải là JSON đúng cấu trúc (xem README)", List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> badPath(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("Giá trị '" + e.getValue() + "' của " + e.getName()
                + " không hợp lệ", List.of(new FieldError(e.getName(), "Giá trị không hợp lệ"))));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ErrorBody> missingPart(Exception e) {
        return ResponseEntity.badRequest().body(new ErrorBody("Thiếu tệp văn bản (trường 'file')",
                List.of(new FieldError("file", "Chưa chọn tệp"))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorBody> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ErrorBody("Tệp văn bản quá lớn",
                List.of(new FieldError("file", "Tệp văn bản quá lớn"))));
    }
}
