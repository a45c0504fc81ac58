package vn.reviewcascade.report;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.security.UnitAccess;
import vn.reviewcascade.web.Downloads;

@RestController
@RequestMapping("/api/campaigns/{campaignId}/units/{unitCode}/report")
class ReportController {

    private final ReportService reports;
    private final UnitDocuments documents;
    private final UnitAccess access;
    private final CampaignService campaigns;

    ReportController(ReportService reports, UnitDocuments documents, UnitAccess access, CampaignService campaigns) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.documents = documents;
        this.access = access;
    }

    /**
     * A save of a draft: {"version": 3, "sections": {"section1": "…"}, "figures": {"partyMembers": 12}}. The values of
     * sections and figures stay as JSON typed them: {@link ReportValidator} checks them, the one check that a task's
     * completion through {@code /api/tasks/{id}/complete} goes through too.
     */
    record ReportDraft(ContentVersion version, Map<String, Object> sections, Map<String, Object> figures) {
    }

    @GetMapping
    ReportView get(@PathVariable long campaignId, @PathVariable String unitCode) {
        access.requireRead(reports.unit(campaignId, unitCode));
        return reports.view(campaignId, unitCode);
    }

    /**
     * Saves sections and figures: {"version": 3, "sections": {"section1": "…"}, "figures": {"partyMembers": 12}}.
     * Only the keys given change; null clears one. With {@code version}, the version the caller read, a report
     * saved since is not overwritten (409). The whole body is refused if any field is wrong.
     */
    @PutMapping
    ReportView put(@PathVariable long campaignId, @PathVariable String unitCode, @RequestBody ReportDraft body) {
        access.requireEdit(reports.unit(campaignId, unitCode));
        Plan plan = campaigns.find(campaignId).plan();
        reports.saveDraft(plan, campaignId, unitCode, ReportValidator.parse(plan, orEmpty(body.sections()),
                orEmpty(body.figures())), ContentVersion.number(body.version()));
        return reports.view(campaignId, unitCode);
    }

    @PutMapping(path = "/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ReportView.DocumentInfo upload(@PathVariable long campaignId, @PathVariable String unitCode,
                                   @RequestParam("file") MultipartFile file) throws IOException {
        access.requireEdit(reports.unit(campaignId, unitCode));
        reports.attachDocument(campaignId, unitCode, file.getOriginalFilename(), file.getBytes(), access.userId());
        return documents.info(campaignId, unitCode, DocumentKind.REPORT).orElseThrow();
    }

    @GetMapping("/document")
    ResponseEntity<byte[]> download(@PathVariable long campaignId, @PathVariable String unitCode) {
        access.requireRead(reports.unit(campaignId, unitCode));
        UnitDocuments.StoredDocument document = documents.load(campaignId, unitCode, DocumentKind.REPORT)
                .orElseThrow(() -> new NotFoundException("Báo cáo của đơn vị '" + unitCode + "' chưa có tệp văn bản"));
        return Downloads.of(document);
    }

    private static Map<String, Object> orEmpty(Map<String, Object> values) {
        return values == null ? Map.of() : values;
    }
}
