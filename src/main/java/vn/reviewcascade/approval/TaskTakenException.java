package vn.reviewcascade.approval;

/** A task claimed by someone else: only its assignee completes it. The message is for the user. */
public class TaskTakenException extends RuntimeException {

    public TaskTakenException(String message) {
        super(message);
    }
}
