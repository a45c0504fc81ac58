package vn.reviewcascade.security;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.audit.AuditAction;
import vn.reviewcascade.audit.AuditLog;

@RestController
class UserImportController {

    private final UserImport userImport;
    private final UnitAccess access;
    private final SystemContext system;
    private final AuditLog audit;

    UserImportController(UserImport userImport, UnitAccess access, SystemContext system, AuditLog audit) {
        this.audit = audit;
        this.userImport = userImport;
        this.access = access;
        this.system = system;
    }

    /** CSV with the header {@code email,full_name,unit,role}, UTF-8; administrators only. */
    @PostMapping(path = "/api/users/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    UserImport.Result importUsers(@RequestBody(required = false) byte[] csv, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
        if (!access.isAdministrator()) {
            throw new AccessDeniedException("Chỉ quản trị viên được nhập người dùng");
        }
        Charset declared = type.getCharset();
        if (declared != null && !declared.equals(StandardCharsets.UTF_8) && !declared.equals(StandardCharsets.US_ASCII)) {
            throw new InvalidInputException("file", "Tệp khai báo bảng mã " + declared.name() + "; chỉ nhận CSV UTF-8");
        }
        // The administrator's right was checked here; checking it again for each of ten thousand users is slow.
        UserImport.Result result = system.call(() -> userImport.importCsv(csv));
        audit.record(access.userId(), AuditAction.USERS_IMPORTED, "users", result.imported().size() + "/"
                        + (result.imported().size() + result.errors().size()),
                "Nhập %d người dùng, %d dòng bị từ chối".formatted(result.imported().size(), result.errors().size()));
        return result;
    }
}
