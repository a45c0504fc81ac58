package vn.reviewcascade.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.security.cert.TrustAnchor;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Component;

import vn.reviewcascade.Vietnam;

/**
 * Signs a PDF as PAdES (ETSI EN 319 142-1): an incremental update holding a detached CAdES signature (SubFilter
 * ETSI.CAdES.detached) whose signed attributes bind the signer's certificate (ESS signing-certificate-v2) and leave
 * the time to the signature dictionary, as PAdES asks — baseline B; with a timestamp service configured, a timestamp
 * token on the signature value makes it baseline T. Then a second incremental update adds the validation data the
 * signer's certificate was checked with — its chain, and the OCSP responses and CRLs that said it was not revoked —
 * as the document's DSS, so the signature can be validated years later without the authority's services (baseline
 * LT when the revocation was checked). PDFBox writes the PDF structure, BouncyCastle the CMS.
 */
@Component
public class PadesSigner {

    /** Room reserved in the file for the CMS: the chain, and a timestamp token with its own chain. */
    private static final int SIGNATURE_ROOM = 32 * 1024;

    private final TimestampService timestamps;
    private final RevocationChecker revocations;
    private final OrganisationKeys keys;

    public PadesSigner(SigningProperties properties, RevocationChecker revocations, OrganisationKeys keys) {
        this.timestamps = properties.timestampUrl() == null ? null : new TimestampService(properties.timestampUrl());
        this.revocations = revocations;
        this.keys = keys;
    }

    /**
     * A PDF as signed, with how the signer's certificates were checked for revocation when it was signed.
     *
     * @param pdf        the signed file, its DSS included
     * @param revocation what the DSS's revocation data says; unchecked when no authority answered
     */
    public record SignedPdf(byte[] pdf, Revocation revocation) {
    }

    /**
     * What a signature shows on the page, as a reader looks for a "ký số" mark where a leader would sign by hand: who
     * signed, for which organisation and when, drawn in a box over the room the document left for it.
     *
     * @param page         the page's index, from 0
     * @param x            the box's lower left corner and size, in PDF points from the page's lower left
     * @param signerName   the leader's full name, or null when no person is known (the organisation is named alone)
     * @param organisation the issuing unit, as its name is written
     */
    public record Stamp(int page, float x, float y, float width, float height, String signerName, String organisation) {
    }

    /** Whether the signatures made here carry a timestamp (baseline T) or not (baseline B). */
    public String level() {
        return timestamps == null ? "PAdES-BASELINE-B" : "PAdES-BASELINE-T";
    }

    /**
     * The PDF signed with the key, as a new revision of the same file, and its validation data in one more. A
     * certificate found revoked is not signed with (the issuing job fails and raises an incident); one whose
     * revocation no authority answered for is, its status recorded as unchecked, since the key is the deployment's
     * own choice and issuing must not wait on an authority's outage.
     *
     * @param reason   why it is signed, as a PDF reader shows it ("Ban hành văn bản số 12-BC/HU")
     * @param location where, as the document's date line names it
     */
    public SignedPdf sign(byte[] pdf, SigningKey key, String reason, String location, Instant signedAt) {
        return sign(pdf, key, reason, location, signedAt, null);
    }

