package vn.reviewcascade.approval;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.FieldError;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.report.ReviewComment.Decision;
import vn.reviewcascade.report.ReviewComment.ReviewStep;
import vn.reviewcascade.report.ReviewCommentRepository;

/**
 * Records a reviewer's or signer's decision (task variables {@code approved}, a boolean, and {@code comment},
 * required when returning) in the report's comment history, and sets {@code decision} for the gateway.
 * The raw variables are removed, so the next round must decide afresh. The step, REVIEW or SIGN_OFF, is the
 * service task's input parameter {@code step}.
 */
@Component
public class DecisionRecorder implements JavaDelegate {

    private final ReviewCommentRepository comments;
    private final IdentityService identityService;
    private final EngineClock clock;

    public DecisionRecorder(ReviewCommentRepository comments, IdentityService identityService, EngineClock clock) {
        this.comments = comments;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewStep step = ReviewStep.valueOf((String) execution.getVariableLocal("step"));
        Object approved = execution.getVariable("approved");
        Object comment = execution.getVariable("comment");
        List<FieldError> errors = new ArrayList<>();
        Boolean decision = null;
        if (approved instanceof Boolean value) {
            decision = value;
        } else if ("true".equals(approved) || "false".equals(approved)) {
            decision = Boolean.valueOf((String) approved);
        }
        if (decision == null) {
            errors.add(new FieldError("approved", "Phải chọn đồng ý (true) hoặc trả lại để sửa (false)"));
        }
        String text = comment instanceof String s && !s.isBlank() ? s.trim() : null;
        if (comment != null && !(comment instanceof String)) {
            errors.add(new FieldError("comment", "Ý kiến phải là văn bản"));
        } else if (Boolean.FALSE.equals(decision) && text == null) {
            errors.add(new FieldError("comment", "Trả lại để sửa thì phải ghi rõ ý kiến cần sửa"));
        }
        if (!errors.isEmpty()) {
            throw new TaskInputRejected(errors);
        }
        ReviewScope scope = ReviewScope.of(execution);
        // The REST API's authentication filter (and Tasklist) set the engine's current user.
        var user = identityService.getCurrentAuthentication();
        comments.add(scope.campaignId(), scope.unitCode(), new ReviewComment(ReviewScope.documentKind(execution), step,
                decision ? Decision.APPROVED : Decision.RETURNED, user == null ? null : user.getUserId(), text, clock.now()));
        execution.removeVariable("approved");
        execution.removeVariable("comment");
        execution.removeVariable("documentMarkdown");
        execution.setVariable("decision", decision ? Decision.APPROVED.name() : Decision.RETURNED.name());
    }
}
