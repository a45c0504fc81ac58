package vn.reviewcascade.register;

/**
 * A register's line on a document's signature, from what was recorded when the system signed it or when a PDF signed
 * elsewhere replaced it: the revocation check kept with the file (the file's own signature is checked again, with its
 * hash, whenever it is served or described).
 *
 * @param state {@code VALID} (intact, trusted, shown not revoked), {@code UNCHECKED} (revocation not known),
 *              {@code REVOKED} (a certificate was revoked: the signature is not valid), {@code NONE} (no signed file)
 * @param words the state in Vietnamese: "Đã ký số hợp lệ", "Chữ ký không hợp lệ: …"
 * @param means how it was signed, in Vietnamese: by the unit's certificate when issued, or with a token device
 */
public record SignatureStatus(String state, String words, String means) {

    static SignatureStatus of(boolean hasFile, Integer revocationRank, boolean signedElsewhere, String certificate) {
        if (!hasFile) {
            return new SignatureStatus("NONE", "Không có tệp ký số", "Văn bản ban hành trước khi hệ thống lưu tệp đã ký");
        }
        String means = signedElsewhere
                ? "Ký bằng thiết bị ký số (USB token) của " + named(certificate)
                : "Ký số bằng chứng thư số của " + named(certificate) + " khi ban hành";
        if (revocationRank == null || revocationRank == 2) {
            return new SignatureStatus("UNCHECKED", "Đã ký số, chưa kiểm tra được tình trạng thu hồi chứng thư số", means);
        }
        if (revocationRank >= 3) {
            return new SignatureStatus("REVOKED", "Chữ ký không hợp lệ: chứng thư số đã bị thu hồi", means);
        }
        return new SignatureStatus("VALID", "Đã ký số hợp lệ", means);
    }

    private static String named(String certificate) {
        return certificate == null || certificate.isBlank() ? "đơn vị" : certificate;
    }
}
