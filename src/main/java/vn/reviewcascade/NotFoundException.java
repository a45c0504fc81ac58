package vn.reviewcascade;

/** A campaign, unit or report that does not exist; the message is for the user. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
