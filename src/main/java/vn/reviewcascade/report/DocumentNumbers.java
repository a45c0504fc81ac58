package vn.reviewcascade.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Numbers documents in the 36-HD/VPTW style, "12-BC/HU": a sequence per issuing unit and document type.
 * Sequence rows are created when a campaign starts; numbering is then a single row update, whose lock keeps
 * two documents of one unit issued at once from sharing a number.
 */
@Component
public class DocumentNumbers {

    private final JdbcTemplate jdbc;

    public DocumentNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void prepare(Collection<String> issuerCodes) {
        List<Object[]> rows = new ArrayList<>();
        for (String issuer : issuerCodes) {
            for (DocumentKind kind : DocumentKind.values()) {
                rows.add(new Object[] {issuer, kind.typeCode(), issuer, kind.typeCode()});
            }
        }
        jdbc.batchUpdate("""
                insert into document_sequence (issuer, doc_type, last_number)
                select ?, ?, 0 from (values (0)) as one(x)
                where not exists (select 1 from document_sequence where issuer = ? and doc_type = ?)""", rows);
    }

    public String next(String issuerCode, String symbol, DocumentKind kind) {
        int updated = jdbc.update("update document_sequence set last_number = last_number + 1 where issuer = ? and doc_type = ?",
                issuerCode, kind.typeCode());
        if (updated != 1) {
            throw new IllegalStateException("No document sequence for " + issuerCode + "/" + kind.typeCode());
        }
        Integer number = jdbc.queryForObject("select last_number from document_sequence where issuer = ? and doc_type = ?",
                Integer.class, issuerCode, kind.typeCode());
        return number + "-" + kind.typeCode() + "/" + symbol;
    }
}
