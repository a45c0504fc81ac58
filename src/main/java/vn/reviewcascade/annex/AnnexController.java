package vn.reviewcascade.annex;

import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.security.UnitAccess;
import vn.reviewcascade.web.Downloads;

/**
 * The annex of figures of a unit and every unit below it, as a workbook: whoever may read the unit's report may
 * read it, as the reports below the unit are theirs to read too; the whole campaign's, whoever may read its root's.
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}")
class AnnexController {

    private final AnnexWorkbooks workbooks;
    private final CampaignService campaigns;
    private final ReportService reports;
    private final UnitAccess access;
    private final EngineClock clock;

    AnnexController(AnnexWorkbooks workbooks, CampaignService campaigns, ReportService reports, UnitAccess access,
                    EngineClock clock) {
        this.workbooks = workbooks;
        this.campaigns = campaigns;
        this.reports = reports;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/units/{unitCode}/annex.xlsx")
    ResponseEntity<StreamingResponseBody> unit(@PathVariable long campaignId, @PathVariable String unitCode) {
        return workbook(campaignId, unitCode);
    }

    @GetMapping("/annex.xlsx")
    ResponseEntity<StreamingResponseBody> campaign(@PathVariable long campaignId) {
        return workbook(campaignId, campaigns.find(campaignId).rootUnit());
    }

    /**
     * Access is checked and the cut-off taken here, on the request's thread, where the user is known; the workbook
     * is written afterwards, on the thread that streams the response.
     */
    private ResponseEntity<StreamingResponseBody> workbook(long campaignId, String unitCode) {
        UnitReport unit = reports.unit(campaignId, unitCode);
        access.requireRead(unit);
        Instant cutOff = clock.now();
        String name = "Phụ lục số liệu – " + unit.unitName() + " – đợt " + campaignId + ".xlsx";
        return Downloads.streamed(name, AnnexWorkbook.CONTENT_TYPE,
                out -> workbooks.write(campaignId, unitCode, cutOff, out));
    }
}
