package vn.reviewcascade.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.ContentVersion;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.GuidanceService;
import vn.reviewcascade.report.GuidanceService.GuidanceFields;
import vn.reviewcascade.report.ReportConflictException;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReportValidator;

/**
 * Checks what a draft task was completed with (see {@link TaskInputs}) and finishes the draft. Guidance must have
 * its text, given now or saved before. A report's draft: takes the sections and figures of the campaign's plan the
 * draft task was completed with (transient variables, any of them absent if saved before through the API), checks
 * them with the API's own validation, requires the report complete, and stores it. Given {@code reportVersion}, the
 * version the drafter worked on, it refuses to overwrite a report saved since.
 */
@Component
public class DraftChecker implements JavaDelegate {

    private final ReportService reportService;
    private final GuidanceService guidance;
    private final CampaignService campaigns;

    public DraftChecker(ReportService reportService, GuidanceService guidance, CampaignService campaigns) {
        this.campaigns = campaigns;
        this.reportService = reportService;
        this.guidance = guidance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        Plan plan = campaigns.find(key.campaignId()).plan();
        TaskInputs.checkCompleted(execution, plan);
        if (key.kind() == DocumentKind.GUIDANCE) {
            completeGuidance(key, execution);
            return;
        }
        // The guard let through only the plan's sections and figures and the version.
        Map<String, Object> sections = new HashMap<>();
        Map<String, Object> figures = new HashMap<>();
        execution.getVariableNames().forEach(name -> {
            if (plan.section(name).isPresent()) {
                sections.put(name, execution.getVariable(name));
            } else if (plan.indicator(name).isPresent()) {
                figures.put(name, execution.getVariable(name));
            }
        });
        try {
            reportService.completeDraft(plan, key.campaignId(), key.unitCode(), ReportValidator.parse(plan, sections, figures),
                    version(execution, TaskInputs.REPORT_VERSION));
        } catch (InvalidInputException e) {
            throw new TaskInputRejected(e.errors());
        } catch (ReportConflictException e) {
            throw new TaskInputRejected(List.of(new FieldError(TaskInputs.REPORT_VERSION, e.getMessage())), true);
        }
    }

    private void completeGuidance(ReviewKey key, DelegateExecution execution) {
        try {
            guidance.completeDraft(key.campaignId(), key.unitCode(), execution.getVariable(GuidanceFields.TEXT),
                    version(execution, GuidanceFields.VERSION));
        } catch (InvalidInputException e) {
            throw new TaskInputRejected(e.errors());
        } catch (ReportConflictException e) {
            throw new TaskInputRejected(List.of(new FieldError(GuidanceFields.VERSION, e.getMessage())), true);
        }
    }

    private static Integer version(DelegateExecution execution, String field) {
        return ContentVersion.number(ContentVersion.of(execution.getVariable(field), field));
    }
}
