package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.report.ReportRepository;

/**
 * Records on each subordinate's row that the unit's guidance was issued. The signal thrown next wakes the
 * subordinates already waiting, each in a job of its own (an asynchronous signal), so a parent with hundreds
 * of subordinates does not continue them all in one transaction. A subordinate whose process has not yet
 * reached its wait finds this mark instead: see {@link GuidanceGate}.
 */
@Component
public class GuidanceRecorder implements JavaDelegate {

    private final ReportRepository reports;
    private final EngineClock clock;

    public GuidanceRecorder(ReportRepository reports, EngineClock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        reports.markGuidanceReceived(key.campaignId(), key.unitCode(), clock.now());
    }
}
