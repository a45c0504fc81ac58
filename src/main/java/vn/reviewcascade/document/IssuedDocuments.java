package vn.reviewcascade.document;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.reviewcascade.Sha256;
import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.ReportLockedException;
import vn.reviewcascade.signature.OrganisationKeys;
import vn.reviewcascade.signature.PadesSigner;
import vn.reviewcascade.signature.PdfSignatureValidator;
import vn.reviewcascade.signature.SignatureCheck;
import vn.reviewcascade.signature.SignedRevisions;
import vn.reviewcascade.signature.SigningKey;
import vn.reviewcascade.signature.UnitCertificates;
import vn.reviewcascade.unit.UnitTree;

/**
 * The written documents as issued: rendered when the leader's sign-off numbers a guidance or report, the PDF signed
 * with the issuing organisation's certificate, kept with its SHA-256, and never changed after — except by the same
 * file with signatures added elsewhere (a leader's token), checked before it replaces the first. Every time the PDF
 * is served its hash is checked, so a file altered in the database is refused rather than passed on.
 */
@Service
public class IssuedDocuments {

    private static final Logger log = LoggerFactory.getLogger(IssuedDocuments.class);

    private final JdbcClient jdbc;
    private final WrittenDocuments documents;
    private final PdfRendering pdf;
    private final DocxRendering docx;
    private final EngineClock clock;
    private final OrganisationKeys keys;
    private final PadesSigner signer;
    private final PdfSignatureValidator validator;
    private final UnitCertificates unitCertificates;
    private final UnitTree tree;
    private final IssuedRevocations revocations;

