package vn.reviewcascade.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.report.DocumentKind;

/**
 * The written documents as issued: rendered when the leader's sign-off numbers a guidance or report, the PDF signed
 * with the issuing organisation's certificate, kept with its SHA-256, and never changed after — except by a PDF of
 * the same document signed elsewhere (a leader's token), checked before it replaces the first. Every time the PDF is
 * served its hash is checked, so a file altered in the database is refused rather than passed on.
 */
@Service
public class IssuedDocuments {

    private static final Logger log = LoggerFactory.getLogger(IssuedDocuments.class);

    private final JdbcClient jdbc;
    private final WrittenDocuments documents;
    private final PdfRendering pdf;
    private final DocxRendering docx;
    private final EngineClock clock;

    public IssuedDocuments(JdbcClient jdbc, WrittenDocuments documents, PdfRendering pdf, DocxRendering docx,
                           EngineClock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.pdf = pdf;
        this.docx = docx;
        this.clock = clock;
    }

    /** An issued document as stored; the PDF has been checked against its hash. */
    public record Issued(String number, Instant issuedAt, byte[] pdf, String sha256, byte[] docx, String signedBy,
                         boolean signedElsewhere) {
    }

    /** Renders, signs and keeps the document the sign-off just numbered; runs in the sign-off's transaction. */
    @Transactional
    public void issue(long campaignId, String unitCode, DocumentKind kind, String number) {
        Instant now = clock.now();
        WrittenDocument document = documents.compose(campaignId, unitCode, kind, number, now);
        byte[] file = pdf.pdf(document, number);
        jdbc.sql("""
                        insert into issued_document (campaign_id, unit_code, document_kind, number, issued_at, pdf, pdf_sha256,
                                                     docx, signed_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, unitCode, kind.name(), number, SqlTimes.at(now), file, sha256(file), docx.docx(document), null)
                .update();
    }

    public Optional<Issued> find(long campaignId, String unitCode, DocumentKind kind) {
        return jdbc.sql("""
                        select number, issued_at, pdf, pdf_sha256, docx, signed_by, signed_elsewhere from issued_document
                        where campaign_id = ? and unit_code = ? and document_kind = ?""")
                .params(campaignId, unitCode, kind.name())
                .query((rs, row) -> new Issued(rs.getString(1), SqlTimes.instant(rs, "issued_at"), rs.getBytes(3),
                        rs.getString(4), rs.getBytes(5), rs.getString(6), rs.getBoolean(7)))
                .optional()
                .map(issued -> checked(campaignId, unitCode, kind, issued));
    }

    /** The document as it would be issued now: a draft, marked so, without number or date. */
    public WrittenDocument draft(long campaignId, String unitCode, DocumentKind kind) {
        return documents.compose(campaignId, unitCode, kind, null, null);
    }

    public byte[] pdf(WrittenDocument document) {
        return pdf.pdf(document, document.numberLine());
    }

    public byte[] docx(WrittenDocument document) {
        return docx.docx(document);
    }

    private static Issued checked(long campaignId, String unitCode, DocumentKind kind, Issued issued) {
        if (!sha256(issued.pdf()).equals(issued.sha256())) {
            log.error("The issued {} of {} in campaign {} no longer matches its SHA-256 {}", kind, unitCode, campaignId,
                    issued.sha256());
            throw new IssuedDocumentAlteredException(("Tệp văn bản số %s không còn khớp với mã băm đã lưu khi ban hành: tệp "
                    + "đã bị thay đổi sau khi ký nên không được cung cấp. Hãy báo quản trị viên.").formatted(issued.number()));
        }
        return issued;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
