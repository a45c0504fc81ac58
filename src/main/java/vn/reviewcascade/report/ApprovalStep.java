package vn.reviewcascade.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps every document goes through in {@code documentApproval.bpmn}, each a user task: the unit's drafters
 * draft it, its reviewers check a report, its leaders sign. The one vocabulary for them: task definition keys,
 * the comment history and the forms all use these.
 */
public enum ApprovalStep {
    DRAFT("DraftDocument", "Dự thảo"),
    REVIEW("ReviewDraft", "Thẩm định"),
    SIGN("SignDocument", "Ký duyệt");

    private final String taskKey;
    private final String verb;

    ApprovalStep(String taskKey, String verb) {
        this.taskKey = taskKey;
        this.verb = verb;
    }

    /** The id of the user task in {@code documentApproval.bpmn}. */
    public String taskKey() {
        return taskKey;
    }

    /** "Dự thảo", "Thẩm định", "Ký duyệt": how task names and the comment history name the step. */
    public String verb() {
        return verb;
    }

    public static Optional<ApprovalStep> ofTask(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(step -> step.taskKey.equals(taskDefinitionKey)).findFirst();
    }
}
