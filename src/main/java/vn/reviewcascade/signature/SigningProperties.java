package vn.reviewcascade.signature;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code review-cascade.signing.*}: where the issuing organisations' keys are and whom uploaded signatures may come
 * from. At least one source of keys must be set; a unit's own keystore wins over the deployment's.
 *
 * @param keystore             one keystore for the whole deployment (PKCS#12 file, or the PKCS#11 configuration file
 *                             when {@code keystoreType} is {@code PKCS11})
 * @param keystoreDirectory    a directory of {@code <unit code>.p12}, one keystore per issuing unit
 * @param keystoreType         {@code PKCS12} (default) or {@code PKCS11} for a token or HSM through the JDK's SunPKCS11
 * @param password             the keystores' password, or the token's PIN
 * @param trustedCertificates  PEM files, or directories of them, of the certification authorities whose certificates
 *                             may sign a document uploaded as signed elsewhere (a leader's USB token), besides the
 *                             roots of the keys above
 * @param timestampUrl         an RFC 3161 timestamp service: when set, signatures are PAdES baseline T, else B
 * @param demoCa               demo profile only: a directory where a demo certification authority is created at first
 *                             start and issues each unit's certificate on first use
 */
@ConfigurationProperties("review-cascade.signing")
public record SigningProperties(Path keystore, Path keystoreDirectory, String keystoreType, String password,
                                List<Path> trustedCertificates, URI timestampUrl, Path demoCa) {

    public SigningProperties {
        keystoreType = keystoreType == null || keystoreType.isBlank() ? "PKCS12" : keystoreType.trim().toUpperCase();
        trustedCertificates = trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
        if (keystore == null && keystoreDirectory == null && demoCa == null) {
            throw new IllegalStateException("Chưa cấu hình chứng thư số để ký văn bản khi ban hành: đặt "
                    + "review-cascade.signing.keystore (REVIEW_CASCADE_SIGNING_KEYSTORE, một tệp PKCS#12 cho cả hệ thống) "
                    + "hoặc review-cascade.signing.keystore-directory (REVIEW_CASCADE_SIGNING_KEYSTOREDIRECTORY, mỗi đơn vị "
                    + "một tệp <mã đơn vị>.p12), cùng mật khẩu review-cascade.signing.password "
                    + "(REVIEW_CASCADE_SIGNING_PASSWORD). Xem docs/security.md, mục chữ ký số.");
        }
        if (!keystoreType.equals("PKCS12") && !keystoreType.equals("PKCS11")) {
            throw new IllegalStateException("review-cascade.signing.keystore-type phải là PKCS12 hoặc PKCS11, không phải \""
                    + keystoreType + "\"");
        }
        if (keystoreType.equals("PKCS11") && keystore == null) {
            throw new IllegalStateException("review-cascade.signing.keystore-type PKCS11 cần review-cascade.signing.keystore "
                    + "trỏ tới tệp cấu hình SunPKCS11 của thiết bị ký (token, HSM)");
        }
    }

    char[] passwordChars() {
        return password == null ? new char[0] : password.toCharArray();
    }
}
