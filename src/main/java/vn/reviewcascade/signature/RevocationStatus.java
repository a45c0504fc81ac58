package vn.reviewcascade.signature;

/** What is known of whether a certificate was revoked, in the words shown to users; ordered from best to worst. */
public enum RevocationStatus {

    /** A trusted root: no authority above it publishes its revocation, trusting it is the deployment's choice. */
    TRUSTED_ROOT("tổ chức chứng thực gốc được tin cậy, không có nguồn thu hồi"),
    GOOD("còn hiệu lực"),
    UNCHECKED("không kiểm tra được tình trạng thu hồi"),
    REVOKED("đã bị thu hồi");

    private final String words;

    RevocationStatus(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
