package vn.reviewcascade.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.reviewcascade.EngineClock;

import static org.assertj.core.api.Assertions.assertThat;

/** With a timestamp service configured, documents are signed PAdES baseline T: the time is the service's, not ours. */
class TimestampedSignatureTest {

    private HttpServer timestampService;
    private final AtomicInteger requests = new AtomicInteger();
    private static final Instant SERVICE_TIME = Instant.parse("2030-10-02T03:04:05Z");

    @BeforeEach
    void startTimestampService() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Dịch vụ dấu thời gian thử nghiệm,C=VN");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.TWO, Date.from(Instant.parse("2020-01-01T00:00:00Z")),
                Date.from(Instant.parse("2050-01-01T00:00:00Z")), name, pair.getPublic())
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", pair.getPrivate(), certificate),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(List.of(certificate)));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        timestampService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        timestampService.createContext("/tsa", exchange -> {
            try {
                TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                byte[] answer = responses.generate(request, BigInteger.valueOf(requests.incrementAndGet()),
                        Date.from(SERVICE_TIME)).getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        timestampService.start();
    }

    @AfterEach
    void stopTimestampService() {
        timestampService.stop(0);
    }

    @Test
    void aTimestampedSignatureTakesItsTimeFromTheService() throws IOException {
        URI url = URI.create("http://127.0.0.1:" + timestampService.getAddress().getPort() + "/tsa");
        SigningProperties properties = new SigningProperties(null, null, null, "test", null, url, Path.of("target/test-ca"));
        OrganisationKeys keys = new OrganisationKeys(properties);
        RevocationProperties revocation = new RevocationProperties(false, Duration.ofSeconds(5), Duration.ofDays(7));
        // The validation runs after the service's time: the demo authority's CRL is issued then and speaks for it.
        EngineClock clock = new EngineClock() {
            @Override
            public Instant now() {
                return SERVICE_TIME.plus(Duration.ofHours(1));
            }
        };
        RevocationChecker checker = new RevocationChecker(keys, revocation, clock);
        PadesSigner signer = new PadesSigner(properties, checker, keys);
        Instant claimed = SERVICE_TIME.minus(Duration.ofDays(400));

        byte[] signed = signer.sign(blankPdf(), keys.keyOf("TS-TEST", "Đảng ủy thử dấu thời gian"), "Ban hành", "Đông Hà",
                claimed).pdf();

        SignatureCheck check = new PdfSignatureValidator(keys, clock, checker, revocation).check(signed);
        assertThat(signer.level()).isEqualTo("PAdES-BASELINE-T");
        assertThat(requests.get()).isEqualTo(1);
        assertThat(check.timestamped()).isTrue();
        assertThat(check.signedAt()).as("the service's time, not the claimed one")
                .isEqualTo(SERVICE_TIME.truncatedTo(ChronoUnit.SECONDS));
        assertThat(check.signer()).isEqualTo("Đảng ủy thử dấu thời gian");
        assertThat(check.revocation().status()).as(check.revocation().summary()).isEqualTo(RevocationStatus.GOOD);
    }

    private static byte[] blankPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
