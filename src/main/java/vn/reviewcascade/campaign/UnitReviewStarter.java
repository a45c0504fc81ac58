package vn.reviewcascade.campaign;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;

/**
 * Starts the review process of one unit. Every level runs the same {@code unitReview} process, with no variables:
 * its business key names the campaign and the unit, and what differs per level (deadlines, guidance, whether there
 * are units below) is read from the campaign's plan and tables when the process needs it (see {@code UnitReviews}).
 */
@Component
public class UnitReviewStarter {

    public static final String PROCESS_KEY = "unitReview";

    private final RuntimeService runtimeService;
    private final ReportRepository reports;

    public UnitReviewStarter(RuntimeService runtimeService, ReportRepository reports) {
        this.runtimeService = runtimeService;
        this.reports = reports;
    }

    /** The process's start event is asynchronous, so this only records a job: cheap even for a wide fan-out. */
    public void start(Campaign campaign, UnitReport unit) {
        String instanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                ReviewKey.unit(campaign.id(), unit.unitCode()).toString()).getId();
        reports.setProcessInstance(campaign.id(), unit.unitCode(), instanceId);
    }
}
