package vn.reviewcascade.approval;

import java.util.List;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;

/**
 * A task of an approval that may not be completed yet: its draft is not complete as saved, or its decision is not
 * recorded. Answered as bad input (400), naming what is missing; thrown by the task's {@code complete} listener too,
 * where it rolls the completion back.
 */
public class CompletionRefused extends InvalidInputException {

    public CompletionRefused(List<FieldError> errors) {
        super(errors);
    }
}
