package vn.reviewcascade.approval;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ReportRepository;

/**
 * The fan-in. Runs in its own job after the submission has committed; the parent's process is touched only
 * by the one job that finds every sibling submitted and wins the guard update, so a thousand subordinates
 * submitting at once cause no optimistic-locking storm on the parent. The last submission to commit always
 * sees all the others, so the parent is told exactly once. A parent that has already consolidated at its
 * deadline has no subscription left: the late report is counted by the roll-up all the same.
 */
@Component
public class ParentNotifier implements JavaDelegate {

    static final String MESSAGE = "subordinateReportsReceived";

    private final ReportRepository reports;
    private final RuntimeService runtimeService;
    private final EngineClock clock;

    public ParentNotifier(ReportRepository reports, RuntimeService runtimeService, EngineClock clock) {
        this.reports = reports;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        String parentCode = reports.find(key.campaignId(), key.unitCode()).orElseThrow().parentCode();
        if (reports.countUnsubmittedSubordinates(key.campaignId(), parentCode) == 0
                && reports.markSubordinatesComplete(key.campaignId(), parentCode, clock.now())) {
            runtimeService.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(ReviewKey.unit(key.campaignId(), parentCode).toString())
                    .correlateAllWithResult();
        }
    }
}
