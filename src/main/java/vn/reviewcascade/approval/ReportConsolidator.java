package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.ReportService;

/**
 * Starts the unit's own report from what its subordinates sent: marks the moment (reports arriving later are
 * late additions) and pre-fills the annex with their summed figures.
 */
@Component
public class ReportConsolidator implements JavaDelegate {

    private final ReportRepository reports;
    private final ReportService reportService;
    private final EngineClock clock;

    public ReportConsolidator(ReportRepository reports, ReportService reportService, EngineClock clock) {
        this.reports = reports;
        this.reportService = reportService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        reports.markConsolidated(key.campaignId(), key.unitCode(), clock.now());
        reportService.prefillFromSubordinates(key.campaignId(), key.unitCode());
    }
}
