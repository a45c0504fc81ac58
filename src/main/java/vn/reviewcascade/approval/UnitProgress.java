package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.report.UnitStatus;

/**
 * Keeps the unit's status in the report table in step with the process, for the REST API and the
 * organising board's counts. Called from execution listeners in both BPMN files.
 */
@Component("unitProgress")
public class UnitProgress {

    private final ReportRepository reports;

    public UnitProgress(ReportRepository reports) {
        this.reports = reports;
    }

    public void enter(DelegateExecution execution, String status) {
        ReviewScope scope = ReviewScope.of(execution);
        reports.updateStatus(scope.campaignId(), scope.unitCode(), UnitStatus.valueOf(status));
    }

    /**
     * Whether the unit's report is in. Its deadline timer can fire in the moment between submission and the end
     * of its process (the parent is told in a job of its own); such a unit is not overdue.
     */
    public boolean submitted(DelegateExecution execution) {
        ReviewScope scope = ReviewScope.of(execution);
        return reports.find(scope.campaignId(), scope.unitCode()).map(UnitReport::submitted).orElse(false);
    }

    /** A step of the approval process: DRAFT, REVIEW or SIGN, of guidance or of a report. */
    public void enterStep(DelegateExecution execution, String step) {
        boolean guidance = ReviewScope.documentKind(execution) == DocumentKind.GUIDANCE;
        UnitStatus status = switch (step) {
            case "DRAFT" -> guidance ? UnitStatus.DRAFTING_GUIDANCE : UnitStatus.DRAFTING;
            case "REVIEW" -> UnitStatus.IN_REVIEW;
            case "SIGN" -> guidance ? UnitStatus.SIGNING_GUIDANCE : UnitStatus.SIGNING;
            default -> throw new IllegalArgumentException("Unknown approval step " + step);
        };
        enter(execution, status.name());
    }
}
