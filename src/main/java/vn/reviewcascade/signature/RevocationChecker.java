package vn.reviewcascade.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;

/**
 * Whether a certificate was revoked at a given time, asked of its authority. Per certificate, in this order:
 * validation data the document already carries or the deployment holds (no network, and what a signer embedded is
 * what a verifier years later will have); then OCSP at the responders its Authority Information Access names,
 * because an OCSP answer is about this one certificate, small and current; then the CRLs its distribution points
 * name, as the fallback when a responder is down, refuses or names no responder — a CRL is larger but served as a
 * plain file. The first answer that counts decides; every answer must be signed by the certificate's issuer (or,
 * for OCSP, a responder the issuer delegated to), and "good" counts only while fresh enough for the time asked.
 * With no answer that counts the status is {@link RevocationStatus#UNCHECKED}, never good.
 */
@Component
public class RevocationChecker {

    /** Clocks of authorities and of this server may differ by this much. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrganisationKeys keys;
    private final RevocationProperties properties;
    private final EngineClock clock;
    private final HttpClient http;
    private final DigestCalculatorProvider digests;

    public RevocationChecker(OrganisationKeys keys, RevocationProperties properties, EngineClock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("BouncyCastle has digest calculators", e);
        }
    }

    /**
     * The certificates of a path checked in turn, the signer's first.
     *
     * @param path   the signer's certificate, the intermediates, and the trusted root last (not itself checked)
     * @param at     the time the answers must speak for: the signing time
     * @param proven whether {@code at} is proven (a timestamp): then a revocation after it does not undo the
     *               signature; else any revocation does, since the time is only the signer's claim
     */
    List<RevocationCheck> check(List<X509Certificate> path, Instant at, boolean proven, ValidationData embedded) {
        List<RevocationCheck> checks = new ArrayList<>();
        if (path.size() == 1) {
            checks.add(unanswered(path.get(0), RevocationStatus.TRUSTED_ROOT, null));
        }
        for (int i = 0; i + 1 < path.size(); i++) {
            checks.add(check(path.get(i), path.get(i + 1), at, proven, embedded));
        }
        return checks;
    }

