package vn.reviewcascade.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.document.IssuedDocuments;
import vn.reviewcascade.document.PdfRendering;
import vn.reviewcascade.document.WrittenDocument;
import vn.reviewcascade.document.WrittenDocuments;
import vn.reviewcascade.report.DocumentKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issued documents are signed by their unit (PAdES), locked, served only while they match their hash, and replaced
 * only by the same file with signatures added elsewhere, each holding and each by a certificate of the issuing unit.
 */
class DocumentSignatureTest extends CascadeTestSupport {

    private static final String PASSWORD = "Mat-Khau-2030!";
    private static final String NOT_ONLY_SIGNATURES = "Phần thêm sau văn bản đã ban hành không chỉ là chữ ký số: ";

    @Autowired TestRestTemplate anonymous;
    @Autowired IssuedDocuments issued;
    @Autowired PdfSignatureValidator validator;
    @Autowired PadesSigner signer;
    @Autowired JdbcClient jdbc;
    @Autowired OrganisationKeys keys;
    @Autowired UnitCertificates unitCertificates;
    @Autowired WrittenDocuments documents;
    @Autowired PdfRendering rendering;

    private Campaign campaign;
    private String number;

    @BeforeEach
    void issueAReport() {
        user("sig-vla-signer", "sig-vla@test", PASSWORD, "VL-A.signers");
        user("sig-vla-drafter", "sig-vla-d@test", PASSWORD, "VL-A.drafters");
        user("sig-vlb-signer", "sig-vlb@test", PASSWORD, "VL-B.signers");
        campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        number = reports.find(campaign.id(), "VL-A").orElseThrow().documentNumber();
    }

    @Test
    void theIssuedReportIsSignedByItsUnitAndNoByteOfItMayChange() throws java.io.IOException {
        byte[] pdf = issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow().pdf();
        java.nio.file.Files.createDirectories(Path.of("target/documents"));
        java.nio.file.Files.write(Path.of("target/documents/vl-a-signed.pdf"), pdf);

        SignatureCheck signature = validator.check(pdf);
        assertThat(signature.signer()).isEqualTo("Đảng ủy xã Vĩnh Thái");
        assertThat(signature.issuer()).isEqualTo(DemoCertificateAuthority.CA_NAME);
        assertThat(signature.level()).isEqualTo("PAdES");
        assertThat(signature.timestamped()).isFalse();
        assertThat(signature.trusted()).isTrue();

        int[] range = signatureByteRange(pdf);
        int contentsStart = range[1] + 1;
        int contentsEnd = range[2] - 1;
        for (int position : new int[] {100, range[1] / 2, contentsStart + 200, contentsEnd - 20, range[2] + 10,
                pdf.length - 10}) {
            byte[] changed = pdf.clone();
            changed[position] ^= 0x01;
            assertThatThrownBy(() -> validator.check(changed)).as("one byte changed at %d", position)
                    .isInstanceOf(InvalidSignatureException.class);
        }
        byte[] flippedInText = flipInsideSignedContent(pdf);
        assertThatThrownBy(() -> validator.check(flippedInText)).hasMessageContaining("đã bị sửa sau khi ký");
    }

    @Test
    void aKeptDocumentIsDescribedEvenWhenItsAuthorityIsNotTrustedHereButAnUploadIsNot() throws Exception {
        byte[] pdf = issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow().pdf();
        byte[] byOwnAuthority = signer.sign(pdf, selfSigned("Đảng ủy xã Vĩnh Thái (khóa riêng)", 2020, 2050), "Ban hành",
                "Vĩnh Linh", now()).pdf();

        SignatureCheck described = validator.inspect(byOwnAuthority);
        assertThat(described.signer()).isEqualTo("Đảng ủy xã Vĩnh Thái (khóa riêng)");
        assertThat(described.trusted()).isFalse();
        assertThatThrownBy(() -> validator.check(byOwnAuthority)).hasMessageContaining("không thuộc tổ chức chứng thực");
    }

