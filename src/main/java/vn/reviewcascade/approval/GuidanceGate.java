package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;

import vn.reviewcascade.report.ReportRepository;

/** Decides whether a unit must still wait for its parent's guidance (a gateway condition). */
@Component("guidanceGate")
public class GuidanceGate {

    private final ReportRepository reports;

    public GuidanceGate(ReportRepository reports) {
        this.reports = reports;
    }

    /**
     * The row lock taken here orders this check with {@link GuidanceRecorder}: guidance issued before the
     * unit's process got here is seen now, guidance issued after finds the unit subscribed to the message.
     */
    public boolean mustWait(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        return reports.find(key.campaignId(), key.unitCode()).orElseThrow().parentCode() != null
                && !reports.lockAndCheckGuidanceReceived(key.campaignId(), key.unitCode());
    }
}
