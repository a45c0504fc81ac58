package vn.reviewcascade.web;

import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
