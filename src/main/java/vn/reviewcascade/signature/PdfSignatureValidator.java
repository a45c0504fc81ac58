package vn.reviewcascade.signature;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.esf.RevocationValues;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.Vietnam;

/**
 * Checks a signed PDF before it is accepted: that it is a PDF, that it is signed, that every signature still matches
 * the bytes it covers, that the last one covers the whole file (nothing added after signing but validation data, the
 * DSS of PAdES long-term validation), that the signer's certificate was valid when it signed — and now too, unless a
 * timestamp proves when that was —, that it chains to a trusted certification authority, and that no certificate of
 * that chain was revoked (OCSP, CRL: see {@link RevocationChecker}). A revocation that cannot be checked is never
 * taken as good: the upload is refused unless {@code review-cascade.signing.revocation.allow-unchecked} accepts it,
 * its status then shown as unchecked. The cryptography is BouncyCastle's and the JDK's PKIX.
 */
@Component
public class PdfSignatureValidator {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Vietnam.ZONE);

    /** Adobe's revocation-information attribute, signed, as token tools signing adbe.pkcs7.detached embed it. */
    private static final ASN1ObjectIdentifier ADOBE_REVOCATION_INFO = new ASN1ObjectIdentifier("1.2.840.113583.1.1.8");

    private final OrganisationKeys keys;
    private final EngineClock clock;
    private final RevocationChecker revocations;
    private final RevocationProperties revocationProperties;

    public PdfSignatureValidator(OrganisationKeys keys, EngineClock clock, RevocationChecker revocations,
                                 RevocationProperties revocationProperties) {
        this.keys = keys;
        this.clock = clock;
        this.revocations = revocations;
        this.revocationProperties = revocationProperties;
    }

    /**
     * A file offered as signed, checked in full: refused, with the reason in Vietnamese, unless every signature holds
     * and the last, covering the whole file, is by a certificate valid then and now that chains to a trusted authority,
     * and no certificate on the signers' paths is revoked; the result carries what the revocation check asked.
     */
    public SignatureCheck check(byte[] file) {
        return check(file, true);
    }

    /**
     * A document the system issued and keeps, described as it is: it must be intact, but whether its authority is
     * trusted here is reported rather than required (a unit's own keystore may come from an authority not listed in
     * {@code trusted-certificates}), and a certificate that expired since the signing does not undo it. Revocation is
     * not asked again: what was checked when the document was stored is kept with it.
     */
    public SignatureCheck inspect(byte[] file) {
        return check(file, false);
    }

    private SignatureCheck check(byte[] file, boolean strict) {
        if (file.length < 5 || !new String(file, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new InvalidSignatureException("Tệp tải lên không phải tệp PDF.");
        }
        try (PDDocument document = Loader.loadPDF(file)) {
            List<PDSignature> signatures = new ArrayList<>(document.getSignatureDictionaries());
            if (signatures.isEmpty()) {
                throw new InvalidSignatureException("Tệp PDF chưa được ký số: văn bản ban hành phải mang chữ ký số của "
                        + "người có thẩm quyền hoặc của cơ quan.");
            }
            signatures.sort(Comparator.comparingLong(signature -> end(signature.getByteRange())));
            ValidationData stored = DocumentSecurityStore.read(document);
            Map<String, RevocationCheck> checked = new LinkedHashMap<>();
            SignatureCheck last = null;
            for (PDSignature signature : signatures) {
                last = checkOne(signature, file, strict, stored, checked);
            }
            long signedEnd = end(signatures.get(signatures.size() - 1).getByteRange());
            if (signedEnd != file.length
                    && !DocumentSecurityStore.onlyAddsValidationData(file, document, (int) signedEnd)) {
                throw new InvalidSignatureException("Chữ ký số không bao trùm toàn bộ tệp: tệp đã được thêm nội dung sau "
                        + "khi ký, nên không còn là văn bản đã ký.");
            }
            return strict ? last.withRevocation(Revocation.of(new ArrayList<>(checked.values()))) : last;
        } catch (IOException e) {
            throw new InvalidSignatureException("Tệp PDF bị hỏng, không đọc được (" + e.getMessage() + ").");
        }
    }

    private SignatureCheck checkOne(PDSignature signature, byte[] file, boolean strict, ValidationData stored,
                                    Map<String, RevocationCheck> checked) throws IOException {
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || end(range) > file.length) {
            throw new InvalidSignatureException("Chữ ký số hỏng: vùng dữ liệu được ký không hợp lệ.");
        }
        String subFilter = signature.getSubFilter();
        boolean pades = PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(subFilter);
        if (!pades && !PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName().equals(subFilter)) {
            throw new InvalidSignatureException("Chữ ký số dạng \"" + subFilter + "\" không được hỗ trợ: chỉ nhận chữ ký "
                    + "PAdES (ETSI.CAdES.detached) hoặc adbe.pkcs7.detached.");
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(file)),
                    contentInfo(signature.getContents(file)));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            List<X509Certificate> certificates = new ArrayList<>();
            for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
            @SuppressWarnings("unchecked") // SignerId is a raw Selector
            Collection<X509CertificateHolder> signerCertificates = cms.getCertificates().getMatches(signer.getSID());
            X509CertificateHolder signerHolder = signerCertificates.stream().findFirst()
                    .orElseThrow(() -> new InvalidSignatureException("Chữ ký số không kèm chứng thư số của người ký."));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(signerHolder);
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                throw altered();
            }
            TimeStampToken timestamp = timestamp(signer);
            Instant signedAt = timestamp != null ? timestamp.getTimeStampInfo().getGenTime().toInstant()
                    : signature.getSignDate() != null ? signature.getSignDate().toInstant() : clock.now();
            requireValid(certificate, signedAt);
            if (strict && timestamp == null) {
                // Without a timestamp the time is the signer's own claim: the certificate must still be valid now.
                requireValid(certificate, clock.now());
            }
            ValidationData embedded = stored.with(embedded(cms, signer));
            certificates.addAll(embedded.certificates());
            Optional<List<X509Certificate>> path = path(certificate, certificates, signedAt);
            if (strict && path.isEmpty()) {
                throw new InvalidSignatureException("Chứng thư số của người ký (" + CertificateNames.commonName(certificate)
                        + ", do " + CertificateNames.issuerName(certificate) + " cấp) không thuộc tổ chức chứng thực được "
                        + "tin cậy.");
            }
            if (strict) {
                requireNotRevoked(certificate, revocations.check(path.get(), signedAt, timestamp != null, embedded), checked);
            }
            return new SignatureCheck(CertificateNames.commonName(certificate), certificate.getSubjectX500Principal().getName(),
                    CertificateNames.issuerName(certificate), certificate.getSerialNumber().toString(16),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), signedAt,
                    timestamp != null, pades ? "PAdES" : "PKCS#7", path.isPresent(), null);
        } catch (CMSException e) {
            if (e.getMessage() != null && e.getMessage().contains("message-digest")) {
                throw altered();
            }
            throw new InvalidSignatureException("Chữ ký số hỏng, không đọc được (" + e.getMessage() + ").");
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new InvalidSignatureException("Chữ ký số không kiểm tra được (" + e.getMessage() + ").");
        }
    }

    /** Refused when a certificate on the path is revoked, or when none could be checked and that is not allowed. */
    private void requireNotRevoked(X509Certificate certificate, List<RevocationCheck> checks,
                                   Map<String, RevocationCheck> checked) {
        Revocation revocation = Revocation.of(checks);
        if (revocation.status() == RevocationStatus.REVOKED) {
            throw new InvalidSignatureException("Chữ ký số của " + CertificateNames.commonName(certificate)
                    + " không được chấp nhận: chứng thư số " + revocation.summary() + ".");
        }
        if (revocation.status() == RevocationStatus.UNCHECKED && !revocationProperties.allowUnchecked()) {
            throw new InvalidSignatureException("Chữ ký số của " + CertificateNames.commonName(certificate)
                    + " chưa được chấp nhận vì " + revocation.summary() + ". Hãy thử lại khi dịch vụ OCSP/CRL của tổ "
                    + "chức chứng thực truy cập được từ máy chủ, hoặc báo quản trị viên.");
        }
        checks.forEach(check -> checked.putIfAbsent(check.serialNumber() + "/" + check.certificate(), check));
    }

    /**
     * Revocation data the signature carries itself: CRLs and OCSP responses in the CMS (RFC 5940), in Adobe's signed
     * attribute, and in CAdES revocation values; and the certificates beside it.
     */
    private static ValidationData embedded(CMSSignedData cms, SignerInformation signer) throws IOException {
        try {
            return embeddedRevocationData(cms, signer);
        } catch (IllegalArgumentException | ClassCastException e) {
            // Malformed revocation data is no evidence either way: the authority's services are asked instead.
            return ValidationData.NONE;
        }
    }

    private static ValidationData embeddedRevocationData(CMSSignedData cms, SignerInformation signer) throws IOException {
        List<byte[]> crls = new ArrayList<>();
        List<byte[]> ocsp = new ArrayList<>();
        for (Object crl : cms.getCRLs().getMatches(null)) {
            crls.add(((X509CRLHolder) crl).getEncoded());
        }
        for (Object response : cms.getOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response).getMatches(null)) {
            ocsp.add(((ASN1Encodable) response).toASN1Primitive().getEncoded());
        }
        Attribute adobe = signer.getSignedAttributes() == null ? null
                : signer.getSignedAttributes().get(ADOBE_REVOCATION_INFO);
        if (adobe != null) {
            // RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRLs, ocsp [1] EXPLICIT SEQUENCE OF
            // OCSPResponse, otherRevInfo [2] ... }, each part optional.
            for (ASN1Encodable part : ASN1Sequence.getInstance(adobe.getAttrValues().getObjectAt(0))) {
                ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(part);
                if (tagged.getTagNo() == 0 || tagged.getTagNo() == 1) {
                    for (ASN1Encodable item : ASN1Sequence.getInstance(tagged.getExplicitBaseObject())) {
                        (tagged.getTagNo() == 0 ? crls : ocsp).add(item.toASN1Primitive().getEncoded());
                    }
                }
            }
        }
        Attribute values = signer.getUnsignedAttributes() == null ? null
                : signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_ets_revocationValues);
        if (values != null) {
            RevocationValues revocationValues = RevocationValues.getInstance(values.getAttrValues().getObjectAt(0));
            for (CertificateList crl : revocationValues.getCrlVals()) {
                crls.add(crl.getEncoded());
            }
            for (BasicOCSPResponse response : revocationValues.getOcspVals()) {
                ocsp.add(response.getEncoded());
            }
        }
        return new ValidationData(List.of(), ocsp, crls);
    }

    /** The CMS in /Contents is followed by the zeros that fill the room reserved for it: read the first object only. */
    private static ContentInfo contentInfo(byte[] contents) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            ASN1Primitive first = in.readObject();
            if (first == null) {
                throw new InvalidSignatureException("Chữ ký số trống: tệp có chỗ cho chữ ký nhưng chưa được ký.");
            }
            int length = first.getEncoded().length;
            for (int i = length; i < contents.length; i++) {
                if (contents[i] != 0) {
                    // Nothing verifies these bytes, so nothing may be in them: the file must be exactly as signed.
                    throw new InvalidSignatureException("Chữ ký số bị sửa: vùng dành cho chữ ký có dữ liệu lạ sau chữ ký.");
                }
            }
            return ContentInfo.getInstance(first);
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException("Chữ ký số hỏng, không đọc được (" + e.getMessage() + ").");
        }
    }

    private static InvalidSignatureException altered() {
        return new InvalidSignatureException("Chữ ký số không còn khớp với nội dung: tệp đã bị sửa sau khi ký.");
    }

    private static TimeStampToken timestamp(SignerInformation signer) throws IOException {
        if (signer.getUnsignedAttributes() == null) {
            return null;
        }
        Attribute attribute = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0)
                    .toASN1Primitive().getEncoded()));
            byte[] imprint = MessageDigest.getInstance(token.getTimeStampInfo().getHashAlgorithm().getAlgorithm().getId())
                    .digest(signer.getSignature());
            if (!Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
                throw new InvalidSignatureException("Dấu thời gian của chữ ký không khớp với chữ ký.");
            }
            @SuppressWarnings("unchecked") // SignerId is a raw Selector
            Collection<X509CertificateHolder> authorities = token.getCertificates().getMatches(token.getSID());
            X509CertificateHolder authority = authorities.stream().findFirst()
                    .orElseThrow(() -> new InvalidSignatureException("Dấu thời gian không kèm chứng thư của đơn vị cấp."));
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
            return token;
        } catch (TSPException | CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new InvalidSignatureException("Dấu thời gian của chữ ký không hợp lệ (" + e.getMessage() + ").");
        }
    }

    private static void requireValid(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            throw new InvalidSignatureException("Chứng thư số của người ký (" + CertificateNames.commonName(certificate)
                    + ") đã hết hạn ngày " + DAY.format(certificate.getNotAfter().toInstant()) + ".");
        } catch (CertificateNotYetValidException e) {
            throw new InvalidSignatureException("Chứng thư số của người ký (" + CertificateNames.commonName(certificate)
                    + ") chỉ có hiệu lực từ ngày " + DAY.format(certificate.getNotBefore().toInstant()) + ".");
        }
    }

    /**
     * The certificate's path to a trusted authority at the time: the certificate, the intermediates, and the
     * authority's own certificate last; empty when there is none.
     */
    private Optional<List<X509Certificate>> path(X509Certificate certificate, List<X509Certificate> certificates,
                                                 Instant at) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(keys.trustAnchors(), target);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certificates)));
            // Revocation is checked by RevocationChecker, which records what it asked; the JDK's would not say.
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            List<X509Certificate> path = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(member -> path.add((X509Certificate) member));
            path.add(result.getTrustAnchor().getTrustedCert());
            return Optional.of(path);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Where the bytes a signature covers end: its ByteRange's second part's offset plus length; -1 if malformed. */
    static long end(int[] range) {
        return range == null || range.length != 4 ? -1 : (long) range[2] + range[3];
    }
}
