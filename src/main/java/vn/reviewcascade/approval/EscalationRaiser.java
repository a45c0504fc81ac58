package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;

/**
 * Runs when a unit's report deadline passes unsubmitted, at every level alike: records the escalation once
 * (the job may run again after a crash; the escalation table's key makes that harmless), which is the one record
 * that the unit is overdue beside the engine's token waiting at "Báo cáo quá hạn", and publishes
 * {@link EscalationRaised}, the one place notifications hook in.
 */
@Component
public class EscalationRaiser implements JavaDelegate {

    private final JdbcClient jdbc;
    private final ReportService reportService;
    private final CampaignService campaigns;
    private final ApplicationEventPublisher events;
    private final EngineClock clock;

    public EscalationRaiser(JdbcClient jdbc, ReportService reportService,
                            CampaignService campaigns, ApplicationEventPublisher events, EngineClock clock) {
        this.jdbc = jdbc;
        this.reportService = reportService;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        UnitReport unit = reportService.unit(key.campaignId(), key.unitCode());
        boolean alreadyRaised = jdbc.sql("select count(*) from escalation where campaign_id = ? and unit_code = ? and deadline = ?")
                .params(key.campaignId(), key.unitCode(), SqlTimes.at(unit.reportDue()))
                .query(Long.class).single() > 0;
        if (alreadyRaised) {
            return;
        }
        var now = clock.now();
        jdbc.sql("insert into escalation (campaign_id, unit_code, deadline, raised_at) values (?, ?, ?, ?)")
                .params(key.campaignId(), key.unitCode(), SqlTimes.at(unit.reportDue()), SqlTimes.at(now))
                .update();
        Campaign campaign = campaigns.find(key.campaignId());
        events.publishEvent(new EscalationRaised(campaign.id(), campaign.planNumber(), unit.unitCode(), unit.unitName(),
                unit.parentCode(), campaign.organisingGroup(), campaign.plan().documents().report(), unit.reportDue(), now));
    }
}
