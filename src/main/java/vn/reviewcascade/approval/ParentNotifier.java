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
        tellIfAllReported(key.campaignId(), parentCode);
    }

    /**
     * Tells the parent that every unit it still waits for has reported, if so and if no one told it before; true if
     * this call told it. A reorganisation calls it too, for a parent that now waits for other units than before.
     */
    public boolean tellIfAllReported(long campaignId, String parentCode) {
        if (reports.countUnsubmittedSubordinates(campaignId, parentCode) == 0
                && reports.markSubordinatesComplete(campaignId, parentCode, clock.now())) {
            runtimeService.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(ReviewKey.unit(campaignId, parentCode).toString())
                    .correlateAllWithResult();
            return true;
        }
        return false;
    }
}
