package vn.reviewcascade.campaign;

import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.PlainText;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.audit.AuditAction;
import vn.reviewcascade.audit.AuditLog;
import vn.reviewcascade.notification.MailOutbox;

/**
 * Ends a campaign before its units have all reported: records who ended it, when and why, and deletes the campaign's
 * processes through the engine's API with that reason — each unit's review (with the approval it is running, a
 * called process) and the overdue digest, found by the campaign's business keys ({@code 7/…}). With them go their
 * tasks, timers and reminders: Tasklist lists nothing of the campaign, a form of one of its tasks answers 404.
 * Reports, figures and issued documents stay as they were, readable, and no longer change; the campaign shows as
 * ended. Mails already queued ({@code 7/mail/…}) are still delivered, so the sent log stays true to what was sent.
 */
@Service
public class CampaignEnding {

    /** Tries of one end that meets the campaign's jobs at work; each sees what the one before found changed. */
    private static final int ATTEMPTS = 5;

    private final CampaignService campaigns;
    private final CampaignRepository repository;
    private final RuntimeService runtimeService;
    private final SystemContext system;
    private final EngineClock clock;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    CampaignEnding(CampaignService campaigns, CampaignRepository repository, RuntimeService runtimeService,
                   SystemContext system, EngineClock clock, AuditLog audit, PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.campaigns = campaigns;
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.system = system;
        this.clock = clock;
    }

    /** @param removed how many running processes of the campaign were deleted (its units' and its digest) */
    public record Ended(CampaignEnd end, int removed) {
    }

    /**
     * In one transaction with the engine's deletions (the engine joins Spring's transaction) and the audit entry:
     * should a deletion fail, the campaign is not recorded as ended either, and may be ended again. A campaign's jobs
     * may be running meanwhile — just after its start, the jobs that open its units' processes: one that commits
     * first makes the deletion meet a changed process (the engine's optimistic lock), and the whole end is tried again
     * in a new transaction, which then also finds the processes that job started; one that commits after finds its
     * process gone and is rolled back by the engine.
     *
     * @throws CampaignConflictException when the campaign was ended already
     */
    public Ended end(long campaignId, String reason, String endedBy) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> endOnce(campaignId, reason, endedBy));
            } catch (OptimisticLockingException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Ended endOnce(long campaignId, String reason, String endedBy) {
        Campaign campaign = campaigns.find(campaignId);
        repository.findEnd(campaignId).ifPresent(ended -> {
            throw alreadyEnded(ended);
        });
        CampaignEnd end = new CampaignEnd(campaign.id(), clock.now(), endedBy, PlainText.normalize(reason.strip()));
        try {
            repository.insertEnd(end);
        } catch (DuplicateKeyException e) {
            // Ended by someone else a moment ago; the failed insert leaves this transaction unusable on PostgreSQL.
            throw new CampaignConflictException("Đợt số %d vừa được kết thúc bởi người khác".formatted(campaign.id()));
        }
        // The user's right was checked by the API; deleting processes is the application's own work.
        int removed = system.call(() -> {
            // Top-level instances only: deleting a unit's review deletes the approval it called with it.
            List<String> ids = runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(campaign.id() + "/%")
                    .processDefinitionKeyNotIn(MailOutbox.DELIVERY_PROCESS).rootProcessInstances().list().stream().map(ProcessInstance::getId).toList();
            if (!ids.isEmpty()) {
                // Custom listeners skipped: no work moves on in an ended campaign, so nothing they would announce
                // (task titles, reminders, visibility) happens; its reports keep the state they were in.
                runtimeService.deleteProcessInstances(ids, "Đợt số %d kết thúc: %s".formatted(campaign.id(), end.reason()),
                        true, true);
            }
            return ids.size();
        });
        audit.record(endedBy, AuditAction.CAMPAIGN_ENDED, "campaign", String.valueOf(campaign.id()),
                "%s — lý do: %s (dừng %d quy trình)".formatted(campaign.title(), end.reason(), removed));
        return new Ended(end, removed);
    }

    private static CampaignConflictException alreadyEnded(CampaignEnd ended) {
        return new CampaignConflictException("Đợt số %d đã kết thúc lúc %s (người kết thúc: %s)".formatted(ended.campaignId(),
                DeadlineFormat.label(ended.endedAt()), ended.endedBy()));
    }
}
