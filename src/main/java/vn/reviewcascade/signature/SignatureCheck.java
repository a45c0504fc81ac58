package vn.reviewcascade.signature;

import java.time.Instant;

/**
 * What a valid signature on a PDF says about itself, as shown to whoever uploads or downloads it.
 *
 * @param signer        the common name of the signer's certificate: an organisation or a leader
 * @param subject       the certificate's full subject
 * @param issuer        the common name of the certification authority that issued it
 * @param serialNumber  the certificate's serial number, in hexadecimal
 * @param signedAt      from the timestamp token when there is one, else as the signer's software claimed it
 * @param timestamped   whether a timestamp service vouches for {@code signedAt}
 * @param level         "PAdES" (ETSI.CAdES.detached) or "PKCS#7" (adbe.pkcs7.detached, as many token tools sign)
 * @param trusted       whether the certificate chains to an authority trusted here (always so for an accepted upload)
 * @param revocation    how the revocation of the certificates was checked when the document was accepted or issued;
 *                      null when nothing was recorded
 * @param verdict       in Vietnamese: "Hợp lệ" only when intact, trusted and shown not revoked; else what is missing
 */
public record SignatureCheck(String signer, String subject, String issuer, String serialNumber, Instant validFrom,
                             Instant validTo, Instant signedAt, boolean timestamped, String level, boolean trusted,
                             Revocation revocation, String verdict) {

    public SignatureCheck(String signer, String subject, String issuer, String serialNumber, Instant validFrom,
                          Instant validTo, Instant signedAt, boolean timestamped, String level, boolean trusted,
                          Revocation revocation) {
        this(signer, subject, issuer, serialNumber, validFrom, validTo, signedAt, timestamped, level, trusted, revocation,
                verdict(trusted, revocation));
    }

    /** The same signature with the revocation recorded for it. */
    public SignatureCheck withRevocation(Revocation recorded) {
        return new SignatureCheck(signer, subject, issuer, serialNumber, validFrom, validTo, signedAt, timestamped, level,
                trusted, recorded);
    }

    private static String verdict(boolean trusted, Revocation revocation) {
        if (!trusted) {
            return "Chữ ký nguyên vẹn nhưng chứng thư số không thuộc tổ chức chứng thực được tin cậy";
        }
        if (revocation == null) {
            return "Chữ ký nguyên vẹn, chứng thư số được tin cậy; " + RevocationStatus.UNCHECKED.words();
        }
        return switch (revocation.status()) {
            case GOOD, TRUSTED_ROOT -> "Hợp lệ";
            case UNCHECKED -> "Chữ ký nguyên vẹn, chứng thư số được tin cậy; " + RevocationStatus.UNCHECKED.words();
            case REVOKED -> "Không được chấp nhận: chứng thư số " + RevocationStatus.REVOKED.words();
        };
    }
}
