package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.report.UnitStatus;

/**
 * Keeps the unit's status in the report table in step with the process, for the REST API, the organising
 * board's counts and the lock on a report under review. Called from execution listeners in both BPMN files.
 */
@Component("unitProgress")
public class UnitProgress {

    private final ReportRepository reports;

    public UnitProgress(ReportRepository reports) {
        this.reports = reports;
    }

    public void enter(DelegateExecution execution, String status) {
        ReviewKey key = ReviewKey.of(execution);
        reports.updateStatus(key.campaignId(), key.unitCode(), UnitStatus.valueOf(status));
    }

    /**
     * Whether the unit's report is in. Its deadline timer can fire in the moment between submission and the end
     * of its process (the parent is told in a job of its own); such a unit is not overdue.
     */
    public boolean submitted(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        return reports.find(key.campaignId(), key.unitCode()).map(UnitReport::submitted).orElse(false);
    }

    /** A step of the approval process (DRAFT, REVIEW or SIGN) of guidance or of a report. */
    public void enterStep(DelegateExecution execution, String step) {
        ReviewKey key = ReviewKey.of(execution);
        boolean guidance = key.kind() == DocumentKind.GUIDANCE;
        UnitStatus status = switch (ApprovalStep.valueOf(step)) {
            case DRAFT -> guidance ? UnitStatus.DRAFTING_GUIDANCE : UnitStatus.DRAFTING;
            case REVIEW -> UnitStatus.IN_REVIEW;
            case SIGN -> guidance ? UnitStatus.SIGNING_GUIDANCE : UnitStatus.SIGNING;
        };
        reports.updateStatus(key.campaignId(), key.unitCode(), status);
    }
}
