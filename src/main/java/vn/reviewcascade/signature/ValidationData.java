package vn.reviewcascade.signature;

import java.util.ArrayList;
import java.util.List;

import java.security.cert.X509Certificate;

/**
 * What a verifier needs besides the signature to validate it later: certificates of the path, OCSP responses (DER
 * OCSPResponse) and CRLs (DER), as a PDF's Document Security Store or a CMS signature carries them.
 */
record ValidationData(List<X509Certificate> certificates, List<byte[]> ocspResponses, List<byte[]> crls) {

    static final ValidationData NONE = new ValidationData(List.of(), List.of(), List.of());

    ValidationData {
        certificates = List.copyOf(certificates);
        ocspResponses = List.copyOf(ocspResponses);
        crls = List.copyOf(crls);
    }

    ValidationData with(ValidationData other) {
        List<X509Certificate> allCertificates = new ArrayList<>(certificates);
        other.certificates.stream().filter(certificate -> !allCertificates.contains(certificate)).forEach(allCertificates::add);
        List<byte[]> allOcsp = new ArrayList<>(ocspResponses);
        allOcsp.addAll(other.ocspResponses);
        List<byte[]> allCrls = new ArrayList<>(crls);
        allCrls.addAll(other.crls);
        return new ValidationData(allCertificates, allOcsp, allCrls);
    }

    boolean isEmpty() {
        return certificates.isEmpty() && ocspResponses.isEmpty() && crls.isEmpty();
    }
}
