package vn.reviewcascade.approval;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.TableStatistics;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.campaign.UnitReviewStarter;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;

/**
 * Starts the review of each direct subordinate. The tree is opened level by level, each unit in its own
 * job, so no transaction grows with the size of the whole tree.
 */
@Component
public class SubordinateReviewOpener implements JavaDelegate {

    private final CampaignService campaigns;
    private final ReportRepository reports;
    private final UnitReviewStarter starter;
    private final TableStatistics statistics;

    public SubordinateReviewOpener(CampaignService campaigns, ReportRepository reports, UnitReviewStarter starter,
                                   TableStatistics statistics) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.starter = starter;
        this.statistics = statistics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        List<UnitReport> subordinates = reports.findSubordinates(key.campaignId(), key.unitCode());
        if (subordinates.isEmpty()) {
            return;
        }
        Campaign campaign = campaigns.find(key.campaignId());
        for (UnitReport subordinate : subordinates) {
            if (subordinate.processInstanceId() == null) {
                starter.start(campaign, subordinate);
            }
        }
        // Each start is a job, and each review opened holds timers: the opening grows the job table many times over.
        statistics.refreshOnceGrown("ACT_RU_JOB");
    }
}
