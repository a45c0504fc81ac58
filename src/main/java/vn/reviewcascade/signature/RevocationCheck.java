package vn.reviewcascade.signature;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonIgnore;

import vn.reviewcascade.Sha256;
import vn.reviewcascade.Vietnam;

/**
 * How one certificate's revocation was checked, kept with the document it was checked for.
 *
 * @param certificate    the common name of the certificate checked
 * @param serialNumber   its serial number, in hexadecimal
 * @param source         {@code OCSP} or {@code CRL}; null when no source answered
 * @param location       the URL asked, or where the data came from (the PDF's DSS, the demo authority's file)
 * @param checkedAt      when the check ran
 * @param producedAt     when the answer was issued (the OCSP response's or the CRL's thisUpdate)
 * @param revokedAt      when the certificate was revoked, for a revoked one
 * @param responseSha256 the SHA-256 of {@code response}, in hexadecimal
 * @param response       the OCSP response or CRL as received (DER); stored, not sent to browsers
 * @param note           why no answer counted, or what else is worth knowing, in Vietnamese
 */
public record RevocationCheck(String certificate, String serialNumber, String source, String location,
                              Instant checkedAt, Instant producedAt, RevocationStatus status, Instant revokedAt,
                              String responseSha256, @JsonIgnore byte[] response, String note) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(Vietnam.ZONE);

    public RevocationCheck {
        if (response != null && responseSha256 == null) {
            responseSha256 = Sha256.hex(response);
        }
    }

    /** "Nguyễn Văn A – OCSP http://ocsp.ca.vn (phản hồi lúc 10:00 02/10/2030): còn hiệu lực". */
    public String line() {
        StringBuilder line = new StringBuilder(certificate).append(" – ");
        if (source != null) {
            line.append(source).append(' ').append(location);
            if (producedAt != null) {
                line.append(" (phản hồi lúc ").append(TIME.format(producedAt)).append(')');
            }
            line.append(": ");
        }
        line.append(status.words());
        if (revokedAt != null) {
            line.append(" từ ").append(TIME.format(revokedAt));
        }
        if (note != null) {
            line.append(" (").append(note).append(')');
        }
        return line.toString();
    }
}
