package vn.reviewcascade.document;

/** An issued document whose stored file no longer matches the hash taken when it was signed; the message is for users. */
public class IssuedDocumentAlteredException extends RuntimeException {

    public IssuedDocumentAlteredException(String message) {
        super(message);
    }
}
