package vn.reviewcascade.approval;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.campaign.UnitReviewStarter;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;

/** Sends the unit's signed guidance to its subordinates, which then start their own reviews. */
@Component
public class GuidanceDistributor implements JavaDelegate {

    static final String MESSAGE = "guidanceIssued";

    private final ReportRepository reports;
    private final RuntimeService runtimeService;
    private final EngineClock clock;

    public GuidanceDistributor(ReportRepository reports, RuntimeService runtimeService, EngineClock clock) {
        this.reports = reports;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewScope scope = ReviewScope.of(execution);
        reports.markGuidanceIssued(scope.campaignId(), scope.unitCode(), clock.now());
        for (UnitReport subordinate : reports.findSubordinates(scope.campaignId(), scope.unitCode())) {
            // A subordinate not waiting (its process not yet at the gateway, or past it) reads the mark instead.
            runtimeService.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(UnitReviewStarter.businessKey(scope.campaignId(), subordinate.unitCode()))
                    .correlateAllWithResult();
        }
    }
}