    @Test
    void anIssuedReportIsLockedAndServedOnlyWhileItMatchesItsHash() {
        ResponseEntity<Map> edit = as("sig-vla-drafter").exchange(reportUrl(), HttpMethod.PUT,
                json(Map.of("sections", Map.of("section1", "Sửa sau khi ban hành"))), Map.class);
        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) edit.getBody().get("message")).contains("đã ban hành thành văn bản số " + number);

        ResponseEntity<Map> description = as("sig-vla-signer").getForEntity(reportUrl() + "/written", Map.class);
        assertThat(description.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(description.getBody()).containsEntry("number", number);
        assertThat((Map<String, Object>) description.getBody().get("signature")).containsEntry("signer", "Đảng ủy xã Vĩnh Thái");

        jdbc.sql("update issued_document set pdf = ? where campaign_id = ? and unit_code = 'VL-A'")
                .params("%PDF-1.7 thay thế".getBytes(StandardCharsets.UTF_8), campaign.id()).update();
        ResponseEntity<Map> altered = as("sig-vla-signer").getForEntity(reportUrl() + "/written.pdf", Map.class);
        assertThat(altered.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat((String) altered.getBody().get("message")).contains("không còn khớp với mã băm");
    }

    @Test
    void aReportSignedElsewhereReplacesTheIssuedOneOnlyWhenItsSignatureHolds() throws Exception {
        IssuedDocuments.Issued before = issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow();
        SigningKey leader = leader();
        byte[] signedByLeader = signedByLeader(before.pdf());

        assertRefused(upload("sig-vla-signer", "không phải PDF".getBytes(StandardCharsets.UTF_8)), "không phải tệp PDF");
        assertRefused(upload("sig-vla-signer", issued.pdf(issued.draft(campaign.id(), "VL-B", DocumentKind.REPORT))),
                "chưa được ký số");
        assertRefused(upload("sig-vla-signer", flipInsideSignedContent(signedByLeader)), "đã bị sửa sau khi ký");
        byte[] appended = Arrays.copyOf(signedByLeader, signedByLeader.length + 12);
        System.arraycopy("\n% them vao\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signedByLeader.length, 12);
        assertRefused(upload("sig-vla-signer", appended), "không bao trùm toàn bộ tệp");
        assertRefused(upload("sig-vla-signer", signer.sign(before.pdf(), selfSigned("Người ký hết hạn", 2020, 2021),
                "Ký", "Vĩnh Linh", now()).pdf()), "đã hết hạn ngày 01/01/2021");
        assertRefused(upload("sig-vla-signer", signer.sign(before.pdf(), selfSigned("Người ký tự xưng", 2020, 2050),
                "Ký", "Vĩnh Linh", now()).pdf()), "không thuộc tổ chức chứng thực được tin cậy");
        byte[] otherDocument = signer.sign(issued.pdf(issued.draft(campaign.id(), "VL-B", DocumentKind.REPORT)), leader,
                "Ký", "Vĩnh Linh", now()).pdf();
        assertRefused(upload("sig-vla-signer", otherDocument), "Tệp tải lên không phải văn bản số " + number + " đã ban hành");
        assertRefused(upload("sig-vla-signer", before.pdf()), "chưa được ký thêm chữ ký số nào");
        assertThat(upload("sig-vlb-signer", signedByLeader).getStatusCode()).as("a sibling's leader")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("sig-vla-drafter", signedByLeader).getStatusCode()).as("a drafter does not issue")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow().sha256())
                .as("nothing refused was stored").isEqualTo(before.sha256());

        assertThat(unitCertificates.unitsOf(leader.certificate())).as("the leader's token, mapped in application-test.yaml")
                .contains("VL-A");
        ResponseEntity<Map> accepted = upload("sig-vla-signer", signedByLeader);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody()).containsEntry("signedElsewhere", true).containsEntry("uploadedBy", "sig-vla-signer");
        assertThat((Map<String, Object>) accepted.getBody().get("signature")).containsEntry("signer", "Nguyễn Văn Thái");
        IssuedDocuments.Issued after = issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow();
        assertThat(after.pdf()).isEqualTo(signedByLeader);
        assertThat(after.signedBy()).isEqualTo("Nguyễn Văn Thái");
        byte[] served = as("sig-vla-signer").getForObject(reportUrl() + "/written.pdf", byte[].class);
        assertThat(served).isEqualTo(signedByLeader);

        byte[] signedAgain = signedByLeader(signedByLeader);
        assertThat(upload("sig-vla-signer", signedAgain).getStatusCode()).as("a further signature on what is kept now")
                .isEqualTo(HttpStatus.OK);
        assertThat(issuedPdf()).isEqualTo(signedAgain);
    }

    @Test
    void anotherIssuedDocumentOfTheUnitIsRefusedThoughItQuotesThisNumber() throws Exception {
        String before = servedSha256();
        Campaign next = start("VL");
        issueGuidance(next, "VL");
        Map<String, Object> quoting = new HashMap<>(draft(1));
        quoting.put("section1", "Tiếp theo Báo cáo số " + number + " của Đảng ủy xã, nay báo cáo bổ sung.");
        submitReport(next, "VL-A", quoting);
        IssuedDocuments.Issued other = issued.find(next.id(), "VL-A", DocumentKind.REPORT).orElseThrow();
        assertThat(other.number()).isNotEqualTo(number);
        assertThat(text(other.pdf())).as("signed by the unit and carrying this number in its text").contains(number);

        assertRefusedAndUnchanged(upload("sig-vla-signer", other.pdf()),
                "Tệp tải lên không phải văn bản số " + number + " đã ban hành", before);
    }

    @Test
    void aDocumentWhoseNumberMerelyContainsThisOneIsRefused() throws Exception {
        String before = servedSha256();
        String longer = "1" + number;
        WrittenDocument document = documents.compose(campaign.id(), "VL-A", DocumentKind.REPORT, longer, now());
        byte[] signedByUnit = signer.sign(rendering.pdf(document, longer), keys.keyOf("VL-A", "Đảng ủy xã Vĩnh Thái"),
                "Ban hành văn bản số " + longer, "Vĩnh Linh", now()).pdf();
        assertThat(text(signedByUnit)).contains("Số " + longer);

        assertRefusedAndUnchanged(upload("sig-vla-signer", signedByUnit),
                "Tệp tải lên không phải văn bản số " + number + " đã ban hành", before);
    }

    @Test
    void aPageAddedUnderTheLeadersSignatureIsRefused() throws Exception {
        String before = servedSha256();
        byte[] withPage = changedIncrementally(issuedPdf(), document -> document.addPage(new PDPage(PDRectangle.A4)));

        assertRefusedAndUnchanged(upload("sig-vla-signer", signedByLeader(withPage)),
                NOT_ONLY_SIGNATURES + "số trang đã đổi", before);
    }

    @Test
    void textCoveredOverUnderTheLeadersSignatureIsRefused() throws Exception {
        String before = servedSha256();
        byte[] whitedOut = changedIncrementally(issuedPdf(), document -> {
            try (PDPageContentStream over = new PDPageContentStream(document, document.getPage(0),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                over.setNonStrokingColor(1f, 1f, 1f);
                over.addRect(50, 600, 500, 120);
                over.fill();
            }
        });

        assertRefusedAndUnchanged(upload("sig-vla-signer", signedByLeader(whitedOut)),
                NOT_ONLY_SIGNATURES + "trang 1 đã bị sửa: nội dung (/Contents).", before);
    }

    @Test
    void anAnnotationAddedUnderTheLeadersSignatureIsRefused() throws Exception {
        String before = servedSha256();
        byte[] annotated = changedIncrementally(issuedPdf(), document -> {
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(400, 700, 20, 20));
            note.setContents("Đọc là số 4-BC/ĐU");
            List<PDAnnotation> annotations = document.getPage(0).getAnnotations();
            annotations.add(note);
            document.getPage(0).setAnnotations(annotations);
        });

        assertRefusedAndUnchanged(upload("sig-vla-signer", signedByLeader(annotated)),
                NOT_ONLY_SIGNATURES + "trang 1 có thêm chú thích /Text không phải ô chữ ký số.", before);
    }

    @Test
    void javaScriptAddedUnderTheLeadersSignatureIsRefused() throws Exception {
        String before = servedSha256();
        byte[] scripted = changedIncrementally(issuedPdf(), document -> document.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.alert('Văn bản đã được thay');")));

        assertRefusedAndUnchanged(upload("sig-vla-signer", signedByLeader(scripted)),
                NOT_ONLY_SIGNATURES + "tệp có thêm hoặc sửa hành động tự chạy khi mở tệp (/OpenAction).", before);
    }

    @Test
    void aSignatureByAnotherUnitsCertificateUnderTheSameAuthorityIsRefused() throws Exception {
        String before = servedSha256();
        SigningKey vinhTu = testAuthority().keyOf("VL-B", "Đảng ủy xã Vĩnh Tú");
        byte[] signedByVinhTu = signer.sign(issuedPdf(), vinhTu, "Ký", "Vĩnh Linh", now()).pdf();
        assertThat(validator.check(signedByVinhTu).trusted()).as("under the authority trusted here").isTrue();

        assertRefusedAndUnchanged(upload("sig-vla-signer", signedByVinhTu), "Chứng thư số của người ký (Đảng ủy xã Vĩnh Tú, "
                + "do " + DemoCertificateAuthority.CA_NAME + " cấp) là của Đảng ủy xã Vĩnh Tú, không phải của Đảng ủy xã "
                + "Vĩnh Thái", before);
    }

    private String reportUrl() {
        return "/api/campaigns/" + campaign.id() + "/units/VL-A/report";
    }

    private TestRestTemplate as(String userId) {
        return anonymous.withBasicAuth(userId, PASSWORD);
    }

    private ResponseEntity<Map> upload(String userId, byte[] file) {
        return as(userId).exchange(reportUrl() + "/written.pdf", HttpMethod.PUT, fileUpload("bao-cao-da-ky.pdf", file), Map.class);
    }

    private static void assertRefused(ResponseEntity<Map> response, String reason) {
        assertThat(response.getStatusCode()).as(reason).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().toString()).contains(reason);
    }

    /** Refused with the reason, and the issued document is still the one served, byte for byte. */
    private void assertRefusedAndUnchanged(ResponseEntity<Map> response, String reason, String servedBefore) {
        assertRefused(response, reason);
        assertThat(servedSha256()).as("the issued document is still served as it was").isEqualTo(servedBefore);
    }

    private String servedSha256() {
        byte[] served = as("sig-vla-signer").getForObject(reportUrl() + "/written.pdf", byte[].class);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] issuedPdf() {
        return issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow().pdf();
    }

    private static DemoCertificateAuthority testAuthority() {
        return new DemoCertificateAuthority(Path.of("target/test-ca"), "test".toCharArray());
    }

    /** The leader's token: a certificate in his own name from the suite's authority, mapped to VL-A by configuration. */
    private static SigningKey leader() {
        return testAuthority().keyOf("leader-vl-a", "Nguyễn Văn Thái");
    }

    private byte[] signedByLeader(byte[] pdf) {
        return signer.sign(pdf, leader(), "Ký ban hành", "Vĩnh Linh", now()).pdf();
    }

    private interface Change {
        void apply(PDDocument document) throws IOException;
    }

    /** The PDF with a change saved as an incremental update, as an editor would append it before a token signs. */
    private static byte[] changedIncrementally(byte[] pdf, Change change) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            byte[] changed = out.toByteArray();
            assertThat(changed.length).as("the change is appended").isGreaterThan(pdf.length);
            return changed;
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** One byte changed inside the first stream of the file (the page's text, or a font), its structure intact. */
    private static byte[] flipInsideSignedContent(byte[] pdf) {
        byte[] changed = pdf.clone();
        changed[new String(pdf, StandardCharsets.ISO_8859_1).indexOf("stream\n") + 50] ^= 0x01;
        return changed;
    }

    private static int[] signatureByteRange(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getLastSignatureDictionary().getByteRange();
        }
    }

    private static SigningKey selfSigned(String name, int fromYear, int toYear) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + name + ",C=VN");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                subject, BigInteger.TEN, date(fromYear), date(toYear), subject, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        return new SigningKey(pair.getPrivate(), List.of(certificate), null);
    }

    private static Date date(int year) {
        return Date.from(LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
