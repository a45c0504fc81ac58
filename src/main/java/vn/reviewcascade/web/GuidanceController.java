package vn.reviewcascade.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.GuidanceService;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.UnitDocuments;
import vn.reviewcascade.security.UnitAccess;

/**
 * The guidance a unit issues to the units below it: read by them and by those who read the unit's report; written
 * by its guidance drafters while it is drafted.
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/units/{unitCode}/guidance")
class GuidanceController {

    private static final Set<String> BODY_KEYS = Set.of("version", "text");

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

    @GetMapping
    GuidanceService.GuidanceView get(@PathVariable long campaignId, @PathVariable String unitCode) {
        access.requireReadGuidance(reports.unit(campaignId, unitCode));
        return guidance.view(campaignId, unitCode);
    }

    /** Saves the text: {"version": 2, "text": "…"}; with {@code version}, a guidance saved since is not overwritten. */
    @PutMapping
    GuidanceService.GuidanceView put(@PathVariable long campaignId, @PathVariable String unitCode,
                                     @RequestBody Map<String, Object> body) {
        access.requireEditGuidance(reports.unit(campaignId, unitCode));
        List<FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(key -> !BODY_KEYS.contains(key)).sorted().forEach(key ->
                errors.add(new FieldError(key, "Không có trường '" + key + "'; chỉ có 'version' và 'text'")));
        Object version = body.get("version");
        if (version != null && !(version instanceof Integer number && number >= 0)) {
            errors.add(new FieldError("version", "Số lần lưu (version) phải là số nguyên không âm, không phải " + version));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        guidance.saveDraft(campaignId, unitCode, body.get("text"), (Integer) version);
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
