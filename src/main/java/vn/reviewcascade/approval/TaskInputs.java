package vn.reviewcascade.approval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.GuidanceService;
import vn.reviewcascade.report.ReportValidator;

/**
 * What each user task of {@code documentApproval.bpmn} accepts on completion, and the check that refuses anything
 * else. A draft of a report takes its sections, its figures and the version of the report they were written on; a
 * draft of guidance its text and version; review and sign-off take a decision and a comment. Every input must be a transient
 * variable: the engine keeps no copy of it, neither as a process variable nor in history; the delegates that
 * follow store it in the application's tables, the one home of a report's content.
 *
 * <p>The approval process has no variables of its own (everything it needs comes from its business key), so
 * every variable the step after a user task sees was sent with the task's completion. The service task right
 * after each user task checks first; refusing rolls the completion back, with nothing stored. (A task listener
 * could not refuse with HTTP 400: the engine wraps what listeners throw.)
 */
public final class TaskInputs {

    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";
    public static final String REPORT_VERSION = "reportVersion";

    private TaskInputs() {
    }

    /** The names a task of this step accepts for a document of this kind. */
    public static Set<String> accepted(Plan plan, ApprovalStep step, DocumentKind kind) {
        Set<String> names = new LinkedHashSet<>();
        switch (step) {
            case DRAFT -> {
                if (kind == DocumentKind.REPORT) {
                    names.addAll(ReportValidator.inputKeys(plan));
                    names.add(REPORT_VERSION);
                } else {
                    names.add(GuidanceService.GuidanceFields.TEXT);
                    names.add(GuidanceService.GuidanceFields.VERSION);
                }
            }
            case REVIEW, SIGN -> {
                names.add(APPROVED);
                names.add(COMMENT);
            }
        }
        return names;
    }

    /**
     * Checks the inputs of the user task the current service task follows in the BPMN against the campaign's plan,
     * and names its step: the model says which task was just completed, no variable does.
     */
    static ApprovalStep checkCompleted(DelegateExecution execution, Plan plan) {
        FlowNode current = (FlowNode) execution.getBpmnModelElementInstance();
        ApprovalStep step = current.getPreviousNodes().filterByType(UserTask.class).list().stream()
                .map(task -> ApprovalStep.ofTask(task.getId())).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException(current.getId() + " does not follow an approval step"));
        check(execution, plan, step);
        return step;
    }

    /** Refuses every input of the completed task that its step does not accept, or that is not transient. */
    private static void check(DelegateExecution execution, Plan plan, ApprovalStep step) {
        DocumentKind kind = ReviewKey.of(execution).kind();
        Set<String> accepted = accepted(plan, step, kind);
        VariableMap variables = execution.getVariablesTyped(false);
        List<FieldError> errors = new ArrayList<>();
        for (String name : variables.keySet()) {
            if (!accepted.contains(name)) {
                errors.add(new FieldError(name, "Việc \"" + step.verb() + " " + kind.title(plan) + "\" không nhận trường '"
                        + name + "'" + (accepted.isEmpty() ? "" : "; chỉ nhận: " + describe(accepted))));
            } else if (!variables.getValueTyped(name).isTransient()) {
                errors.add(new FieldError(name, "Trường '" + name + "' phải gửi dưới dạng biến tạm (valueInfo "
                        + "{\"transient\": true}): nội dung nhập vào việc chỉ được lưu trong hồ sơ báo cáo, không lưu vào biến quy trình"));
            }
        }
        if (!errors.isEmpty()) {
            throw new TaskInputRejected(errors);
        }
    }

    private static String describe(Set<String> accepted) {
        return accepted.size() > 6 ? "các mục, các số liệu của phụ lục và " + REPORT_VERSION : String.join(", ", accepted);
    }
}
