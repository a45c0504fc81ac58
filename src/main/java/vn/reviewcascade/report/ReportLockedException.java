package vn.reviewcascade.report;

/** An edit to a report that is under review, being signed or already submitted. */
public class ReportLockedException extends RuntimeException {

    public ReportLockedException(String message) {
        super(message);
    }
}
