package vn.reviewcascade.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.FieldError;
import vn.reviewcascade.Limits;
import vn.reviewcascade.PlainText;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.report.ReviewComment.Decision;
import vn.reviewcascade.report.ReviewCommentRepository;

/**
 * Records a reviewer's or signer's decision — {@code approved}, a boolean, and {@code comment}, required when
 * returning, both transient inputs of the task — in the report's comment history, its one home, and hands the
 * gateway that follows a transient {@code decision}. It serves the review and the sign-off alike: the step is
 * the user task its service task follows in the BPMN.
 */
@Component
public class DecisionRecorder implements JavaDelegate {

    private final ReviewCommentRepository comments;
    private final IdentityService identityService;
    private final EngineClock clock;
    private final CampaignService campaigns;

    public DecisionRecorder(ReviewCommentRepository comments, IdentityService identityService, EngineClock clock,
                            CampaignService campaigns) {
        this.campaigns = campaigns;
        this.comments = comments;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApprovalStep step = TaskInputs.checkCompleted(execution, campaigns.find(ReviewKey.of(execution).campaignId()).plan());
        Object approved = execution.getVariable(TaskInputs.APPROVED);
        Object comment = execution.getVariable(TaskInputs.COMMENT);
        List<FieldError> errors = new ArrayList<>();
        Boolean decision = null;
        if (approved instanceof Boolean value) {
            decision = value;
        } else if ("true".equals(approved) || "false".equals(approved)) {
            decision = Boolean.valueOf((String) approved);
        }
        if (decision == null) {
            errors.add(new FieldError(TaskInputs.APPROVED, "Phải chọn đồng ý (true) hoặc trả lại để sửa (false)"));
        }
        String text = null;
        if (comment != null && !(comment instanceof String)) {
            errors.add(new FieldError(TaskInputs.COMMENT, "Ý kiến phải là văn bản"));
        } else if (comment != null && !((String) comment).isBlank()) {
            text = PlainText.normalize(((String) comment).strip());
            Optional<String> problem = PlainText.problem(text);
            if (text.length() > Limits.MAX_COMMENT) {
                errors.add(new FieldError(TaskInputs.COMMENT, "Ý kiến dài %,d ký tự, quá giới hạn %,d ký tự"
                        .formatted(text.length(), Limits.MAX_COMMENT)));
            } else if (problem.isPresent()) {
                errors.add(new FieldError(TaskInputs.COMMENT, "Ý kiến " + problem.get()));
            }
        }
        if (Boolean.FALSE.equals(decision) && text == null) {
            errors.add(new FieldError(TaskInputs.COMMENT, "Trả lại để sửa thì phải ghi rõ ý kiến cần sửa"));
        }
        if (!errors.isEmpty()) {
            throw new TaskInputRejected(errors);
        }
        ReviewKey key = ReviewKey.of(execution);
        // The authentication filters (REST, webapps, this application's API) make the acting user the engine's.
        var user = identityService.getCurrentAuthentication();
        comments.add(key.campaignId(), key.unitCode(), new ReviewComment(key.kind(), step,
                decision ? Decision.APPROVED : Decision.RETURNED, user == null ? null : user.getUserId(), text, clock.now()));
        execution.setVariable("decision", Variables.stringValue((decision ? Decision.APPROVED : Decision.RETURNED).name(), true));
    }
}
