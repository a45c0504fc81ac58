package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;

/** Decides whether a unit must still wait for its parent's guidance (a gateway condition). */
@Component("guidanceGate")
public class GuidanceGate {

    private final ReportRepository reports;
    private final CampaignService campaigns;

    public GuidanceGate(ReportRepository reports, CampaignService campaigns) {
        this.reports = reports;
        this.campaigns = campaigns;
    }

    /**
     * Only a unit whose parent's level issues guidance waits. The row lock taken here orders this check with
     * {@link GuidanceRecorder}: guidance issued before the unit's process got here is seen now, guidance issued
     * after finds the unit subscribed to the signal.
     */
    public boolean mustWait(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        UnitReport unit = reports.find(key.campaignId(), key.unitCode()).orElseThrow();
        if (unit.parentCode() == null) {
            return false;
        }
        String parentLevel = reports.find(key.campaignId(), unit.parentCode()).orElseThrow().level();
        return UnitReviews.issuesGuidance(campaigns.find(key.campaignId()), parentLevel)
                && !reports.lockAndCheckGuidanceReceived(key.campaignId(), key.unitCode());
    }
}
