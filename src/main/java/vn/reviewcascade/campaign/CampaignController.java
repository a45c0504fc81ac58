package vn.reviewcascade.campaign;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Objects;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.audit.AuditAction;
import vn.reviewcascade.audit.AuditLog;
import vn.reviewcascade.dashboard.DashboardQueries;
import vn.reviewcascade.dashboard.Page;
import vn.reviewcascade.notification.TimeWords;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.CampaignProgress;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.report.UnitStatus;
import vn.reviewcascade.security.AccessDeniedException;
import vn.reviewcascade.security.UnitAccess;

@RestController
@RequestMapping("/api")
class CampaignController {

    private final CampaignService campaigns;
    private final ReportRepository reports;
    private final UnitAccess access;
    private final EngineClock clock;
    private final DashboardQueries dashboard;
    private final CampaignRepository repository;
    private final AuditLog audit;
    private final CampaignOpening opening;

    CampaignController(CampaignService campaigns, ReportRepository reports, UnitAccess access, EngineClock clock,
                       DashboardQueries dashboard, CampaignRepository repository, AuditLog audit,
                       CampaignOpening opening) {
        this.opening = opening;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.dashboard = dashboard;
        this.campaigns = campaigns;
        this.reports = reports;
        this.access = access;
    }

    record Created(long id) {
    }

    /**
     * @param progress the whole campaign's counts, for the observer boards only (null for anyone else)
     * @param ended    who ended the campaign early, when and why; null while it runs or once done
     * @param opening how far writing its units and opening their reviews is, for the observer boards; null once every
     *                unit's review has opened (and for anyone else)
     */
    record CampaignSummary(long id, String planNumber, int planVersion, String title, String rootUnit, int year,
                           String organisingGroup, Map<String, Map<String, Instant>> deadlines,
                           Map<String, List<String>> reminders, Instant startedAt, String startedBy,
                           CampaignProgress progress, CampaignEnd ended, CampaignOpening.Progress opening) {
    }

    record UnitState(String unitCode, String unitName, String level, String levelName, String parentCode,
                     UnitStatus status, String statusLabel, Instant reportDue, boolean overdue, Instant submittedAt,
                     boolean submittedLate, String documentNumber, String processInstanceId) {
    }

    /** An overdue unit, for the organising board's dashboard: listed under the unit it reports to. */
    record OverdueUnit(String unitCode, String unitName, String level, String levelName, String parentCode,
                       String parentName, Instant reportDue, String reportDueLabel, String lateness,
                       String processInstanceId) {
    }

    /** A campaign with overdue units: how many the user may read, and the first page of them. */
    record CampaignOverdue(long campaignId, String planNumber, String title, Page<OverdueUnit> units) {
    }

    /** The first page of each open campaign's overdue units, as far as the user may read them. */
    @GetMapping("/overdue-units")
    List<CampaignOverdue> overdue(@RequestParam(defaultValue = "20") int size) {
        List<CampaignOverdue> result = new ArrayList<>();
        Map<Long, CampaignEnd> ended = repository.ends();
        for (Campaign campaign : campaigns.findAll()) {
            // An ended campaign's units are no longer awaited.
            if (ended.containsKey(campaign.id())) {
                continue;
            }
            Page<OverdueUnit> first = overduePage(campaign, 0, size);
            if (first.total() > 0) {
                result.add(new CampaignOverdue(campaign.id(), campaign.planNumber(), campaign.title(), first));
            }
        }
        return result;
    }

    /** A page of one campaign's overdue units the user may read, by the unit they report to, then by name. */
    @GetMapping("/campaigns/{id}/overdue-units")
    Page<OverdueUnit> overdue(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size) {
        return overduePage(campaigns.find(id), page, size);
    }

