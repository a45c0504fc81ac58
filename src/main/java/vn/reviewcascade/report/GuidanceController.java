package vn.reviewcascade.report;

import java.io.IOException;

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
import vn.reviewcascade.security.UnitAccess;
import vn.reviewcascade.web.Downloads;

/**
 * The guidance a unit issues to the units below it: read by them and by those who read the unit's report; written
 * by its guidance drafters while it is drafted.
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/units/{unitCode}/guidance")
class GuidanceController {

    private final GuidanceService guidance;
    private final ReportService reports;
    private final UnitDocuments documents;
    private final UnitAccess access;

    GuidanceController(GuidanceService guidance, ReportService reports, UnitDocuments documents, UnitAccess access) {
        this.guidance = guidance;
        this.reports = reports;
        this.documents = documents;
        this.access = access;
    }

    /**
     * A save of the text: {"version": 2, "text": "…"}. The text stays as JSON typed it: {@link GuidanceService} checks
     * it, the one check that task completions through the engine, which hand over raw variables, go through too.
     */
    record GuidanceDraft(ContentVersion version, Object text) {
    }

    @GetMapping
    GuidanceService.GuidanceView get(@PathVariable long campaignId, @PathVariable String unitCode) {
        access.requireReadGuidance(reports.unit(campaignId, unitCode));
        return guidance.view(campaignId, unitCode);
    }

    /** Saves the text: {"version": 2, "text": "…"}; with {@code version}, a guidance saved since is not overwritten. */
    @PutMapping
    GuidanceService.GuidanceView put(@PathVariable long campaignId, @PathVariable String unitCode,
                                     @RequestBody GuidanceDraft body) {
        access.requireEditGuidance(reports.unit(campaignId, unitCode));
        guidance.saveDraft(campaignId, unitCode, body.text(), ContentVersion.number(body.version()));
        return guidance.view(campaignId, unitCode);
    }

    @PutMapping(path = "/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ReportView.DocumentInfo upload(@PathVariable long campaignId, @PathVariable String unitCode,
                                   @RequestParam("file") MultipartFile file) throws IOException {
        access.requireEditGuidance(reports.unit(campaignId, unitCode));
        guidance.attachDocument(campaignId, unitCode, file.getOriginalFilename(), file.getBytes(), access.userId());
        return documents.info(campaignId, unitCode, DocumentKind.GUIDANCE).orElseThrow();
    }

    @GetMapping("/document")
    ResponseEntity<byte[]> download(@PathVariable long campaignId, @PathVariable String unitCode) {
        access.requireReadGuidance(reports.unit(campaignId, unitCode));
        UnitDocuments.StoredDocument document = documents.load(campaignId, unitCode, DocumentKind.GUIDANCE)
                .orElseThrow(() -> new NotFoundException("Kế hoạch hướng dẫn của đơn vị '" + unitCode + "' chưa có tệp văn bản"));
        return Downloads.of(document);
    }
}
