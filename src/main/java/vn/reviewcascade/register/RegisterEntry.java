package vn.reviewcascade.register;

import java.time.Instant;

/**
 * One issued document in a register: what a clerk writes in the book (number, date, kind, title, issuer, signer) and
 * where its files are.
 *
 * @param kind          {@code REPORT} or {@code GUIDANCE}
 * @param kindName      "Báo cáo" or "Hướng dẫn"
 * @param title         the document's title as its heading and subtitle read: "Báo cáo sơ kết 3 năm thực hiện …"
 * @param received      in a register of documents received: "Hướng dẫn của cấp trên" or "Báo cáo của cấp dưới";
 *                      null in a register of documents issued
 * @param signerName    the leader who approved the sign-off, by name; null when unknown
 * @param certificate   the common name of the certificate whose signature the PDF carries last
 * @param uploadedByName who replaced the PDF by one signed with a token, by name; null when the system's signature stands
 * @param mayUpload     whether the current user may replace this document's PDF by the same file signed with a token
 *                      (the issuing unit's signers and clerks, administrators)
 * @param pdf           the signed PDF ({@code …/written.pdf}); null when no file was kept (documents issued before
 *                      files were kept)
 * @param docx          its Word copy
 * @param described     the document's particulars with its signature checked now ({@code …/written})
 */
public record RegisterEntry(long campaignId, String campaignTitle, String kind, String kindName, String number,
                            Instant issuedAt, String title, String issuerCode, String issuerName, String received,
                            String signerName, String certificate, boolean signedElsewhere, String uploadedByName,
                            Instant uploadedAt, SignatureStatus signature, boolean mayUpload, String pdf, String docx,
                            String described) {
}
