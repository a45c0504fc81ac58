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
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.UnitDocuments;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReportValidator;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.security.UnitAccess;

@RestController
@RequestMapping("/api/campaigns/{campaignId}/units/{unitCode}/report")
class ReportController {

    private static final Set<String> BODY_KEYS = Set.of("version", "sections", "figures");

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
    ReportView put(@PathVariable long campaignId, @PathVariable String unitCode, @RequestBody Map<String, Object> body) {
        access.requireEdit(reports.unit(campaignId, unitCode));
        List<FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(key -> !BODY_KEYS.contains(key)).sorted().forEach(key ->
                errors.add(new FieldError(key, "Không có trường '" + key + "'; chỉ có 'version', 'sections' và 'figures'")));
        Map<String, Object> sections = objectField(body, "sections", errors);
        Map<String, Object> figures = objectField(body, "figures", errors);
        Integer version = version(body.get("version"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Plan plan = campaigns.find(campaignId).plan();
        reports.saveDraft(plan, campaignId, unitCode, ReportValidator.parse(plan, sections, figures), version);
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectField(Map<String, Object> body, String key, List<FieldError> errors) {
        Object value = body.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        errors.add(new FieldError(key, "'" + key + "' phải là một đối tượng JSON"));
        return Map.of();
    }

    private static Integer version(Object value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer number && number >= 0) {
            return number;
        }
        errors.add(new FieldError("version", "Số lần lưu (version) phải là số nguyên không âm, không phải " + value));
        return null;
    }
}
