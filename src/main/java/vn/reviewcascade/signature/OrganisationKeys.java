package vn.reviewcascade.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Finds the key an issuing unit signs with: its own keystore ({@code <keystore-directory>/<code>.p12}) if it has one,
 * else the demo authority's certificate for it (demo profile), else the deployment's keystore — a PKCS#12 file, or a
 * token or HSM through the JDK's SunPKCS11 provider. The deployment's key and the trusted authorities are read at
 * start, so a wrong password or a broken file stops the start; a unit's key is read at its first use and kept.
 */
@Component
public class OrganisationKeys {

    private final SigningProperties properties;
    private final DemoCertificateAuthority demoAuthority;
    private final Map<String, SigningKey> unitKeys = new ConcurrentHashMap<>();
    private final SigningKey deploymentKey;
    private final Set<TrustAnchor> trustAnchors;

    public OrganisationKeys(SigningProperties properties) {
        this.properties = properties;
        this.demoAuthority = properties.demoCa() == null ? null
                : new DemoCertificateAuthority(properties.demoCa(), properties.passwordChars());
        // A wrong password or a missing file stops the start, rather than the first sign-off weeks later.
        if (properties.keystoreDirectory() != null && !Files.isDirectory(properties.keystoreDirectory())) {
            throw new IllegalStateException("review-cascade.signing.keystore-directory không phải một thư mục: "
                    + properties.keystoreDirectory());
        }
        this.deploymentKey = properties.keystore() == null ? null : readDeploymentKey(properties);
        this.trustAnchors = readTrustAnchors();
    }

    /** The key the unit signs its documents with; fails, naming what is missing, when it has none. */
    public SigningKey keyOf(String unitCode, String unitName) {
        return unitKeys.computeIfAbsent(unitCode, code -> find(code, unitName));
    }

    /**
     * The authorities a document uploaded as signed elsewhere may chain to: the configured ones, the demo authority,
     * and the root of the deployment's own key; read once, at start.
     */
    public Set<TrustAnchor> trustAnchors() {
        return trustAnchors;
    }

    /** The unit a certificate of the demo authority names (demo profile and tests); empty for any other. */
    Optional<String> demoUnitOf(X509Certificate certificate) {
        return demoAuthority == null ? Optional.empty() : demoAuthority.unitOf(certificate);
    }

    /**
     * A CRL this deployment holds itself for the issuer, current now: the demo authority's, which no server
     * publishes. Empty for any other issuer, whose CRLs are fetched from where its certificates say.
     */
    Optional<X509CRL> heldCrl(X509Certificate issuer, Instant now) {
        return demoAuthority != null && demoAuthority.certificate().equals(issuer)
                ? Optional.of(demoAuthority.crl(now)) : Optional.empty();
    }

    private Set<TrustAnchor> readTrustAnchors() {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (Path file : certificateFiles(properties.trustedCertificates())) {
            try (InputStream in = Files.newInputStream(file)) {
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                        .forEach(certificate -> anchors.add(new TrustAnchor((X509Certificate) certificate, null)));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Không đọc được chứng thư của tổ chức chứng thực trong "
                        + "review-cascade.signing.trusted-certificates: " + file + " (" + e.getMessage() + ")", e);
            }
        }
        if (demoAuthority != null) {
            anchors.add(new TrustAnchor(demoAuthority.certificate(), null));
        }
        if (deploymentKey != null) {
            List<X509Certificate> chain = deploymentKey.chain();
            anchors.add(new TrustAnchor(chain.get(chain.size() - 1), null));
        }
        return Collections.unmodifiableSet(anchors);
    }

    /**
     * The files named, a directory standing for the certificate files in it ({@code .pem}, {@code .crt},
     * {@code .cer}), so a deployment drops an authority's roots (Ban Cơ yếu Chính phủ's) into one place.
     */
    private static List<Path> certificateFiles(List<Path> named) {
        List<Path> files = new ArrayList<>();
        for (Path path : named) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> entries = Files.list(path)) {
                entries.filter(entry -> entry.getFileName().toString().toLowerCase().matches(".*\\.(pem|crt|cer)"))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new IllegalStateException("Không đọc được thư mục chứng thư của tổ chức chứng thực trong "
                        + "review-cascade.signing.trusted-certificates: " + path + " (" + e.getMessage() + ")", e);
            }
        }
        return files;
    }

    private SigningKey find(String unitCode, String unitName) {
        if (properties.keystoreDirectory() != null) {
            Path own = properties.keystoreDirectory().resolve(unitCode + ".p12");
            if (Files.isRegularFile(own)) {
                return read(() -> readPkcs12(own, properties.passwordChars()), own.toString());
            }
        }
        if (demoAuthority != null) {
            return demoAuthority.keyOf(unitCode, unitName);
        }
        if (deploymentKey != null) {
            return deploymentKey;
        }
        throw new IllegalStateException("Không có chứng thư số để ký văn bản của " + unitName + ": thiếu tệp "
                + properties.keystoreDirectory().resolve(unitCode + ".p12") + " và chưa cấu hình review-cascade.signing.keystore");
    }

    private static SigningKey readDeploymentKey(SigningProperties properties) {
        Path file = properties.keystore();
        return read(() -> properties.keystoreType().equals("PKCS11") ? readToken(file, properties.passwordChars())
                : readPkcs12(file, properties.passwordChars()), file.toString());
    }

    private interface KeyReader {
        SigningKey read() throws GeneralSecurityException, IOException;
    }

    private static SigningKey read(KeyReader reader, String source) {
        try {
            return reader.read();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Không đọc được khóa ký số từ " + source + " (sai mật khẩu hoặc tệp hỏng?): "
                    + e.getMessage(), e);
        }
    }

    static SigningKey readPkcs12(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return firstKey(store, password, null, file.toString());
    }

    /**
     * A token or HSM: the JDK's SunPKCS11 provider configured by the file (library path, slot), logged in with the
     * PIN; the key never leaves the device, the provider signs with it.
     */
    private static SigningKey readToken(Path configuration, char[] pin) throws GeneralSecurityException, IOException {
        Provider provider = Security.getProvider("SunPKCS11").configure(configuration.toString());
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, pin);
        return firstKey(store, pin, provider, configuration.toString());
    }

    private static SigningKey firstKey(KeyStore store, char[] password, Provider provider, String source)
            throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    List<X509Certificate> certificates = new ArrayList<>();
                    Arrays.stream(chain).forEach(certificate -> certificates.add((X509Certificate) certificate));
                    return new SigningKey(privateKey, certificates, provider);
                }
            }
        }
        throw new GeneralSecurityException("no private key with a certificate in " + source);
    }
}
