package vn.reviewcascade.signature;

import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Names read out of certificates as people read them: the common name, with its Vietnamese intact. */
final class CertificateNames {

    private CertificateNames() {
    }

    static String commonName(X509Certificate certificate) {
        return commonName(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
    }

    static String issuerName(X509Certificate certificate) {
        return commonName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()));
    }

    private static String commonName(X500Name name) {
        RDN[] names = name.getRDNs(BCStyle.CN);
        return names.length == 0 ? name.toString() : IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}
