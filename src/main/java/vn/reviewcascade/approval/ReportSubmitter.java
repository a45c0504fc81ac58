package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;

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
        ReviewKey key = ReviewKey.of(execution);
        // Only a signed and numbered report is submitted. An approval that ended any other way (an engine call that
        // ends a process early) must not count as a report: the job fails and shows as an incident.
        if (reports.find(key.campaignId(), key.unitCode()).orElseThrow().documentNumber() == null) {
            throw new IllegalStateException("The report of " + key + " ended its approval without being signed and numbered");
        }
        reports.markSubmitted(key.campaignId(), key.unitCode(), clock.now());
    }
}
