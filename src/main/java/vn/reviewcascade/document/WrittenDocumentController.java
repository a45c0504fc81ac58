package vn.reviewcascade.document;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.security.UnitAccess;
import vn.reviewcascade.web.Downloads;

/**
 * A unit's guidance and report as written documents ({@code …/report/written.pdf}, {@code …/guidance/written.pdf}):
 * once issued, the PDF as signed (checked against its hash), its DOCX, and its particulars with the signature as
 * checked now; before, a draft rendered from what is saved now, marked "DỰ THẢO". Whoever may read the report (or the
 * guidance) may read its document; the unit's signers and clerks may replace the issued PDF by the same document
 * signed elsewhere.
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/units/{unitCode}/{kind:report|guidance}")
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

    @GetMapping("/written.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long campaignId, @PathVariable String unitCode, @PathVariable String kind) {
        return download(campaignId, unitCode, kind(kind), ".pdf", PDF, IssuedDocuments.Issued::pdf, issued::pdf);
    }

    @GetMapping("/written.docx")
    ResponseEntity<byte[]> docx(@PathVariable long campaignId, @PathVariable String unitCode, @PathVariable String kind) {
        return download(campaignId, unitCode, kind(kind), ".docx", DOCX, IssuedDocuments.Issued::docx, issued::docx);
    }

    /** The issued document's number, dates and signature as checked now (the signer's certificate included). */
    @GetMapping("/written")
    IssuedDocuments.Description describe(@PathVariable long campaignId, @PathVariable String unitCode,
                                         @PathVariable String kind) {
        UnitReport unit = readable(campaignId, unitCode, kind(kind));
        return issued.describe(campaignId, unitCode, kind(kind)).orElseThrow(() -> new NotFoundException(
                (kind(kind) == DocumentKind.REPORT ? "Báo cáo" : "Hướng dẫn") + " của " + unit.unitName()
                        + " chưa được ban hành"));
    }

    /** The issued document signed elsewhere (a leader's token), replacing the PDF the system signed, once checked. */
    @PutMapping(path = "/written.pdf", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    IssuedDocuments.Description upload(@PathVariable long campaignId, @PathVariable String unitCode,
                                       @PathVariable String kind, @RequestParam("file") MultipartFile file)
            throws IOException {
        access.requireIssue(reports.unit(campaignId, unitCode));
        return issued.replaceWithSignedElsewhere(campaignId, unitCode, kind(kind), file.getBytes(), access.userId());
    }

    /** The issued file if the document is issued, else the draft rendered now. */
    private ResponseEntity<byte[]> download(long campaignId, String unitCode, DocumentKind kind, String extension,
                                            String type, Function<IssuedDocuments.Issued, byte[]> issuedFile,
                                            Function<WrittenDocument, byte[]> draftFile) {
        UnitReport unit = readable(campaignId, unitCode, kind);
        Optional<IssuedDocuments.Issued> done = issued.find(campaignId, unitCode, kind);
        if (done.isPresent()) {
            return Downloads.of(name(kind, unit, done.get().number()) + extension, type, issuedFile.apply(done.get()));
        }
        return Downloads.of(name(kind, unit, null) + extension, type, draftFile.apply(draft(unit, kind)));
    }

    private static DocumentKind kind(String path) {
        return path.equals("report") ? DocumentKind.REPORT : DocumentKind.GUIDANCE;
    }

    private UnitReport readable(long campaignId, String unitCode, DocumentKind kind) {
        UnitReport unit = reports.unit(campaignId, unitCode);
        if (kind == DocumentKind.REPORT) {
            access.requireRead(unit);
        } else {
            access.requireReadGuidance(unit);
        }
        return unit;
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
