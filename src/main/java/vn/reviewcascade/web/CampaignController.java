package vn.reviewcascade.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.PlanTemplate;
import vn.reviewcascade.campaign.StartCampaign;
import vn.reviewcascade.report.CampaignProgress;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitStatus;
import vn.reviewcascade.security.UnitAccess;
import vn.reviewcascade.unit.Level;

@RestController
@RequestMapping("/api")
class CampaignController {

    private final CampaignService campaigns;
    private final ReportRepository reports;
    private final UnitAccess access;

    CampaignController(CampaignService campaigns, ReportRepository reports, UnitAccess access) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.access = access;
    }

    record Created(long id) {
    }

    record CampaignSummary(long id, String planNumber, String title, String rootUnit, String organisingGroup,
                           Map<String, Instant> deadlines, Instant startedAt, String startedBy,
                           CampaignProgress progress) {
    }

    record UnitState(String unitCode, String unitName, Level level, String parentCode, UnitStatus status,
                        String statusLabel, Instant reportDue, boolean overdue, Instant submittedAt,
                        boolean submittedLate, String documentNumber, String processInstanceId) {
    }

    @GetMapping("/plans")
    List<PlanTemplate> plans() {
        return campaigns.templates();
    }

    @PostMapping("/campaigns")
    ResponseEntity<Created> start(@RequestBody StartCampaign request) {
        access.requireSeesEverything("bắt đầu đợt sơ kết");
        Campaign campaign = campaigns.start(request, access.userId());
        return ResponseEntity.created(URI.create("/api/campaigns/" + campaign.id())).body(new Created(campaign.id()));
    }

    @GetMapping("/campaigns")
    List<CampaignSummary> list() {
        return campaigns.findAll().stream().map(this::summary).toList();
    }

    @GetMapping("/campaigns/{id}")
    CampaignSummary get(@PathVariable long id) {
        return summary(campaigns.find(id));
    }

    @GetMapping("/campaigns/{id}/units")
    List<UnitState> units(@PathVariable long id) {
        campaigns.find(id);
        return access.readable(reports.findAll(id)).stream().map(unit -> new UnitState(unit.unitCode(), unit.unitName(), unit.level(),
                unit.parentCode(), unit.status(), unit.status().label(), unit.reportDue(), unit.overdue(),
                unit.submittedAt(), unit.submittedLate(), unit.documentNumber(), unit.processInstanceId())).toList();
    }

    private CampaignSummary summary(Campaign campaign) {
        return new CampaignSummary(campaign.id(), campaign.planNumber(), campaign.title(), campaign.rootUnit(),
                campaign.organisingGroup(), campaign.deadlines().byName(), campaign.startedAt(), campaign.startedBy(),
                reports.progress(campaign.id()));
    }
}
