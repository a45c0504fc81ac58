package vn.reviewcascade.web;

import java.io.IOException;
import java.util.Optional;

import org.springframework.http.MediaType;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.document.IssuedDocuments;
import vn.reviewcascade.document.WrittenDocument;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.security.UnitAccess;

/**
 * A unit's guidance and report as written documents: once issued, the PDF as signed (checked against its hash) and
 * its DOCX; before, a draft rendered from what is saved now, marked "DỰ THẢO", for the reviewers and the leader.
 * Whoever may read the report (or the guidance) may read its document.
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/units/{unitCode}")
class WrittenDocumentController {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final IssuedDocuments issued;
    private final ReportService reports;
    private final UnitAccess access;

    WrittenDocumentController(IssuedDocuments issued, ReportService reports, UnitAccess access) {
        this.issued = issued;
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/report/written.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable long campaignId, @PathVariable String unitCode) {
        UnitReport unit = reports.unit(campaignId, unitCode);
        access.requireRead(unit);
        return pdf(unit, DocumentKind.REPORT);
    }

    @GetMapping("/report/written.docx")
    ResponseEntity<byte[]> reportDocx(@PathVariable long campaignId, @PathVariable String unitCode) {
        UnitReport unit = reports.unit(campaignId, unitCode);
        access.requireRead(unit);
        return docx(unit, DocumentKind.REPORT);
    }

    @GetMapping("/guidance/written.pdf")
    ResponseEntity<byte[]> guidancePdf(@PathVariable long campaignId, @PathVariable String unitCode) {
        UnitReport unit = reports.unit(campaignId, unitCode);
        access.requireReadGuidance(unit);
        return pdf(unit, DocumentKind.GUIDANCE);
    }

    @GetMapping("/guidance/written.docx")
    ResponseEntity<byte[]> guidanceDocx(@PathVariable long campaignId, @PathVariable String unitCode) {
        UnitReport unit = reports.unit(campaignId, unitCode);
        access.requireReadGuidance(unit);
        return docx(unit, DocumentKind.GUIDANCE);
    }

    /** The issued report's number, dates and signature as checked now (signer's certificate included). */
    @GetMapping("/report/written")
    IssuedDocuments.Description reportIssued(@PathVariable long campaignId, @PathVariable String unitCode) {
        UnitReport unit = reports.unit(campaignId, unitCode);
        access.requireRead(unit);
        return describe(unit, DocumentKind.REPORT);
    }

    @GetMapping("/guidance/written")
    IssuedDocuments.Description guidanceIssued(@PathVariable long campaignId, @PathVariable String unitCode) {
        UnitReport unit = reports.unit(campaignId, unitCode);
        access.requireReadGuidance(unit);
        return describe(unit, DocumentKind.GUIDANCE);
    }

    /** The issued report signed elsewhere (a leader's token), replacing the PDF the system signed, once checked. */
    @PutMapping(path = "/report/written.pdf", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    IssuedDocuments.Description uploadSignedReport(@PathVariable long campaignId, @PathVariable String unitCode,
                                                  @RequestParam("file") MultipartFile file) throws IOException {
        UnitReport unit = reports.unit(campaignId, unitCode);
        access.requireIssue(unit);
        return issued.replaceWithSignedElsewhere(campaignId, unitCode, DocumentKind.REPORT, file.getBytes(), access.userId());
    }

    @PutMapping(path = "/guidance/written.pdf", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    IssuedDocuments.Description uploadSignedGuidance(@PathVariable long campaignId, @PathVariable String unitCode,
                                                    @RequestParam("file") MultipartFile file) throws IOException {
        UnitReport unit = reports.unit(campaignId, unitCode);
        access.requireIssue(unit);
        return issued.replaceWithSignedElsewhere(campaignId, unitCode, DocumentKind.GUIDANCE, file.getBytes(), access.userId());
    }

    private IssuedDocuments.Description describe(UnitReport unit, DocumentKind kind) {
        return issued.describe(unit.campaignId(), unit.unitCode(), kind).orElseThrow(() -> new NotFoundException(
                (kind == DocumentKind.REPORT ? "Báo cáo" : "Hướng dẫn") + " của " + unit.unitName() + " chưa được ban hành"));
    }

    private ResponseEntity<byte[]> pdf(UnitReport unit, DocumentKind kind) {
        Optional<IssuedDocuments.Issued> done = issued.find(unit.campaignId(), unit.unitCode(), kind);
        if (done.isPresent()) {
            return Downloads.of(name(kind, unit, done.get().number()) + ".pdf", PDF, done.get().pdf());
        }
        return Downloads.of(name(kind, unit, null) + ".pdf", PDF, issued.pdf(draft(unit, kind)));
    }

    private ResponseEntity<byte[]> docx(UnitReport unit, DocumentKind kind) {
        Optional<IssuedDocuments.Issued> done = issued.find(unit.campaignId(), unit.unitCode(), kind);
        if (done.isPresent()) {
            return Downloads.of(name(kind, unit, done.get().number()) + ".docx", DOCX, done.get().docx());
        }
        return Downloads.of(name(kind, unit, null) + ".docx", DOCX, issued.docx(draft(unit, kind)));
    }

    /** Guidance is drafted only by a unit with units below it; there is nothing to show for another. */
    private WrittenDocument draft(UnitReport unit, DocumentKind kind) {
        if (kind == DocumentKind.GUIDANCE && !reports.hasSubordinates(unit)) {
            throw new NotFoundException(unit.unitName() + " không ban hành hướng dẫn trong đợt này");
        }
        return issued.draft(unit.campaignId(), unit.unitCode(), kind);
    }

    /** "Báo cáo 12-BC-HU – Huyện ủy Vĩnh Linh", or "Dự thảo báo cáo – …" before it is issued. */
    private static String name(DocumentKind kind, UnitReport unit, String number) {
        String what = kind == DocumentKind.REPORT ? "báo cáo" : "hướng dẫn";
        return (number == null ? "Dự thảo " + what : Character.toUpperCase(what.charAt(0)) + what.substring(1) + " "
                + number.replace('/', '-')) + " – " + unit.unitName();
    }
}
