package vn.reviewcascade.signature;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code review-cascade.signing.unit-certificates}: which certificates belong to which unit, so a signature added to
 * an issued document is accepted only from the issuing unit. Kept apart from {@link SigningProperties}, which says
 * where the keys are: this says whose a certificate is. Each entry names a unit and attributes of a certificate's
 * subject; a certificate belongs to the unit when its subject carries all of them, e.g.
 * <pre>
 * unit-certificates:
 *   - unit: VL-A
 *     subject: "O=Đảng ủy xã Vĩnh Thái, L=Quảng Trị"
 *   - unit: VL-A
 *     subject: "CN=Nguyễn Văn Thái, UID=CCCD:045090001234"
 * </pre>
 * Certificates of the demo authority need no entry: they carry their unit's code.
 */
@ConfigurationProperties("review-cascade.signing")
public record UnitCertificateProperties(List<UnitCertificate> unitCertificates) {

    public UnitCertificateProperties {
        unitCertificates = unitCertificates == null ? List.of() : List.copyOf(unitCertificates);
    }

    /**
     * @param unit    the unit's code, as in the unit tree
     * @param subject attributes of the certificate's subject, written as in RFC 4514 ("CN=…, O=…")
     */
    public record UnitCertificate(String unit, String subject) {
    }
}
