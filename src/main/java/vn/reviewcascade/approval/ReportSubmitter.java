package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.report.ReportRepository;

/**
 * Records the signed report as submitted. The unit's own row is the only one written, so any number of
 * subordinates can submit at once without touching their parent's process.
 */
@Component
public class ReportSubmitter implements JavaDelegate {

    private final ReportRepository reports;
    private final EngineClock clock;

    public ReportSubmitter(ReportRepository reports, EngineClock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewScope scope = ReviewScope.of(execution);
        reports.markSubmitted(scope.campaignId(), scope.unitCode(), clock.now());
    }
}
