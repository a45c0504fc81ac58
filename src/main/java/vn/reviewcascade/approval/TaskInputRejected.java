package vn.reviewcascade.approval;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import vn.reviewcascade.FieldError;

/**
 * Refuses what a task was completed with. It extends the engine's FormFieldValidationException (an engine.impl
 * class) for one reason: that is the only exception the engine's REST API answers with HTTP 400 rather than
 * 500 when a completion is refused. Thrown from a task listener or a service task right after the user task,
 * it rolls the completion back, so nothing is stored.
 *
 * @param conflict the input was written on an older version of the report than the one stored (HTTP 409 in
 *                 this application's own API)
 */
public class TaskInputRejected extends FormFieldValidationException {

    private final List<FieldError> errors;
    private final boolean conflict;

    public TaskInputRejected(List<FieldError> errors) {
        this(errors, false);
    }

    public TaskInputRejected(List<FieldError> errors, boolean conflict) {
        super(errors.isEmpty() ? null : errors.get(0).field(),
                String.join("; ", errors.stream().map(FieldError::message).toList()));
        this.errors = List.copyOf(errors);
        this.conflict = conflict;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean conflict() {
        return conflict;
    }
}