    public IssuedDocuments(JdbcClient jdbc, WrittenDocuments documents, PdfRendering pdf, DocxRendering docx,
                           EngineClock clock, OrganisationKeys keys, PadesSigner signer, PdfSignatureValidator validator,
                           UnitCertificates unitCertificates, UnitTree tree, IssuedRevocations revocations) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.pdf = pdf;
        this.docx = docx;
        this.clock = clock;
        this.keys = keys;
        this.signer = signer;
        this.validator = validator;
        this.unitCertificates = unitCertificates;
        this.tree = tree;
        this.revocations = revocations;
    }

    /**
     * An issued document as stored; the PDF has been checked against its hash.
     *
     * @param signedBy        the common name of the certificate that signed the PDF
     * @param signedElsewhere whether the PDF was signed outside the system (a leader's token) and uploaded
     * @param uploadedBy      who uploaded it then, or null
     */
    public record Issued(String number, Instant issuedAt, byte[] pdf, String sha256, byte[] docx, String signedBy,
                         boolean signedElsewhere, String uploadedBy, Instant uploadedAt) {
    }

    /**
     * What is known of an issued document without its bytes, and what its signature says of itself, read from the
     * file each time: the file is the one home of its signature.
     */
    public record Description(String number, Instant issuedAt, String sha256, boolean signedElsewhere, String uploadedBy,
                              Instant uploadedAt, SignatureCheck signature) {
    }

    /**
     * Renders, signs with the unit's key and keeps the document the sign-off just numbered and dated; runs in the issuing
     * job's transaction, so a document that cannot be signed is not issued (the job fails and is retried, then an
     * incident).
     */
    @Transactional
    public void issue(long campaignId, String unitCode, DocumentKind kind, String number, Instant issuedAt) {
        WrittenDocument document = documents.compose(campaignId, unitCode, kind, number, issuedAt);
        String unitName = tree.find(unitCode).map(unit -> unit.name()).orElse(unitCode);
        SigningKey key = keys.keyOf(unitCode, unitName);
        PdfRendering.Rendered rendered = pdf.render(document, number);
        PdfRendering.Area area = rendered.stampArea();
        if (area == null) {
            throw new IllegalStateException("The layout of " + number + " has no room for the signature's stamp");
        }
        // The stamp names the leader who completed the sign-off and the unit whose certificate signs.
        PadesSigner.Stamp stamp = new PadesSigner.Stamp(area.page(), area.x(), area.y(), area.width(), area.height(),
                document.signature().signerName(), unitName);
        PadesSigner.SignedPdf signed = signer.sign(rendered.pdf(), key, "Ban hành văn bản số " + number,
                tree.placeOf(unitCode), issuedAt, stamp);
        byte[] file = signed.pdf();
        jdbc.sql("""
                        insert into issued_document (campaign_id, unit_code, document_kind, pdf, pdf_sha256, docx, signed_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, unitCode, kind.name(), file, Sha256.hex(file), docx.docx(document),
                        key.holderName())
                .update();
        revocations.store(campaignId, unitCode, kind, signed.revocation());
    }

    public Optional<Issued> find(long campaignId, String unitCode, DocumentKind kind) {
        return jdbc.sql("""
                        select d.number, d.issued_at, i.pdf, i.pdf_sha256, i.docx, i.signed_by, i.signed_elsewhere,
                               i.uploaded_by, i.uploaded_at
                        from issued_document i
                        join campaign_document d on d.campaign_id = i.campaign_id and d.unit_code = i.unit_code
                                                and d.document_kind = i.document_kind
                        where i.campaign_id = ? and i.unit_code = ? and i.document_kind = ?""")
                .params(campaignId, unitCode, kind.name())
                .query((rs, row) -> new Issued(rs.getString(1), SqlTimes.instant(rs, "issued_at"), rs.getBytes(3),
                        rs.getString(4), rs.getBytes(5), rs.getString(6), rs.getBoolean(7), rs.getString(8),
                        SqlTimes.instant(rs, "uploaded_at")))
                .optional()
                .map(issued -> checked(campaignId, unitCode, kind, issued));
    }

    /**
     * The issued document's particulars and its signature as checked now, with the revocation check kept from when
     * it was stored; empty while it is not issued.
     */
    public Optional<Description> describe(long campaignId, String unitCode, DocumentKind kind) {
        return find(campaignId, unitCode, kind).map(issued -> new Description(issued.number(), issued.issuedAt(),
                issued.sha256(), issued.signedElsewhere(), issued.uploadedBy(), issued.uploadedAt(),
                validator.inspect(issued.pdf()).withRevocation(revocations.find(campaignId, unitCode, kind).orElse(null))));
    }

    /**
     * Replaces the issued PDF by the same file signed again elsewhere — by a leader's USB token, after the system issued
     * it — once checked: every signature intact, the last covering the whole file, by valid, unrevoked certificates
     * of a trusted authority; the issued file, byte for byte, followed by nothing but signatures; and every signature
     * added by a certificate of the issuing unit. Anything wrong is refused and nothing changes; the revocation check
     * is kept with the new PDF.
     */
    @Transactional
    public Description replaceWithSignedElsewhere(long campaignId, String unitCode, DocumentKind kind, byte[] file,
                                                  String uploadedBy) {
        Issued issued = find(campaignId, unitCode, kind).orElseThrow(() -> new ReportLockedException(
                "Văn bản chưa được ban hành nên chưa thể thay bằng bản ký số: hãy hoàn tất bước ký duyệt trước."));
        SignatureCheck signature = validator.check(file);
        for (X509Certificate added : SignedRevisions.addedSigners(issued.pdf(), file, issued.number())) {
            unitCertificates.requireOf(unitCode, added, issued.number());
        }
        Instant now = clock.now();
        jdbc.sql("""
                        update issued_document set pdf = ?, pdf_sha256 = ?, signed_by = ?, signed_elsewhere = true,
                               uploaded_by = ?, uploaded_at = ?
                        where campaign_id = ? and unit_code = ? and document_kind = ?""")
                .params(file, Sha256.hex(file), signature.signer(), uploadedBy, SqlTimes.at(now), campaignId, unitCode, kind.name())
                .update();
        revocations.store(campaignId, unitCode, kind, signature.revocation());
        log.info("The issued {} {} of {} in campaign {} was replaced by a PDF signed elsewhere by {}, uploaded by {}",
                kind, issued.number(), unitCode, campaignId, signature.signer(), uploadedBy);
        return new Description(issued.number(), issued.issuedAt(), Sha256.hex(file), true, uploadedBy, now, signature);
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
        if (!Sha256.hex(issued.pdf()).equals(issued.sha256())) {
            log.error("The issued {} of {} in campaign {} no longer matches its SHA-256 {}", kind, unitCode, campaignId,
                    issued.sha256());
            throw new IssuedDocumentAlteredException(("Tệp văn bản số %s không còn khớp với mã băm đã lưu khi ban hành: tệp "
                    + "đã bị thay đổi sau khi ký nên không được cung cấp. Hãy báo quản trị viên.").formatted(issued.number()));
        }
        return issued;
    }
}
