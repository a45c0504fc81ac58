package vn.reviewcascade.signature;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.EngineClock;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.document.IssuedDocuments;
import vn.reviewcascade.report.DocumentKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocation against an authority made in the test (root, intermediate, leaders) whose OCSP responder and CRLs a
 * server on 127.0.0.1 serves: the deployment trusts its root through a directory in {@code trusted-certificates},
 * and Đảng ủy xã Vĩnh Thái signs with a certificate of it from {@code keystore-directory}. A good certificate is
 * accepted with what was asked recorded; a revoked one is refused; an unreachable responder is never "hợp lệ"; the
 * issued PDF carries its validation data in a DSS.
 */
// Its own application context (its trusted roots and unit keys are set before start): kept away from the classes
// that use the engine's REST API, which finds its engine by name in a static registry, and closed afterwards.
@Order(Integer.MAX_VALUE - 1)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RevocationTest extends CascadeTestSupport {

    private static final String PASSWORD = "Mat-Khau-2030!";
    private static final TestAuthority AUTHORITY = TestAuthority.start();

    @Autowired TestRestTemplate anonymous;
    @Autowired IssuedDocuments issued;
    @Autowired PadesSigner signer;
    @Autowired PdfSignatureValidator validator;
    @Autowired OrganisationKeys keys;
    @Autowired EngineClock clock;
    @Autowired JdbcClient jdbc;

    private Campaign campaign;

    @DynamicPropertySource
    static void trustTheTestAuthority(DynamicPropertyRegistry registry) throws Exception {
        Path directory = Path.of("target/test-revocation");
        registry.add("review-cascade.signing.trusted-certificates",
                () -> rootsIn(directory.resolve("trusted")).toString());
        Path units = directory.resolve("units");
        TestAuthority.keystore(AUTHORITY.leader("Đảng ủy xã Vĩnh Thái", AUTHORITY.url("/ocsp"),
                AUTHORITY.url("/intermediate.crl")), units.resolve("VL-A.p12"), "test");
        registry.add("review-cascade.signing.keystore-directory", units::toString);
        // The leaders this test's authority certifies are Vĩnh Thái's (a list replaces the suite's, not adds to it).
        List<String> leaders = List.of("Nguyễn Văn Thái", "Trần Thị Tú", "Lê Văn Thu Hồi", "Phạm Văn Ngoại Tuyến");
        for (int i = 0; i < leaders.size(); i++) {
            String subject = "CN=" + leaders.get(i) + ", O=Đảng Cộng sản Việt Nam";
            registry.add("review-cascade.signing.unit-certificates[" + i + "].unit", () -> "VL-A");
            registry.add("review-cascade.signing.unit-certificates[" + i + "].subject", () -> subject);
        }
    }

    private static Path rootsIn(Path directory) {
        try {
            AUTHORITY.writeRoot(directory);
            return directory;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopTheAuthority() {
        AUTHORITY.close();
    }

    @BeforeEach
    void issueAReport() {
        user("rev-vla-signer", "rev-vla@test", PASSWORD, "VL-A.signers");
        campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
    }

    @Test
    void theIssuedReportCarriesTheValidationDataItWasCheckedWith() throws Exception {
        byte[] pdf = issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow().pdf();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(end(document.getLastSignatureDictionary().getByteRange())).as("the DSS is added after the signature")
                    .isLessThan(pdf.length);
            COSDictionary dss = (COSDictionary) document.getDocumentCatalog().getCOSObject()
                    .getDictionaryObject(COSName.getPDFName("DSS"));
            assertThat(dss).as("the catalog's /DSS").isNotNull();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<String> certificates = new ArrayList<>();
            for (byte[] encoded : streams(dss, "Certs")) {
                certificates.add(CertificateNames.commonName((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(encoded))));
            }
            assertThat(certificates).contains("Đảng ủy xã Vĩnh Thái", "Tổ chức chứng thực trung gian thử nghiệm",
                    "Tổ chức chứng thực gốc thử nghiệm");
            List<byte[]> ocsp = streams(dss, "OCSPs");
            assertThat(ocsp).hasSize(1);
            BasicOCSPResp response = (BasicOCSPResp) new OCSPResp(ocsp.get(0)).getResponseObject();
            assertThat(response.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
            List<byte[]> crls = streams(dss, "CRLs");
            assertThat(crls).hasSize(1);
            X509CRL crl = (X509CRL) factory.generateCRL(new ByteArrayInputStream(crls.get(0)));
            crl.verify(AUTHORITY.root().getPublicKey());
        }

        int asked = AUTHORITY.ocspRequests();
        SignatureCheck validated = validator.check(pdf);
        assertThat(validated.revocation().status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(validated.revocation().summary()).contains("kèm trong tệp PDF");
        assertThat(AUTHORITY.ocspRequests()).as("validated from the embedded data alone").isEqualTo(asked);

        Map<String, Object> signature = signatureDescribed();
        assertThat(signature).containsEntry("verdict", "Hợp lệ");
        Map<String, Object> revocation = (Map<String, Object>) signature.get("revocation");
        assertThat(revocation).containsEntry("status", "GOOD");
        assertThat((String) revocation.get("summary")).contains("Đảng ủy xã Vĩnh Thái – OCSP " + AUTHORITY.url("/ocsp"))
                .contains("còn hiệu lực");
        assertStoredResponsesMatchTheirHashes();
    }

    @Test
    void aLeaderWhoseCertificateIsGoodIsAcceptedWithWhatWasAskedRecorded() throws Exception {
        SigningKey leader = AUTHORITY.leader("Nguyễn Văn Thái", AUTHORITY.url("/ocsp"), AUTHORITY.url("/intermediate.crl"));
        int asked = AUTHORITY.ocspRequests();

        ResponseEntity<Map> accepted = upload(signedWithoutValidationData(leader));

        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(AUTHORITY.ocspRequests()).as("the responder was asked").isGreaterThan(asked);
        Map<String, Object> signature = signatureDescribed();
        assertThat(signature).containsEntry("signer", "Nguyễn Văn Thái").containsEntry("verdict", "Hợp lệ");
        Map<String, Object> revocation = (Map<String, Object>) signature.get("revocation");
        assertThat(revocation).containsEntry("status", "GOOD");
        assertThat((String) revocation.get("summary"))
                .contains("Nguyễn Văn Thái – OCSP " + AUTHORITY.url("/ocsp"))
                // The intermediate's CRL is the root's, already in the DSS the system's signature left in the file.
                .contains("Tổ chức chứng thực trung gian thử nghiệm – CRL kèm trong tệp PDF")
                .contains("còn hiệu lực");
        List<Map<String, Object>> checks = (List<Map<String, Object>>) revocation.get("checks");
        assertThat(checks).extracting(check -> check.get("source")).contains("OCSP", "CRL");
        assertThat(checks).allSatisfy(check -> assertThat(check).doesNotContainKey("response")
                .containsKey("responseSha256").containsKey("checkedAt"));
        assertStoredResponsesMatchTheirHashes();
    }

    @Test
    void whenTheResponderIsDownTheCrlAnswers() throws Exception {
        SigningKey leader = AUTHORITY.leader("Trần Thị Tú", AUTHORITY.url("/ocsp-unavailable"),
                AUTHORITY.url("/intermediate.crl"));

        ResponseEntity<Map> accepted = upload(signedWithoutValidationData(leader));

        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.OK);
        Map<String, Object> revocation = (Map<String, Object>) signatureDescribed().get("revocation");
        assertThat((String) revocation.get("summary"))
                .contains("Trần Thị Tú – CRL " + AUTHORITY.url("/intermediate.crl"))
                .contains("còn hiệu lực");
    }

    @Test
    void aRevokedCertificateIsRefusedAndNothingIsStored() throws Exception {
        SigningKey leader = AUTHORITY.leader("Lê Văn Thu Hồi", AUTHORITY.url("/ocsp"), AUTHORITY.url("/intermediate.crl"));
        byte[] signed = signedWithoutValidationData(leader);
        AUTHORITY.revoke(leader.certificate(), now().minus(Duration.ofHours(1)));
        String before = issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow().sha256();

        ResponseEntity<Map> refused = upload(signed);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("Lê Văn Thu Hồi").contains("đã bị thu hồi")
                .contains("OCSP " + AUTHORITY.url("/ocsp"));
        assertThat(issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow().sha256()).isEqualTo(before);
    }

    @Test
    void anUnreachableResponderIsNeverValid() throws Exception {
        SigningKey leader = AUTHORITY.leader("Phạm Văn Ngoại Tuyến", TestAuthority.unreachable("/ocsp"),
                TestAuthority.unreachable("/intermediate.crl"));
        byte[] signed = signedWithoutValidationData(leader);
        String before = issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow().sha256();

        ResponseEntity<Map> refused = upload(signed);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("không kiểm tra được tình trạng thu hồi")
                .contains("không kết nối được").doesNotContain("Hợp lệ");
        assertThat(issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow().sha256()).isEqualTo(before);

        // A deployment that allows unchecked revocation accepts it, and says it is unchecked, not valid.
        PdfSignatureValidator allowing = new PdfSignatureValidator(keys, clock, new RevocationChecker(keys,
                new RevocationProperties(true, Duration.ofSeconds(2), Duration.ofDays(7)), clock),
                new RevocationProperties(true, Duration.ofSeconds(2), Duration.ofDays(7)));
        SignatureCheck unchecked = allowing.check(signed);
        assertThat(unchecked.revocation().status()).isEqualTo(RevocationStatus.UNCHECKED);
        assertThat(unchecked.verdict()).contains("không kiểm tra được tình trạng thu hồi").doesNotContain("Hợp lệ");
    }

    /**
     * The issued report signed by the leader as a token's software does: the signature alone, without the DSS this
     * system's signer adds after it, so the validator has to ask the authority.
     */
    private byte[] signedWithoutValidationData(SigningKey leader) throws Exception {
        byte[] pdf = issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow().pdf();
        byte[] signed = signer.sign(pdf, leader, "Ký ban hành", "Vĩnh Linh", now()).pdf();
        try (PDDocument document = Loader.loadPDF(signed)) {
            return Arrays.copyOf(signed, (int) end(document.getLastSignatureDictionary().getByteRange()));
        }
    }

    private void assertStoredResponsesMatchTheirHashes() throws Exception {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select source, location, response, response_sha256 from issued_document_revocation
                        where campaign_id = ? and unit_code = 'VL-A' and document_kind = 'REPORT'""")
                .params(campaign.id()).query().listOfRows();
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            assertThat(row.get("RESPONSE")).as("the response itself is kept").isNotNull();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((byte[]) row.get("RESPONSE"))))
                    .isEqualTo(row.get("RESPONSE_SHA256"));
        }
    }

    private Map<String, Object> signatureDescribed() {
        ResponseEntity<Map> description = anonymous.withBasicAuth("rev-vla-signer", PASSWORD)
                .getForEntity(reportUrl() + "/written", Map.class);
        assertThat(description.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (Map<String, Object>) description.getBody().get("signature");
    }

    private ResponseEntity<Map> upload(byte[] file) {
        return anonymous.withBasicAuth("rev-vla-signer", PASSWORD).exchange(reportUrl() + "/written.pdf", HttpMethod.PUT,
                fileUpload("bao-cao-da-ky.pdf", file), Map.class);
    }

    private String reportUrl() {
        return "/api/campaigns/" + campaign.id() + "/units/VL-A/report";
    }

    private static List<byte[]> streams(COSDictionary dss, String name) throws Exception {
        List<byte[]> contents = new ArrayList<>();
        COSArray array = (COSArray) dss.getDictionaryObject(COSName.getPDFName(name));
        assertThat(array).as("/DSS /" + name).isNotNull();
        for (int i = 0; i < array.size(); i++) {
            try (var in = ((COSStream) array.getObject(i)).createInputStream()) {
                contents.add(in.readAllBytes());
            }
        }
        return contents;
    }

    private static long end(int[] range) {
        return (long) range[2] + range[3];
    }
}
