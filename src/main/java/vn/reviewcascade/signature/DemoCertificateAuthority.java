package vn.reviewcascade.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo profile's certification authority: created under its directory at first start, it issues each unit a
 * certificate in its own name the first time the unit issues a document, kept as {@code unit-keys/<code>.p12}, with
 * the unit's code as the subject's organizationIdentifier so a signature can be told to be the unit's (the keys of
 * {@code units/}, issued before certificates carried the code, are left unused so every unit's does). Nothing
 * of it is committed or shipped; its certificates say they are not for real use. Two nodes starting together on one
 * directory both create files under temporary names and move them into place: the first move wins, the other node
 * reads the winner's.
 */
final class DemoCertificateAuthority {

    static final String CA_NAME = "CA thử nghiệm review-cascade (KHÔNG DÙNG THẬT)";

    /** Valid from well before any plan a demo or test places its campaign in, to well after. */
    private static final Date NOT_BEFORE = Date.from(LocalDate.of(2015, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    private static final Date NOT_AFTER = Date.from(LocalDate.of(2060, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A CRL covers a week from when it is issued, starting a little before in case clocks differ. */
    private static final Duration CRL_VALIDITY = Duration.ofDays(7);
    private static final Duration CRL_BACKDATE = Duration.ofMinutes(10);

    private final Path directory;
    private final char[] password;
    private final SigningKey authority;

    DemoCertificateAuthority(Path directory, char[] password) {
        this.directory = directory;
        this.password = password;
        this.authority = loadOrCreate(directory.resolve("ca.p12"), this::createAuthority);
    }

    X509Certificate certificate() {
        return authority.certificate();
    }

    /**
     * The authority's CRL current now (the engine's time): kept as {@code ca.crl}, issued anew when the kept one does
     * not cover now (tests move the engine's clock both ways). The demo revokes nothing, so it lists nothing; its
     * certificates name no distribution point, since nothing serves the file: the signer embeds the CRL in each
     * issued document (its DSS), and the validator reads it from there or from this directory.
     */
    synchronized X509CRL crl(Instant now) {
        Path file = directory.resolve("ca.crl");
        try {
            if (Files.exists(file)) {
                X509CRL kept;
                try (InputStream in = Files.newInputStream(file)) {
                    kept = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
                }
                if (!kept.getThisUpdate().toInstant().isAfter(now) && kept.getNextUpdate().toInstant().isAfter(now)) {
                    return kept;
                }
            }
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(authority.certificate(), Date.from(now.minus(CRL_BACKDATE)));
            builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(authority.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
            X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(authority.privateKey())));
            Path temporary = Files.createTempFile(directory, "ca.crl", ".tmp");
            try {
                Files.write(temporary, crl.getEncoded());
                // Another node may have written its own meanwhile: either CRL says the same.
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return crl;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Không lập được danh sách thu hồi (CRL) của CA thử nghiệm " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** The unit's key, issued now if it has none yet. */
    SigningKey keyOf(String unitCode, String unitName) {
        return loadOrCreate(directory.resolve("unit-keys").resolve(unitCode + ".p12"), () -> issue(unitCode, unitName));
    }

    /**
     * The code of the unit a certificate of this authority was issued to; empty for another authority's certificate,
     * or one issued before certificates carried the code.
     */
    Optional<String> unitOf(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(authority.certificate().getSubjectX500Principal())) {
            return Optional.empty();
        }
        try {
            certificate.verify(authority.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            // Another authority of the same name: the code in it is not this authority's word.
            return Optional.empty();
        }
        RDN[] codes = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.ORGANIZATION_IDENTIFIER);
        return codes.length == 0 ? Optional.empty()
                : Optional.of(IETFUtils.valueToString(codes[0].getFirst().getValue()));
    }

    private interface KeyFactory {
        SigningKey create() throws GeneralSecurityException, OperatorCreationException, IOException;
    }

    private SigningKey loadOrCreate(Path file, KeyFactory factory) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
                try {
                    write(factory.create(), temporary);
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // Another node created it first: use theirs, so both sign with the same certificate.
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            return OrganisationKeys.readPkcs12(file, password);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Không tạo được chứng thư số thử nghiệm " + file + ": " + e.getMessage(), e);
        }
    }

    private SigningKey createAuthority() throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair pair = keyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "review-cascade")
                .addRDN(BCStyle.CN, CA_NAME).build();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), NOT_BEFORE, NOT_AFTER, name,
                pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = sign(builder, pair.getPrivate());
        return new SigningKey(pair.getPrivate(), List.of(certificate), null);
    }

    private SigningKey issue(String unitCode, String unitName)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair pair = keyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "Đảng Cộng sản Việt Nam").addRDN(BCStyle.ORGANIZATION_IDENTIFIER, unitCode)
                .addRDN(BCStyle.CN, unitName).build();
        X509Certificate ca = authority.certificate();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(), NOT_BEFORE, NOT_AFTER, subject,
                pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = sign(builder, authority.privateKey());
        return new SigningKey(pair.getPrivate(), List.of(certificate, ca), null);
    }

    private void write(SigningKey key, Path file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signing", key.privateKey(), password, key.chain().toArray(Certificate[]::new));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }
}
