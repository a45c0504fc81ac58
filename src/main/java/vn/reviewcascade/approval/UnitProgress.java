package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;

/** What the unit's process asks of its facts (a gateway condition). */
@Component("unitProgress")
public class UnitProgress {

    private final ReportRepository reports;

    public UnitProgress(ReportRepository reports) {
        this.reports = reports;
    }

    /**
     * Whether the unit's report is in. Its deadline timer can fire in the moment between submission and the end
     * of its process (the parent is told in a job of its own); such a unit is not overdue.
     */
    public boolean submitted(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        return reports.find(key.campaignId(), key.unitCode()).map(UnitReport::submitted).orElse(false);
    }
}
