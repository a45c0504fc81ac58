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
 */
public record SignatureCheck(String signer, String subject, String issuer, String serialNumber, Instant validFrom,
                             Instant validTo, Instant signedAt, boolean timestamped, String level, boolean trusted) {
}
