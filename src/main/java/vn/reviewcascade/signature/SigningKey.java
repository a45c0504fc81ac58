package vn.reviewcascade.signature;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An issuing organisation's private key with its certificate chain (the organisation's certificate first).
 *
 * @param provider the security provider holding the key: a token's SunPKCS11 instance, or null for a key in memory
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {

    public SigningKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A signing key needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Whom the certificate names: the organisation, as its common name spells it. */
    public String holderName() {
        return CertificateNames.commonName(certificate());
    }
}