    private Page<OverdueUnit> overduePage(Campaign campaign, int page, int size) {
        int pageSize = Page.size(size);
        int number = Math.max(0, page);
        ReportRepository.UnitPage found = reports.page(campaign.id(), access.seesEverything() ? null : access.ownUnitCodes(),
                new ReportRepository.UnitFilter(null, null, true), ReportRepository.UnitOrder.PARENT_THEN_NAME, number,
                pageSize);
        Map<String, String> parentNames = reports.names(campaign.id(), found.units().stream().map(UnitReport::parentCode)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Instant now = clock.now();
        return new Page<>(number, pageSize, found.total(), found.units().stream()
                .map(unit -> new OverdueUnit(unit.unitCode(), unit.unitName(), unit.level(),
                        campaign.plan().level(unit.level()).map(Plan.Level::name).orElse(unit.level()), unit.parentCode(),
                        unit.parentCode() == null ? null : parentNames.get(unit.parentCode()), unit.reportDue(),
                        DeadlineFormat.label(unit.reportDue()), TimeWords.of(Duration.between(unit.reportDue(), now)),
                        unit.processInstanceId()))
                .toList());
    }

    @PostMapping("/campaigns")
    ResponseEntity<Created> start(@RequestBody StartCampaign request) {
        access.requireSeesEverything("bắt đầu một đợt");
        Campaign campaign = campaigns.start(request, access.userId());
        audit.record(access.userId(), AuditAction.CAMPAIGN_STARTED, "campaign", String.valueOf(campaign.id()),
                "%s — kế hoạch %s (phiên bản %d), từ %s, năm %d".formatted(campaign.title(), campaign.planNumber(),
                        campaign.plan().version(), reports.find(campaign.id(), campaign.rootUnit())
                                .map(UnitReport::unitName).orElse(campaign.rootUnit()), campaign.year()));
        return ResponseEntity.created(URI.create("/api/campaigns/" + campaign.id())).body(new Created(campaign.id()));
    }

    /**
     * The campaigns the user takes part in: all of them for the observer boards, else those that reach one of the
     * user's units. The progress counts cover the whole campaign, so only the observers get them; a unit's people
     * read their own subtree's in {@code …/rates}.
     */
    @GetMapping("/campaigns")
    List<CampaignSummary> list() {
        boolean all = access.seesEverything();
        Set<String> own = all ? Set.of() : access.ownUnitCodes();
        Map<Long, CampaignEnd> ended = repository.ends();
        return campaigns.findAll().stream().filter(campaign -> all || reaches(campaign, own))
                .map(campaign -> summary(campaign, all, ended.get(campaign.id()))).toList();
    }

    @GetMapping("/campaigns/{id}")
    CampaignSummary get(@PathVariable long id) {
        Campaign campaign = campaigns.find(id);
        boolean all = access.seesEverything();
        if (!all && !reaches(campaign, access.ownUnitCodes())) {
            throw new AccessDeniedException("Đợt số " + id + " không có đơn vị nào của bạn nên bạn không xem được");
        }
        return summary(campaign, all, repository.findEnd(id).orElse(null));
    }

    private boolean reaches(Campaign campaign, Set<String> unitCodes) {
        return dashboard.highest(campaign, unitCodes).isPresent();
    }

    /**
     * A page of the campaign's units the user may read (the whole campaign for the observer boards, else the subtrees
     * of the user's units), by code, filtered by level, words in the name or code, or overdue only.
     */
    @GetMapping("/campaigns/{id}/units")
    Page<UnitState> units(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String level,
                          @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean overdue) {
        Plan plan = campaigns.find(id).plan();
        int pageSize = Page.size(size);
        int number = Math.max(0, page);
        ReportRepository.UnitPage found = reports.page(id, access.seesEverything() ? null : access.ownUnitCodes(),
                new ReportRepository.UnitFilter(level, q, overdue), ReportRepository.UnitOrder.CODE, number, pageSize);
        return new Page<>(number, pageSize, found.total(), found.units().stream().map(unit -> new UnitState(
                unit.unitCode(), unit.unitName(), unit.level(), plan.level(unit.level()).map(Plan.Level::name)
                .orElse(unit.level()), unit.parentCode(), unit.status(), unit.status().label(), unit.reportDue(),
                unit.overdue(), unit.submittedAt(), unit.submittedLate(), unit.documentNumber(),
                unit.processInstanceId())).toList());
    }

    private CampaignSummary summary(Campaign campaign, boolean withProgress, CampaignEnd ended) {
        Map<String, List<String>> reminders = new LinkedHashMap<>();
        campaign.reminders().forEach((level, offsets) -> reminders.put(level, offsets.stream().map(Duration::toString).toList()));
        return new CampaignSummary(campaign.id(), campaign.planNumber(), campaign.plan().version(), campaign.title(),
                campaign.rootUnit(), campaign.year(), campaign.organisingGroup(), campaign.deadlines().asMap(), reminders,
                campaign.startedAt(), campaign.startedBy(), withProgress ? reports.progress(campaign.id()) : null, ended,
                withProgress ? opening.progress(campaign, ended != null).orElse(null) : null);
    }
}