    /**
     * The PDF signed as above, the signature shown on the page by its stamp (see {@link Stamp}), or invisible with a
     * null stamp — as a token's signature added to an issued document may be.
     */
    public SignedPdf sign(byte[] pdf, SigningKey key, String reason, String location, Instant signedAt, Stamp stamp) {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(CertificateNames.commonName(key.certificate()));
            signature.setReason(reason);
            signature.setLocation(location);
            Calendar time = Calendar.getInstance(TimeZone.getTimeZone(Vietnam.ZONE));
            time.setTimeInMillis(signedAt.toEpochMilli());
            signature.setSignDate(time);
            options.setPreferredSignatureSize(SIGNATURE_ROOM);
            if (stamp != null) {
                PDRectangle page = document.getPage(stamp.page()).getMediaBox();
                options.setVisualSignature(new ByteArrayInputStream(
                        SignatureStamps.widgetTemplate(page, stamp, signedAt)));
                options.setPage(stamp.page());
            }
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_ROOM * 3);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            CMSSignedData cms = cms(external.getContent().readAllBytes(), key);
            external.setSignature(cms.getEncoded("DER"));
            return withValidationData(out.toByteArray(), key, cms, signedAt);
        } catch (IOException | GeneralSecurityException | OperatorCreationException | CMSException | TSPException e) {
            throw new IllegalStateException("Không ký số được văn bản: " + e.getMessage(), e);
        }
    }

    private SignedPdf withValidationData(byte[] signed, SigningKey key, CMSSignedData cms, Instant claimed)
            throws IOException, GeneralSecurityException, TSPException, CMSException {
        List<X509Certificate> path = path(key.chain());
        TimeStampToken timestamp = timestampOf(cms);
        Instant at = timestamp == null ? claimed : timestamp.getTimeStampInfo().getGenTime().toInstant();
        List<RevocationCheck> checks = revocations.check(path, at, timestamp != null, ValidationData.NONE);
        Revocation revocation = Revocation.of(checks);
        if (revocation.status() == RevocationStatus.REVOKED) {
            throw new IllegalStateException("Không ký văn bản bằng chứng thư số đã bị thu hồi: " + revocation.summary());
        }
        List<X509Certificate> certificates = new ArrayList<>(path);
        if (timestamp != null) {
            for (X509CertificateHolder holder : timestamp.getCertificates().getMatches(null)) {
                certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
        }
        ValidationData used = RevocationChecker.used(checks);
        byte[] pdf = DocumentSecurityStore.append(signed,
                new ValidationData(certificates, used.ocspResponses(), used.crls()));
        return new SignedPdf(pdf, revocation);
    }

    /** The key's chain, completed with the trusted root that issued its last certificate when the key lacks it. */
    private List<X509Certificate> path(List<X509Certificate> chain) {
        List<X509Certificate> path = new ArrayList<>(chain);
        X509Certificate last = path.get(path.size() - 1);
        if (!last.getIssuerX500Principal().equals(last.getSubjectX500Principal())) {
            keys.trustAnchors().stream().map(TrustAnchor::getTrustedCert)
                    .filter(root -> root.getSubjectX500Principal().equals(last.getIssuerX500Principal()))
                    .findFirst().ifPresent(path::add);
        }
        return path;
    }

    private static TimeStampToken timestampOf(CMSSignedData cms) throws IOException, TSPException, CMSException {
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        Attribute attribute = signer.getUnsignedAttributes() == null ? null
                : signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        return attribute == null ? null : new TimeStampToken(new CMSSignedData(
                attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
    }

    private CMSSignedData cms(byte[] signedBytes, SigningKey key)
            throws GeneralSecurityException, OperatorCreationException, CMSException, IOException {
        X509Certificate certificate = key.certificate();
        JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(algorithm(key));
        if (key.provider() != null) {
            signerBuilder.setProvider(key.provider());
        }
        ContentSigner signer = signerBuilder.build(key.privateKey());
        byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        AttributeTable signingCertificate = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certificateHash)}))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(withoutSigningTime(signingCertificate))
                .build(signer, certificate));
        generator.addCertificates(new JcaCertStore(key.chain()));
        CMSSignedData signed = generator.generate(new CMSProcessableByteArray(signedBytes), false);
        if (timestamps != null) {
            SignerInformation signerInfo = signed.getSignerInfos().getSigners().iterator().next();
            AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(timestamps.stamp(signerInfo.getSignature()).toCMSSignedData().toASN1Structure())));
            signed = CMSSignedData.replaceSigners(signed,
                    new SignerInformationStore(SignerInformation.replaceUnsignedAttributes(signerInfo, unsigned)));
        }
        return signed;
    }

    /** PAdES keeps the claimed signing time in the signature dictionary only: the CMS must not carry one too. */
    private static CMSAttributeTableGenerator withoutSigningTime(AttributeTable extra) {
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(extra);
        return (Map parameters) -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    private static String algorithm(SigningKey key) {
        return switch (key.privateKey().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            default -> "SHA256withRSA";
        };
    }
}
