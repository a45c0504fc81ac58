package vn.reviewcascade.security;

/** A request for something the user's units and roles do not cover; the message is for the user. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
