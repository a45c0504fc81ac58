package vn.reviewcascade.signature;

import vn.reviewcascade.InvalidInputException;

/** A PDF whose signature cannot be accepted: the message tells the uploader why, in Vietnamese. */
public class InvalidSignatureException extends InvalidInputException {

    public InvalidSignatureException(String message) {
        super("file", message);
    }
}
