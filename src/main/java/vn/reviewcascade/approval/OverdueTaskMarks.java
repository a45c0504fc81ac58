package vn.reviewcascade.approval;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;

/**
 * Marks the open tasks of a unit whose report deadline has just passed, as {@link TaskTitles} marks the tasks
 * created afterwards: "[Quá hạn]" at the head of the name and the highest priority, so the unit's people see in
 * Tasklist's list which of their tasks is late. Runs in the engine's transaction that records the escalation (the
 * event is published there), so the marks and the escalation are stored together or not at all.
 */
@Component
class OverdueTaskMarks {

    private final TaskService taskService;

    OverdueTaskMarks(TaskService taskService) {
        this.taskService = taskService;
    }

    @EventListener
    void onEscalation(EscalationRaised escalation) {
        // The unit's approvals are keyed "<campaign>/<unit>/<GUIDANCE|REPORT>"; the "/" keeps "VL" from matching "VL-A".
        String approvals = ReviewKey.unit(escalation.campaignId(), escalation.unitCode()) + "/%";
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKeyLike(approvals).list()) {
            if (task.getName() != null && !task.getName().startsWith(TaskTitles.OVERDUE)) {
                task.setName(TaskTitles.OVERDUE + task.getName());
                task.setPriority(TaskTitles.OVERDUE_PRIORITY);
                taskService.saveTask(task);
            }
        }
    }
}
