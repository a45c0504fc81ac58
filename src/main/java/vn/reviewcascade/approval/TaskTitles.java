package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.DeadlineFormat;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;

/**
 * Names each task for the person who sees it in Tasklist: the step, the document and the unit
 * ("Dự thảo báo cáo sơ kết – Huyện ủy Vĩnh Linh"), with the campaign, the plan and the deadline in its
 * description. The BPMN keeps short element names so the diagram stays readable.
 */
@Component("taskTitles")
public class TaskTitles {

    private final ReportService reports;
    private final CampaignService campaigns;

    public TaskTitles(ReportService reports, CampaignService campaigns) {
        this.reports = reports;
        this.campaigns = campaigns;
    }

    public void apply(DelegateTask task) {
        ReviewKey key = ReviewKey.of(task);
        ApprovalStep step = ApprovalStep.ofTask(task.getTaskDefinitionKey()).orElseThrow();
        UnitReport unit = reports.unit(key.campaignId(), key.unitCode());
        Campaign campaign = campaigns.find(key.campaignId());
        String document = key.kind().title();
        task.setName(step.verb() + " " + document + " – " + unit.unitName());
        task.setDescription("Đợt sơ kết số " + campaign.id() + " (" + campaign.title() + "), Kế hoạch " + campaign.planNumber()
                + ": " + step.verb().toLowerCase() + " " + document + " của " + unit.unitName() + ". Hạn: "
                + DeadlineFormat.label(task.getDueDate().toInstant()) + ".");
    }
}