    private RevocationCheck check(X509Certificate certificate, X509Certificate issuer, Instant at, boolean proven,
                                  ValidationData embedded) {
        Question question = new Question(certificate, issuer, at, proven);
        List<String> notes = new ArrayList<>();
        for (byte[] response : embedded.ocspResponses()) {
            Optional<RevocationCheck> answer = ocspAnswer(question, response, "kèm trong tệp PDF", null, notes, false);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        for (byte[] crl : embedded.crls()) {
            Optional<RevocationCheck> answer = crlAnswer(question, crl, "kèm trong tệp PDF", notes, false);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        Optional<X509CRL> held = keys.heldCrl(issuer, clock.now());
        if (held.isPresent()) {
            try {
                Optional<RevocationCheck> answer = crlAnswer(question, held.get().getEncoded(),
                        "của " + CertificateNames.commonName(issuer) + " (lưu tại máy chủ)", notes, true);
                if (answer.isPresent()) {
                    return answer.get();
                }
            } catch (CRLException e) {
                notes.add("CRL lưu tại máy chủ không đọc được");
            }
        }
        List<URI> ocspUrls = urls(certificate, true);
        List<URI> crlUrls = urls(certificate, false);
        for (URI url : ocspUrls) {
            Optional<RevocationCheck> answer = askOcsp(question, url, notes);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        for (URI url : crlUrls) {
            Optional<RevocationCheck> answer = fetchCrl(question, url, notes);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        if (ocspUrls.isEmpty() && crlUrls.isEmpty() && held.isEmpty()) {
            notes.add("chứng thư không ghi địa chỉ OCSP hay CRL nào");
        }
        return unanswered(certificate, RevocationStatus.UNCHECKED, String.join("; ", notes));
    }

    private record Question(X509Certificate certificate, X509Certificate issuer, Instant at, boolean proven) {
    }

    private Optional<RevocationCheck> askOcsp(Question question, URI url, List<String> notes) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        try {
            // RFC 8954: the nonce is an OCTET STRING inside the extension's value.
            Extension nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(random).getEncoded()));
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(question.issuer()), question.certificate().getSerialNumber());
            OCSPReq request = new OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(nonce)).build();
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(properties.timeout())
                            .header("Content-Type", "application/ocsp-request")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                notes.add("OCSP " + url + " trả lời HTTP " + answer.statusCode());
                return Optional.empty();
            }
            return ocspAnswer(question, answer.body(), url.toString(), nonce, notes, true);
        } catch (IOException e) {
            notes.add("OCSP " + url + " " + unreachable(e));
            return Optional.empty();
        } catch (OCSPException | OperatorCreationException | GeneralSecurityException e) {
            notes.add("OCSP " + url + ": không lập được yêu cầu (" + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add("OCSP " + url + ": bị ngắt khi chờ");
            return Optional.empty();
        }
    }

    private Optional<RevocationCheck> fetchCrl(Question question, URI url, List<String> notes) {
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(properties.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                notes.add("CRL " + url + " trả lời HTTP " + answer.statusCode());
                return Optional.empty();
            }
            return crlAnswer(question, answer.body(), url.toString(), notes, true);
        } catch (IOException e) {
            notes.add("CRL " + url + " " + unreachable(e));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add("CRL " + url + ": bị ngắt khi chờ");
            return Optional.empty();
        }
    }

    private static String unreachable(IOException e) {
        return e instanceof HttpTimeoutException ? "không trả lời kịp"
                : "không kết nối được (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
    }

    /**
     * An OCSP response about the certificate, if it is signed by the issuer or its delegated responder and counts
     * for the time asked; else empty, with why in the notes.
     */
    private Optional<RevocationCheck> ocspAnswer(Question question, byte[] response, String location, Extension nonce,
                                                 List<String> notes, boolean fetched) {
        String what = "OCSP " + location;
        try {
            OCSPResp full = parseOcsp(response);
            if (full.getStatus() != OCSPResp.SUCCESSFUL) {
                notes.add(what + " từ chối (mã " + full.getStatus() + ")");
                return Optional.empty();
            }
            BasicOCSPResp basic = (BasicOCSPResp) full.getResponseObject();
            X509CertificateHolder issuer = new JcaX509CertificateHolder(question.issuer());
            Optional<SingleResp> single = Arrays.stream(basic.getResponses())
                    .filter(one -> matches(one.getCertID(), issuer, question.certificate().getSerialNumber()))
                    .findFirst();
            if (single.isEmpty()) {
                if (fetched) {
                    notes.add(what + " trả lời về chứng thư khác");
                }
                return Optional.empty();
            }
            if (!signedByIssuerOrDelegate(basic, question.issuer())) {
                notes.add(what + ": chữ ký trên phản hồi không phải của tổ chức chứng thực cấp chứng thư");
                return Optional.empty();
            }
            // Responders that pre-produce their answers send no nonce: then freshness (below) is what protects.
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null && echoed != null) {
                if (!nonce.getExtnValue().equals(echoed.getExtnValue())) {
                    notes.add(what + ": phản hồi không khớp với yêu cầu (nonce)");
                    return Optional.empty();
                }
            }
            CertificateStatus status = single.get().getCertStatus();
            Instant thisUpdate = single.get().getThisUpdate().toInstant();
            Instant nextUpdate = single.get().getNextUpdate() == null ? null : single.get().getNextUpdate().toInstant();
            if (status instanceof RevokedStatus revoked) {
                return decided(question, "OCSP", location, thisUpdate, nextUpdate, revoked.getRevocationTime().toInstant(),
                        full.getEncoded(), notes);
            }
            if (status != CertificateStatus.GOOD) {
                notes.add(what + ": không biết chứng thư này");
                return Optional.empty();
            }
            return decided(question, "OCSP", location, thisUpdate, nextUpdate, null, full.getEncoded(), notes);
        } catch (IOException | OCSPException | GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            // Whatever does not parse or is not a basic response is no answer.
            notes.add(what + ": phản hồi không đọc được");
            return Optional.empty();
        }
    }

    /** A DSS may hold a full OCSPResponse or, as some writers do, only its BasicOCSPResponse. */
    private static OCSPResp parseOcsp(byte[] response) throws IOException, OCSPException {
        try {
            return new OCSPResp(response);
        } catch (IOException | IllegalArgumentException e) {
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    new BasicOCSPResp(BasicOCSPResponse.getInstance(response)));
        }
    }

    private boolean matches(CertificateID id, X509CertificateHolder issuer, BigInteger serial) {
        try {
            return id.getSerialNumber().equals(serial) && id.matchesIssuer(issuer, digests);
        } catch (OCSPException e) {
            return false;
        }
    }

    /** Signed by the issuer's own key, or by a certificate the issuer gave for signing OCSP responses. */
    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer) {
        try {
            if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                return true;
            }
        } catch (OCSPException | OperatorCreationException e) {
            // Not the issuer's signature: perhaps a delegated responder's, below.
        }
        for (X509CertificateHolder holder : basic.getCerts()) {
            try {
                X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
                if (responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                        && responder.getExtendedKeyUsage() != null
                        && responder.getExtendedKeyUsage().contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
                    responder.verify(issuer.getPublicKey());
                    responder.checkValidity(basic.getProducedAt());
                    if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))) {
                        return true;
                    }
                }
            } catch (GeneralSecurityException | OCSPException | OperatorCreationException e) {
                // Not a responder for this issuer: try the next certificate.
            }
        }
        return false;
    }

    /** A CRL of the certificate's issuer, if signed by it, complete (not a delta) and counting for the time asked. */
    private Optional<RevocationCheck> crlAnswer(Question question, byte[] encoded, String location, List<String> notes,
                                                boolean fetched) {
        String what = "CRL " + location;
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(encoded));
            if (!crl.getIssuerX500Principal().equals(question.issuer().getSubjectX500Principal())) {
                if (fetched) {
                    notes.add(what + " do tổ chức khác cấp");
                }
                return Optional.empty();
            }
            crl.verify(question.issuer().getPublicKey());
            if (crl.getExtensionValue(Extension.deltaCRLIndicator.getId()) != null) {
                notes.add(what + " chỉ là CRL bổ sung (delta)");
                return Optional.empty();
            }
            X509CRLEntry entry = crl.getRevokedCertificate(question.certificate());
            Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
            return decided(question, "CRL", location, crl.getThisUpdate().toInstant(), nextUpdate,
                    entry == null ? null : entry.getRevocationDate().toInstant(), encoded, notes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            notes.add(what + " không hợp lệ hoặc không phải của tổ chức cấp chứng thư (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /**
     * An answer that verified: a revocation that counts decides at once — revocation is final, however old the
     * answer; "not revoked" decides only from an answer fresh for the time asked, issued while the certificate
     * was still within its validity (authorities drop expired certificates from their lists).
     */
    private Optional<RevocationCheck> decided(Question question, String source, String location, Instant thisUpdate,
                                              Instant nextUpdate, Instant revokedAt, byte[] response, List<String> notes) {
        Instant now = clock.now();
        if (revokedAt != null && (!question.proven() || !revokedAt.isAfter(question.at()))) {
            return Optional.of(answered(question.certificate(), source, location, thisUpdate, RevocationStatus.REVOKED,
                    revokedAt, response, null));
        }
        boolean fresh = !thisUpdate.isAfter(now.plus(CLOCK_SKEW))
                && !thisUpdate.isBefore(question.at().minus(properties.maxAge()))
                && (nextUpdate == null || !nextUpdate.plus(CLOCK_SKEW).isBefore(question.at()))
                && !thisUpdate.isAfter(question.certificate().getNotAfter().toInstant());
        if (!fresh) {
            notes.add(source + " " + location + " đã cũ hoặc không áp dụng cho thời điểm ký");
            return Optional.empty();
        }
        return Optional.of(answered(question.certificate(), source, location, thisUpdate, RevocationStatus.GOOD, null,
                response, revokedAt == null ? null : "bị thu hồi sau thời điểm ký đã được dấu thời gian xác nhận"));
    }

    private RevocationCheck answered(X509Certificate certificate, String source, String location, Instant producedAt,
                                     RevocationStatus status, Instant revokedAt, byte[] response, String note) {
        return new RevocationCheck(CertificateNames.commonName(certificate), certificate.getSerialNumber().toString(16),
                source, location, clock.now(), producedAt, status, revokedAt, null, response, note);
    }

    private RevocationCheck unanswered(X509Certificate certificate, RevocationStatus status, String note) {
        return new RevocationCheck(CertificateNames.commonName(certificate), certificate.getSerialNumber().toString(16),
                null, null, clock.now(), null, status, null, null, null, note == null || note.isEmpty() ? null : note);
    }

    /** The HTTP addresses of the certificate's OCSP responders, or of its CRLs; LDAP and others are not asked. */
    private static List<URI> urls(X509Certificate certificate, boolean ocsp) {
        List<URI> urls = new ArrayList<>();
        try {
            Extensions extensions = new JcaX509CertificateHolder(certificate).getExtensions();
            if (extensions == null) {
                return urls;
            }
            if (ocsp) {
                AuthorityInformationAccess access = AuthorityInformationAccess.fromExtensions(extensions);
                if (access != null) {
                    for (AccessDescription description : access.getAccessDescriptions()) {
                        if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                            uri(description.getAccessLocation()).ifPresent(urls::add);
                        }
                    }
                }
            } else {
                CRLDistPoint points = CRLDistPoint.fromExtensions(extensions);
                if (points != null) {
                    for (DistributionPoint point : points.getDistributionPoints()) {
                        DistributionPointName name = point.getDistributionPoint();
                        if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                            for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                                uri(general).ifPresent(urls::add);
                            }
                        }
                    }
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A malformed extension names no address: the certificate is then unchecked, never taken as good.
        }
        return urls;
    }

    private static Optional<URI> uri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(name.getName().toString());
            return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())
                    ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The data a check used, to embed in a document: the OCSP responses and CRLs that answered. */
    static ValidationData used(List<RevocationCheck> checks) {
        List<byte[]> ocsp = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        for (RevocationCheck check : checks) {
            if (check.response() != null) {
                ("OCSP".equals(check.source()) ? ocsp : crls).add(check.response());
            }
        }
        return new ValidationData(List.of(), ocsp, crls);
    }
}
