package vn.reviewcascade.reorganisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.audit.AuditAction;
import vn.reviewcascade.audit.AuditLog;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignConflictException;
import vn.reviewcascade.campaign.CampaignOpening;
import vn.reviewcascade.campaign.CampaignRepository;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.security.TasklistFilters;

/**
 * Reads a reorganisation file against the tree as it is now, shows what it would do to each running campaign (the dry
 * run), and applies it: the tree's next version first (served at once to new campaigns), then each campaign in a
 * transaction of its own, so one campaign's failure leaves the others applied and itself as it was. Nothing is
 * applied to any campaign while the dry run finds a problem in one.
 */
@Service
public class ReorganisationService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReorganisationService.class);

    private final TreeVersions versions;
    private final CampaignReorganiser reorganiser;
    private final CampaignService campaigns;
    private final CampaignRepository campaignRepository;
    private final ReportRepository reports;
    private final SystemContext system;
    private final EngineClock clock;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final CampaignOpening opening;
    private final TasklistFilters tasklistFilters;

    ReorganisationService(TreeVersions versions, CampaignReorganiser reorganiser, CampaignService campaigns,
                          CampaignRepository campaignRepository, ReportRepository reports, SystemContext system,
                          EngineClock clock, AuditLog audit, PlatformTransactionManager transactionManager,
                          CampaignOpening opening, TasklistFilters tasklistFilters) {
        this.opening = opening;
        this.tasklistFilters = tasklistFilters;
        this.versions = versions;
        this.reorganiser = reorganiser;
        this.campaigns = campaigns;
        this.campaignRepository = campaignRepository;
        this.reports = reports;
        this.system = system;
        this.clock = clock;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * What the reorganisation does (dry run) or did.
     *
     * @param reorganisationId the tree version it became, or null in a dry run
     */
    public record Result(Long reorganisationId, String decision, java.time.LocalDate effectiveOn, boolean dryRun,
                         ReorganisationChoices choices, List<Reorganisation.Change> changes,
                         List<CampaignReorganiser.Outcome> campaigns) {
    }

    /**
     * @param campaignIds the running campaigns to apply it to, or null for every running campaign
     * @param parameters  the choices the request makes (the merged units' deadlines, each split's report)
     * @throws ReorganisationException the file's problems, each with its line
     * @throws vn.reviewcascade.InvalidInputException a choice that does not fit the file, naming its parameter
     */
    public Result dryRun(String source, Collection<Long> campaignIds, ReorganisationChoices.Parameters parameters) {
        TreeState current = versions.current();
        Reorganisation reorganisation = ReorganisationReader.read(source, current);
        ReorganisationChoices choices = ReorganisationChoices.of(parameters, reorganisation);
        TreeState next = next(current, reorganisation);
        List<CampaignReorganiser.Outcome> outcomes = system.call(() -> running(campaignIds).stream()
                .map(campaign -> reorganiser.dryRun(campaign, reorganisation, next, choices)).toList());
        return new Result(null, reorganisation.decision().label(), reorganisation.effectiveOn(), true, choices,
                reorganisation.changes(), outcomes);
    }

    /**
     * @throws ReorganisationException     the file's problems, each with its line
     * @throws CampaignConflictException   when a campaign cannot take it (the dry run's problems, among them a choice
     *                                     not made, naming its parameter); nothing applied
     */
    public Result apply(String source, Collection<Long> campaignIds, ReorganisationChoices.Parameters parameters,
                        String appliedBy) {
        Result dryRun = dryRun(source, campaignIds, parameters);
        ReorganisationChoices choices = dryRun.choices();
        List<String> problems = dryRun.campaigns().stream().flatMap(outcome -> outcome.problems().stream()
                .map(problem -> "Đợt số %d: %s".formatted(outcome.campaignId(), problem))).toList();
        if (!problems.isEmpty()) {
            throw new CampaignConflictException("Chưa áp dụng được, không có gì thay đổi: " + String.join("; ", problems));
        }
        Instant at = clock.now();
        TreeState current = versions.current();
        Reorganisation reorganisation = ReorganisationReader.read(source, current);
        TreeState next = next(current, reorganisation);
        long id = transactions.execute(status -> {
            long stored = versions.store(reorganisation, current, source, appliedBy, at);
            audit.record(appliedBy, AuditAction.REORGANISATION_APPLIED, "reorganisation", String.valueOf(stored),
                    "%s, hiệu lực từ %s: %d thay đổi; đợt: %s; lựa chọn: %s".formatted(reorganisation.decision().label(),
                            reorganisation.effectiveOn(), reorganisation.changes().size(), dryRun.campaigns().stream()
                                    .map(outcome -> String.valueOf(outcome.campaignId())).collect(Collectors.joining(", ")),
                            choices.describe()));
            return stored;
        });
        try {
            // New campaigns take the units it makes, which get their groups here, before campaigns' tasks name them.
            versions.serveNewest();
        } catch (RuntimeException e) {
            log.error("The unit tree or its groups could not follow reorganisation {} on this node: the tree at its next "
                    + "look, the groups at the next start", id, e);
        }
        List<CampaignReorganiser.Outcome> outcomes = new ArrayList<>();
        for (CampaignReorganiser.Outcome planned : dryRun.campaigns()) {
            Campaign campaign = campaigns.find(planned.campaignId());
            try {
                outcomes.add(transactions.execute(status -> system.call(() ->
                        reorganiser.apply(campaign, reorganisation, next, choices, id, appliedBy, at))));
            } catch (RuntimeException e) {
                // Its transaction rolled back: the campaign is as it was, and the others go on. The board sees why.
                log.error("Reorganisation {} could not be applied to campaign {}", id, campaign.id(), e);
                outcomes.add(new CampaignReorganiser.Outcome(campaign.id(), campaign.title(), false,
                        List.of("Không áp dụng được cho đợt này, đợt giữ nguyên: " + e.getMessage()), List.of(), List.of(), 0,
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
            }
        }
        try {
            // The reviewers' "Đơn vị cấp dưới" filters show the units each unit has now.
            transactions.executeWithoutResult(status -> system.run(tasklistFilters::follow));
        } catch (RuntimeException e) {
            log.error("The Tasklist filters could not follow reorganisation {}; they will at the next start", id, e);
        }
        return new Result(id, reorganisation.decision().label(), reorganisation.effectiveOn(), false, choices,
                reorganisation.changes(), outcomes);
    }

    private static TreeState next(TreeState current, Reorganisation reorganisation) {
        TreeState next = current.copy();
        reorganisation.changes().forEach(next::apply);
        return next;
    }

    /**
     * The campaigns still running: not ended early, and their root's report not yet submitted. A campaign whose units
     * are still being written (a large one, for a few minutes after its start) takes no reorganisation until they all
     * are: its rows are the tree it is changed against.
     */
    private List<Campaign> running(Collection<Long> campaignIds) {
        List<Campaign> running = chosenOrRunning(campaignIds);
        running.stream().filter(campaign -> opening.writing(campaign.id())).findFirst().ifPresent(campaign -> {
            throw new CampaignConflictException(("Đợt số %d đang ghi các đơn vị của đợt: áp dụng sắp xếp tổ chức sau khi "
                    + "ghi xong (xem tiến độ ở trang Văn phòng)").formatted(campaign.id()));
        });
        return running;
    }

    private List<Campaign> chosenOrRunning(Collection<Long> campaignIds) {
        if (campaignIds != null) {
            List<Campaign> chosen = new ArrayList<>();
            for (Long id : campaignIds) {
                Campaign campaign = campaigns.find(id);
                if (!isRunning(campaign)) {
                    throw new CampaignConflictException("Đợt số %d không còn chạy: không áp dụng sắp xếp tổ chức".formatted(id));
                }
                chosen.add(campaign);
            }
            return chosen;
        }
        return campaigns.findAll().stream().filter(this::isRunning).toList();
    }

    private boolean isRunning(Campaign campaign) {
        return campaignRepository.findEnd(campaign.id()).isEmpty()
                && reports.find(campaign.id(), campaign.rootUnit()).map(root -> !root.submitted()).orElse(false);
    }
}
