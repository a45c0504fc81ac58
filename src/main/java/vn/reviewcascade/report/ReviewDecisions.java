package vn.reviewcascade.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.Limits;
import vn.reviewcascade.PlainText;
import vn.reviewcascade.report.ReviewComment.Decision;

/**
 * A reviewer's or signer's decision on a draft — approve it, or return it for changes with a comment saying what
 * to change — kept in the document's comment history, its one home, with the task it was given on. The approval's
 * gateways read it from there ({@link #latest}), and a review or sign-off task is completed only once its decision
 * is recorded ({@link #decisionOn}).
 */
@Service
public class ReviewDecisions {

    /** The fields of a decision, as the task's form and the API name them. */
    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";

    private final ReviewCommentRepository comments;
    private final EngineClock clock;

    public ReviewDecisions(ReviewCommentRepository comments, EngineClock clock) {
        this.comments = comments;
        this.clock = clock;
    }

    /**
     * Checks and records a decision on a task of a review or sign-off.
     *
     * @param approved true to approve, false to return for changes; JSON's true or false, anything else is refused
     * @param comment  text, required when returning
     * @throws InvalidInputException naming {@code approved} or {@code comment}; nothing is recorded
     */
    public ReviewComment record(long campaignId, String unitCode, DocumentKind kind, ApprovalStep step, String taskId,
                                Object approved, Object comment, String author) {
        if (step == ApprovalStep.DRAFT) {
            throw new IllegalArgumentException("A draft is not decided on: " + taskId);
        }
        List<FieldError> errors = new ArrayList<>();
        if (!(approved instanceof Boolean)) {
            errors.add(new FieldError(APPROVED, "Hãy chọn Đồng ý hoặc Trả lại để sửa"));
        }
        String text = null;
        if (comment != null && !(comment instanceof String)) {
            errors.add(new FieldError(COMMENT, "Ý kiến phải là văn bản"));
        } else if (comment != null && !((String) comment).isBlank()) {
            text = PlainText.normalize(((String) comment).strip());
            Optional<String> problem = PlainText.problem(text);
            if (text.length() > Limits.MAX_COMMENT) {
                errors.add(new FieldError(COMMENT, "Ý kiến dài %,d ký tự, quá giới hạn %,d ký tự"
                        .formatted(text.length(), Limits.MAX_COMMENT)));
            } else if (problem.isPresent()) {
                errors.add(new FieldError(COMMENT, "Ý kiến " + problem.get()));
            }
        }
        if (Boolean.FALSE.equals(approved) && text == null && errors.stream().noneMatch(e -> COMMENT.equals(e.field()))) {
            errors.add(new FieldError(COMMENT, "Trả lại để sửa thì phải ghi rõ ý kiến cần sửa"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ReviewComment recorded = new ReviewComment(kind, step, (Boolean) approved ? Decision.APPROVED : Decision.RETURNED,
                author, null, text, clock.now());
        comments.add(campaignId, unitCode, recorded, taskId);
        return recorded;
    }

    /** The decision recorded on the task, if any: a review or sign-off task is completed only with one. */
    public Optional<Decision> decisionOn(String taskId) {
        return comments.decisionOn(taskId);
    }

    /**
     * The decision given last at this step of the document: the one recorded on the task just completed, since a
     * task of the step is completed only once its own decision is recorded, in the same transaction.
     */
    public Optional<Decision> latest(long campaignId, String unitCode, DocumentKind kind, ApprovalStep step) {
        return comments.latest(campaignId, unitCode, kind, step);
    }
}
