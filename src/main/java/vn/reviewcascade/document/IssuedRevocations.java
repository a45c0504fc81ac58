package vn.reviewcascade.document;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.signature.Revocation;
import vn.reviewcascade.signature.RevocationCheck;
import vn.reviewcascade.signature.RevocationStatus;

/**
 * The revocation check kept with each issued document: what was asked, when, and the answer as received, so what
 * the document was accepted on can be shown and verified again later. Written with the PDF it was checked for.
 */
@Repository
class IssuedRevocations {

    private final JdbcClient jdbc;

    IssuedRevocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the check for the document's PDF, in place of the one for the PDF it replaces. */
    void store(long campaignId, String unitCode, DocumentKind kind, Revocation revocation) {
        jdbc.sql("delete from issued_document_revocation where campaign_id = ? and unit_code = ? and document_kind = ?")
                .params(campaignId, unitCode, kind.name()).update();
        List<RevocationCheck> checks = revocation.checks();
        for (int position = 0; position < checks.size(); position++) {
            RevocationCheck check = checks.get(position);
            jdbc.sql("""
                            insert into issued_document_revocation (campaign_id, unit_code, document_kind, entry_number,
                                certificate, serial_number, source, location, checked_at, produced_at, status, revoked_at,
                                response_sha256, response, note)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(campaignId, unitCode, kind.name(), position, check.certificate(), check.serialNumber(),
                            check.source(), check.location(), SqlTimes.at(check.checkedAt()),
                            SqlTimes.at(check.producedAt()), check.status().name(), SqlTimes.at(check.revokedAt()),
                            check.responseSha256(), check.response(), check.note())
                    .update();
        }
    }

    /** The check kept for the document; empty for one issued before checks were kept. */
    Optional<Revocation> find(long campaignId, String unitCode, DocumentKind kind) {
        List<RevocationCheck> checks = jdbc.sql("""
                        select certificate, serial_number, source, location, checked_at, produced_at, status, revoked_at,
                               response_sha256, response, note
                        from issued_document_revocation
                        where campaign_id = ? and unit_code = ? and document_kind = ? order by entry_number""")
                .params(campaignId, unitCode, kind.name())
                .query((rs, row) -> new RevocationCheck(rs.getString("certificate"), rs.getString("serial_number"),
                        rs.getString("source"), rs.getString("location"), SqlTimes.instant(rs, "checked_at"),
                        SqlTimes.instant(rs, "produced_at"), RevocationStatus.valueOf(rs.getString("status")),
                        SqlTimes.instant(rs, "revoked_at"), rs.getString("response_sha256"), rs.getBytes("response"),
                        rs.getString("note")))
                .list();
        return checks.isEmpty() ? Optional.empty() : Optional.of(Revocation.of(checks));
    }
}
