package vn.reviewcascade.reorganisation;

import java.util.List;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;

/** A reorganisation file refused: every problem with its line (HTTP 400 naming the file), nothing stored. */
public class ReorganisationException extends InvalidInputException {

    public ReorganisationException(List<String> problems) {
        super(problems.stream().map(problem -> new FieldError("file", problem)).toList());
    }
}
