package vn.reviewcascade.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.approval.ApprovalTasks;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ReportService;

/**
 * When the approval process reminds the holders of its open task: at each of the campaign's offsets for the
 * unit's level before the document's deadline. Timer expressions in {@code documentApproval.bpmn} call it.
 */
@Component("reminders")
public class ReminderSchedule {

    private final CampaignService campaigns;
    private final ReportService reports;
    private final ApprovalTasks approvals;
    private final EngineClock clock;

    public ReminderSchedule(CampaignService campaigns, ReportService reports, ApprovalTasks approvals, EngineClock clock) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.approvals = approvals;
        this.clock = clock;
    }

    /**
     * The next reminder still ahead. When none is left the deadline itself is returned: the reminder step then
     * finds nothing to send, and the timer has a date, as BPMN requires.
     */
    public Date nextAt(DelegateExecution execution) {
        Instant due = due(execution);
        return Date.from(next(execution, due).orElse(due));
    }

    public boolean hasNext(DelegateExecution execution) {
        return next(execution, due(execution)).isPresent();
    }

    /** Which offset a reminder sent now stands for: the smallest one that is not yet shorter than the time left. */
    Optional<Duration> offsetDueNow(DelegateExecution execution) {
        Duration left = Duration.between(clock.now(), due(execution));
        if (left.isNegative() || left.isZero()) {
            return Optional.empty();
        }
        List<Duration> offsets = offsets(execution);
        return offsets.stream().filter(offset -> offset.compareTo(left) >= 0).min(Comparator.naturalOrder())
                .or(() -> offsets.stream().max(Comparator.naturalOrder()));
    }

    private Optional<Instant> next(DelegateExecution execution, Instant due) {
        Instant now = clock.now();
        return offsets(execution).stream().map(due::minus).filter(at -> at.isAfter(now)).min(Comparator.naturalOrder());
    }

    private List<Duration> offsets(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        return campaigns.find(key.campaignId()).remindersFor(reports.unit(key.campaignId(), key.unitCode()).level());
    }

    Instant due(DelegateExecution execution) {
        return approvals.dueOf(ReviewKey.of(execution));
    }
}
