package vn.reviewcascade.approval;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;

/**
 * What {@code unitReview.bpmn} asks about its unit — its deadlines, whether it has units below, issues guidance or
 * has a parent, the names of its guidance signals — answered from the business key, the campaign's plan and the
 * report table. The process keeps no variables: every level runs the same process, and what differs per level is
 * the plan's, read here when needed, never copied.
 */
@Component("unitReviews")
public class UnitReviews {

    private final CampaignService campaigns;
    private final ReportService reportService;
    private final ReportRepository reports;
    private final EngineClock clock;

    public UnitReviews(CampaignService campaigns, ReportService reportService, ReportRepository reports,
                       EngineClock clock) {
        this.clock = clock;
        this.campaigns = campaigns;
        this.reportService = reportService;
        this.reports = reports;
    }

    /** When the unit stops waiting for its parent's guidance and writes its report without it. */
    public Date parentGuidanceDue(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        UnitReport parent = reportService.unit(key.campaignId(), unit(key).parentCode());
        return date(campaigns.find(key.campaignId()).deadlines().guidanceDue(parent.level()));
    }

    /** When the unit stops waiting for the reports of the units below and consolidates what it has. */
    public Date subordinatesDue(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        return date(campaigns.find(key.campaignId()).deadlines().subordinatesDue(unit(key).level()));
    }

    public Date reportDue(DelegateExecution execution) {
        return date(unit(ReviewKey.of(execution)).reportDue());
    }

    public boolean hasSubordinates(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        return reports.hasSubordinates(key.campaignId(), key.unitCode());
    }

    /**
     * Whether every unit below has already reported when the unit comes to wait for them, so it consolidates at once:
     * a successor a reorganisation made over units that had all reported would otherwise wait for its deadline, since
     * the units below tell their parent only when they submit. Marked as told, as {@link ParentNotifier} marks it.
     */
    public boolean subordinatesAllReported(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        if (reports.countUnsubmittedSubordinates(key.campaignId(), key.unitCode()) > 0) {
            return false;
        }
        reports.markSubordinatesComplete(key.campaignId(), key.unitCode(), clock.now());
        return true;
    }

    /** Whether the plan has the unit's level write guidance for the level below. */
    public boolean issuesGuidance(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        return issuesGuidance(campaigns.find(key.campaignId()), unit(key).level());
    }

    public boolean hasParent(DelegateExecution execution) {
        return unit(ReviewKey.of(execution)).parentCode() != null;
    }

    /** The signal the unit throws when its guidance is issued. */
    public String guidanceSignal(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        return signal(key.campaignId(), key.unitCode());
    }

    /** The signal the unit waits for: its parent's guidance. */
    public String parentGuidanceSignal(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        return signal(key.campaignId(), unit(key).parentCode());
    }

    static boolean issuesGuidance(Campaign campaign, String level) {
        return campaign.plan().level(level).map(found -> found.issuesGuidance()).orElse(false);
    }

    private UnitReport unit(ReviewKey key) {
        return reportService.unit(key.campaignId(), key.unitCode());
    }

    private static String signal(long campaignId, String unitCode) {
        return "guidance-" + campaignId + "-" + unitCode;
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
