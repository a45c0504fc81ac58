package vn.reviewcascade.dashboard;

import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.security.AccessDeniedException;
import vn.reviewcascade.security.UnitAccess;
import vn.reviewcascade.web.Downloads;

/**
 * The organising board's dashboard API, which its page (/dashboard) reads: reporting rates, a unit opened with
 * its subordinates and figures, submissions over time. The observer boards see the whole campaign; a unit's people
 * their unit and everything below it, starting from their highest unit in the campaign when they name none.
 */
@RestController
@RequestMapping("/api/campaigns/{id}")
class DashboardController {

    private final CampaignService campaigns;
    private final ReportRepository reports;
    private final DashboardQueries queries;
    private final UnitAccess access;

    DashboardController(CampaignService campaigns, ReportRepository reports, DashboardQueries queries, UnitAccess access) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.queries = queries;
        this.access = access;
    }

    /** Rates per level of the unit's subtree, and per unit waiting for reports in it (paged, worst first). */
    @GetMapping("/rates")
    CampaignRates rates(@PathVariable long id, @RequestParam(required = false) String unit,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Campaign campaign = campaigns.find(id);
        return queries.rates(campaign, scope(campaign, unit), page, size);
    }

    /** The same rates as an Excel workbook: per level, and every unit waiting for reports in the scope (not a page). */
    @GetMapping("/rates.xlsx")
    ResponseEntity<byte[]> ratesWorkbook(@PathVariable long id, @RequestParam(required = false) String unit) {
        Campaign campaign = campaigns.find(id);
        String scope = scope(campaign, unit);
        byte[] workbook = RatesWorkbook.write(campaign, queries.rates(campaign, scope, 0, 1),
                queries.allParentRates(campaign, scope));
        return Downloads.of("ti-le-bao-cao-dot-" + id + "-" + scope + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);
    }

    /** The unit, the way down to it, a page of the units directly under it, its figures rolled up. */
    @GetMapping("/units/{unit}/dashboard")
    DrillDown drillDown(@PathVariable long id, @PathVariable String unit, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        Campaign campaign = campaigns.find(id);
        scope(campaign, unit);
        DrillDown view = queries.drillDown(campaign, unit, page, size).orElseThrow();
        if (access.seesEverything()) {
            return view;
        }
        // The way down starts at the highest of the user's own units on it: what lies above is not theirs to see.
        Set<String> own = access.ownUnitCodes();
        List<DrillDown.PathStep> path = view.path();
        int from = 0;
        while (from < path.size() && !own.contains(path.get(from).unitCode())) {
            from++;
        }
        return new DrillDown(view.campaignId(), view.node(), path.subList(from, path.size()), view.predecessors(),
                view.children(), view.figures(), view.contributions());
    }

    /** Per level, the reports submitted each day and in all up to it, with the level's deadline. */
    @GetMapping("/submissions")
    List<LevelSubmissions> submissions(@PathVariable long id, @RequestParam(required = false) String unit) {
        Campaign campaign = campaigns.find(id);
        return queries.submissions(campaign, scope(campaign, unit));
    }

    /**
     * The unit asked for, once the user may see it; without one, the campaign's root for those who see everything
     * and the user's highest unit in the campaign for the others.
     */
    private String scope(Campaign campaign, String unit) {
        if (unit == null) {
            if (access.seesEverything()) {
                return campaign.rootUnit();
            }
            return queries.highest(campaign, access.ownUnitCodes()).orElseThrow(() -> new AccessDeniedException(
                    "Bạn không thuộc đơn vị nào trong đợt số " + campaign.id() + " nên không xem được tiến độ của đợt"));
        }
        UnitReport report = reports.find(campaign.id(), unit).orElseThrow(() ->
                new NotFoundException("Không có đơn vị '" + unit + "' trong đợt số " + campaign.id()));
        if (!access.canRead(report)) {
            throw new AccessDeniedException("Bạn không có quyền xem tiến độ của " + report.unitName()
                    + ": chỉ xem được đơn vị của mình và các đơn vị cấp dưới");
        }
        return unit;
    }
}
