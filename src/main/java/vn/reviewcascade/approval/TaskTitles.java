package vn.reviewcascade.approval;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.DeadlineFormat;

/**
 * Names each task for the person who sees it in Tasklist: the step, the document and the unit
 * ("Dự thảo báo cáo sơ kết – Huyện ủy Vĩnh Linh"), with the plan and the deadline in its description.
 * The BPMN keeps short element names so the diagram stays readable.
 */
@Component("taskTitles")
public class TaskTitles {

    public void apply(DelegateTask task, String verb) {
        String document = (String) task.getVariable("documentTitle");
        String unit = (String) task.getVariable("unitName");
        Date due = (Date) task.getVariable("dueDate");
        task.setName(verb + " " + document + " – " + unit);
        task.setDescription("Kế hoạch " + task.getVariable("planNumber") + " – " + verb.toLowerCase() + " "
                + document + " của " + unit + ". Hạn: " + DeadlineFormat.label(due.toInstant()) + ".");
    }
}
