package vn.reviewcascade.campaign;

/** A campaign that would duplicate one still running; the message is for the user. */
public class CampaignConflictException extends RuntimeException {

    public CampaignConflictException(String message) {
        super(message);
    }
}
