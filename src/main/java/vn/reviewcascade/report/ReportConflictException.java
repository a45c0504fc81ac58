package vn.reviewcascade.report;

/**
 * A save based on an older version of the report than the one stored: someone saved in between, and their work
 * would be overwritten. Nothing of the refused save is stored; the message says how to go on.
 */
public class ReportConflictException extends RuntimeException {

    public ReportConflictException(String message) {
        super(message);
    }
}
