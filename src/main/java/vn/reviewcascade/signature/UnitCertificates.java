package vn.reviewcascade.signature;

import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.reviewcascade.unit.UnitTree;

/**
 * Whose a signing certificate is: the units it belongs to, by the demo authority's unit code in certificates it issued
 * and by the subjects configured in {@code review-cascade.signing.unit-certificates}. A trusted authority vouches for
 * who a certificate names, not for which unit may sign what; this says which unit's documents it may sign.
 */
@Component
public class UnitCertificates {

    private static final Logger log = LoggerFactory.getLogger(UnitCertificates.class);

    /** One configured entry, its subject parsed once at start. */
    private record Rule(String unit, List<AttributeTypeAndValue> attributes) {
    }

    private final OrganisationKeys keys;
    private final UnitTree tree;
    private final List<Rule> rules;

    public UnitCertificates(UnitCertificateProperties properties, OrganisationKeys keys, UnitTree tree) {
        this.keys = keys;
        this.tree = tree;
        this.rules = properties.unitCertificates().stream().map(UnitCertificates::rule).toList();
        // Another tree may be loaded than the one the entries were written for: say so, but start.
        Set<String> unknown = rules.stream().map(Rule::unit).filter(code -> tree.find(code).isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            log.warn("review-cascade.signing.unit-certificates names units not in the unit tree: {}", unknown);
        }
    }

    /** The codes of the units the certificate belongs to; empty when it is no unit's. */
    public Set<String> unitsOf(X509Certificate certificate) {
        Set<String> units = new LinkedHashSet<>();
        keys.demoUnitOf(certificate).ifPresent(units::add);
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (Rule rule : rules) {
            if (rule.attributes().stream().allMatch(wanted -> carries(subject, wanted))) {
                units.add(rule.unit());
            }
        }
        return units;
    }

    /**
     * Refuses a signature added to the unit's issued document by a certificate that is not the unit's, naming the
     * unit it does belong to when it is another's.
     */
    public void requireOf(String unitCode, X509Certificate certificate, String number) {
        Set<String> units = unitsOf(certificate);
        if (units.contains(unitCode)) {
            return;
        }
        String signer = "Chứng thư số của người ký (" + CertificateNames.commonName(certificate) + ", do "
                + CertificateNames.issuerName(certificate) + " cấp)";
        String issuer = nameOf(unitCode);
        if (units.isEmpty()) {
            throw new InvalidSignatureException(signer + " không được khai báo là của " + issuer + ", đơn vị ban hành "
                    + "văn bản số " + number + ": quản trị viên khai báo chứng thư của từng đơn vị trong "
                    + "review-cascade.signing.unit-certificates.");
        }
        throw new InvalidSignatureException(signer + " là của " + units.stream().map(this::nameOf)
                .collect(Collectors.joining(", ")) + ", không phải của " + issuer + ": chỉ " + issuer
                + " được ký bổ sung văn bản số " + number + " của mình.");
    }

    private String nameOf(String unitCode) {
        return tree.find(unitCode).map(unit -> unit.name()).orElse(unitCode);
    }

    private static Rule rule(UnitCertificateProperties.UnitCertificate entry) {
        if (entry.unit() == null || entry.unit().isBlank()) {
            throw new IllegalStateException("review-cascade.signing.unit-certificates: mỗi mục cần mã đơn vị (unit)");
        }
        String where = "review-cascade.signing.unit-certificates, đơn vị " + entry.unit() + ": ";
        if (entry.subject() == null || entry.subject().isBlank()) {
            throw new IllegalStateException(where + "thiếu subject (ví dụ \"O=Đảng ủy xã …\")");
        }
        try {
            List<AttributeTypeAndValue> attributes = new ArrayList<>();
            for (RDN rdn : new X500Name(BCStyle.INSTANCE, entry.subject()).getRDNs()) {
                attributes.addAll(List.of(rdn.getTypesAndValues()));
            }
            return new Rule(entry.unit().trim(), List.copyOf(attributes));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + "subject \"" + entry.subject() + "\" không đúng cú pháp RFC 4514 ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Whether the name has the attribute with this value, compared as X.500 compares names (case, spaces, NFC). */
    private static boolean carries(X500Name name, AttributeTypeAndValue wanted) {
        for (RDN rdn : name.getRDNs(wanted.getType())) {
            for (AttributeTypeAndValue present : rdn.getTypesAndValues()) {
                if (present.getType().equals(wanted.getType())
                        && canonical(present).equals(canonical(wanted))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The value as X.500 compares it, case and runs of spaces aside — for Vietnamese letters too, which BouncyCastle's
     * canonical form leaves in their case — and composed, as an authority's software may write them either way.
     */
    private static String canonical(AttributeTypeAndValue attribute) {
        String value = Normalizer.normalize(IETFUtils.valueToString(attribute.getValue()), Normalizer.Form.NFC);
        return value.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
