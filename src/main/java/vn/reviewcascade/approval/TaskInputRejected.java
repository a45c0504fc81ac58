package vn.reviewcascade.approval;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import vn.reviewcascade.FieldError;

/**
 * Refuses the variables a task was completed with. It extends the engine's FormFieldValidationException
 * (an engine.impl class) for one reason: that is the only exception the REST API's task completion and
 * form submission answer with HTTP 400 rather than 500. Thrown from a service task right after the user
 * task, it rolls back the completion, so nothing is stored.
 */
public class TaskInputRejected extends FormFieldValidationException {

    private final List<FieldError> errors;

    public TaskInputRejected(List<FieldError> errors) {
        super(errors.isEmpty() ? null : errors.get(0).field(), "Dữ liệu không hợp lệ – "
                + String.join("; ", errors.stream().map(FieldError::message).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
