package vn.reviewcascade.signature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A certification authority made in the test, as Ban Cơ yếu's looks to a deployment: a root, an intermediate under
 * it, leaders' certificates under that naming an OCSP responder and a CRL, and an HTTP server on 127.0.0.1 serving
 * the responder and both CRLs, answering at the engine's time. Nothing leaves the machine; keys live in memory.
 */
final class TestAuthority implements AutoCloseable {

    private static final Date NOT_BEFORE = Date.from(Instant.parse("2020-01-01T00:00:00Z"));
    private static final Date NOT_AFTER = Date.from(Instant.parse("2060-01-01T00:00:00Z"));
    private static final AtomicInteger SERIALS = new AtomicInteger(1000);

    private final HttpServer server;
    private final KeyPair rootKeys = keyPair();
    private final X509Certificate root;
    private final KeyPair intermediateKeys = keyPair();
    private final X509Certificate intermediate;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicInteger ocspRequests = new AtomicInteger();

    private TestAuthority() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        X500Name rootName = new X500Name("CN=Tổ chức chứng thực gốc thử nghiệm,O=Thử nghiệm,C=VN");
        root = certificate(rootName, rootName, rootKeys, rootKeys, true, null, null);
        intermediate = certificate(rootName, new X500Name("CN=Tổ chức chứng thực trung gian thử nghiệm,C=VN"),
                intermediateKeys, rootKeys, true, null, url("/root.crl"));
        server.createContext("/ocsp", this::ocsp);
        server.createContext("/intermediate.crl", exchange -> send(exchange, crl(intermediate, intermediateKeys, true)));
        server.createContext("/root.crl", exchange -> send(exchange, crl(root, rootKeys, false)));
        server.createContext("/ocsp-unavailable", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    static TestAuthority start() {
        try {
            return new TestAuthority();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** An address on 127.0.0.1 where nothing listens: a responder that is down. */
    static String unreachable(String path) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + path;
        }
    }

    X509Certificate root() {
        return root;
    }

    int ocspRequests() {
        return ocspRequests.get();
    }

    /** The root as a PEM file in the directory, as a deployment drops Ban Cơ yếu's roots into one. */
    Path writeRoot(Path directory) throws IOException {
        Files.createDirectories(directory);
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(root);
        }
        return Files.writeString(directory.resolve("root.pem"), pem.toString());
    }

    /** A leader's key under the intermediate, naming the OCSP responder and CRL at the addresses given (or none). */
    SigningKey leader(String name, String ocspUrl, String crlUrl) {
        try {
            KeyPair pair = keyPair();
            X509Certificate certificate = certificate(new JcaX509CertificateHolder(intermediate).getSubject(),
                    new X500Name("CN=" + name + ",O=Đảng Cộng sản Việt Nam,C=VN"), pair, intermediateKeys, false, ocspUrl,
                    crlUrl);
            return new SigningKey(pair.getPrivate(), List.of(certificate, intermediate, root), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as a PKCS#12 file, as a unit's keystore in {@code keystore-directory}. */
    static Path keystore(SigningKey key, Path file, String password) throws Exception {
        Files.createDirectories(file.getParent());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signing", key.privateKey(), password.toCharArray(), key.chain().toArray(Certificate[]::new));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    void revoke(X509Certificate certificate, Instant at) {
        revoked.put(certificate.getSerialNumber(), at);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Answers as a CA's responder does: signed by the issuer (the intermediate), the nonce echoed, good for a day. */
    private void ocsp(HttpExchange exchange) throws IOException {
        ocspRequests.incrementAndGet();
        try {
            OCSPReq request = new OCSPReq(exchange.getRequestBody().readAllBytes());
            Date now = ClockUtil.getCurrentTime();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(
                    new JcaX509CertificateHolder(intermediate).getSubject()));
            for (Req one : request.getRequestList()) {
                Instant revokedAt = revoked.get(one.getCertID().getSerialNumber());
                CertificateStatus status = revokedAt == null ? CertificateStatus.GOOD
                        : new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise);
                builder.addResponse(one.getCertID(), status, now, Date.from(now.toInstant().plus(Duration.ofDays(1))), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            byte[] answer = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(signer(intermediateKeys),
                    new X509CertificateHolder[] {new JcaX509CertificateHolder(intermediate)}, now)).getEncoded();
            send(exchange, answer);
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        }
    }

    private byte[] crl(X509Certificate issuer, KeyPair keys, boolean listRevoked) {
        try {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, Date.from(now.minus(Duration.ofMinutes(1))));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            if (listRevoked) {
                revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
            }
            return builder.build(signer(keys)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys,
                                               boolean authority, String ocspUrl, String crlUrl) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIALS.incrementAndGet()), NOT_BEFORE, NOT_AFTER, subject, subjectKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(authority))
                .addExtension(Extension.keyUsage, true, new KeyUsage(authority ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                        : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (ocspUrl != null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
        }
        if (crlUrl != null) {
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKeys)));
    }

    private static ContentSigner signer(KeyPair keys) throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
