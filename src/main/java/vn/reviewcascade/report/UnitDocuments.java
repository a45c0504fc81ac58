package vn.reviewcascade.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.PlainText;
import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.people.People;

/**
 * The written documents of a unit (PDF or DOCX), one per kind: the report it sends up, the guidance it sends down.
 * A document's type is checked by its content, not its name.
 */
@Component
public class UnitDocuments {

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String DOCX_MAIN_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    static final int MAX_FILE_NAME = 255;

    private final JdbcClient jdbc;
    private final EngineClock clock;
    private final DataSize maxSize;
    private final People people;

    public UnitDocuments(JdbcClient jdbc, EngineClock clock,
                           @Value("${review-cascade.documents.max-size:10MB}") DataSize maxSize, People people) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /** The largest document a unit may attach. */
    public DataSize maxSize() {
        return maxSize;
    }

    public record StoredDocument(String fileName, String contentType, byte[] content) {
    }

    /** Stores the document in place of any earlier one of its kind; callers check that it may still change. */
    @Transactional
    public void store(long campaignId, String unitCode, DocumentKind kind, String fileName, byte[] content, String uploadedBy) {
        String name = fileName(fileName);
        String type = contentTypeOf(name, content);
        jdbc.sql("delete from unit_document where campaign_id = ? and unit_code = ? and document_kind = ?")
                .params(campaignId, unitCode, kind.name()).update();
        jdbc.sql("""
                        insert into unit_document (campaign_id, unit_code, document_kind, file_name, content_type, size_bytes,
                                                   content, uploaded_at, uploaded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, unitCode, kind.name(), name, type, content.length, content, SqlTimes.at(clock.now()), uploadedBy)
                .update();
    }

    /** The name as given, without any folder a browser sent with it; a name a file system could not hold is refused. */
    static String fileName(String given) {
        String name = given == null ? "" : PlainText.normalize(given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).strip());
        if (name.isEmpty()) {
            throw invalid("Tệp văn bản phải có tên (ví dụ bao-cao-so-ket.pdf)");
        }
        if (name.length() > MAX_FILE_NAME) {
            throw invalid("Tên tệp dài %d ký tự, quá giới hạn %d ký tự".formatted(name.length(), MAX_FILE_NAME));
        }
        PlainText.problem(name).ifPresent(problem -> {
            throw invalid("Tên tệp " + problem);
        });
        return name;
    }

    public Optional<ReportView.DocumentInfo> info(long campaignId, String unitCode, DocumentKind kind) {
        return jdbc.sql("""
                        select file_name, content_type, size_bytes, uploaded_at, uploaded_by from unit_document
                        where campaign_id = ? and unit_code = ? and document_kind = ?""")
                .params(campaignId, unitCode, kind.name())
                .query((rs, n) -> new ReportView.DocumentInfo(rs.getString(1), rs.getString(2), rs.getLong(3),
                        SqlTimes.instant(rs, "uploaded_at"), rs.getString(5), people.userName(rs.getString(5))))
                .optional();
    }

    public Optional<StoredDocument> load(long campaignId, String unitCode, DocumentKind kind) {
        return jdbc.sql("""
                        select file_name, content_type, content from unit_document
                        where campaign_id = ? and unit_code = ? and document_kind = ?""")
                .params(campaignId, unitCode, kind.name())
                .query((rs, n) -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    /** The type, told by the content: a PDF that PDFBox opens, or a Word document whose main part is Word's. */
    private String contentTypeOf(String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw invalid("Tệp văn bản rỗng");
        }
        if (content.length > maxSize.toBytes()) {
            throw invalid("Tệp văn bản quá lớn (%,d byte); tối đa %d MB".formatted(content.length, maxSize.toMegabytes()));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf") && startsWith(content, PDF_MAGIC)) {
            try (PDDocument document = Loader.loadPDF(content)) {
                if (document.getNumberOfPages() == 0) {
                    throw invalid("Tệp PDF \"" + name + "\" không có trang nào");
                }
                return PDF;
            } catch (InvalidPasswordException e) {
                throw invalid("Tệp PDF \"" + name + "\" có mật khẩu; hãy gửi bản không đặt mật khẩu");
            } catch (IOException e) {
                throw invalid("Tệp \"" + name + "\" không phải tệp PDF đọc được (tệp hỏng hoặc không đủ)");
            }
        }
        if (lower.endsWith(".docx") && startsWith(content, ZIP_MAGIC)) {
            try (OPCPackage word = OPCPackage.open(new ByteArrayInputStream(content))) {
                if (word.getPartsByContentType(DOCX_MAIN_PART).isEmpty()) {
                    throw invalid("Tệp \"" + name + "\" là tệp nén nhưng không phải văn bản Word (.docx)");
                }
                return DOCX;
            } catch (InvalidFormatException | IOException | RuntimeException e) {
                if (e instanceof InvalidInputException refused) {
                    throw refused;
                }
                throw invalid("Tệp \"" + name + "\" không phải văn bản Word (.docx) đọc được");
            }
        }
        throw invalid("Chỉ nhận tệp PDF (.pdf) hoặc Word (.docx) đúng định dạng; tệp \"" + name + "\" không phải");
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(List.of(new FieldError("document", message)));
    }
}
