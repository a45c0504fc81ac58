package vn.reviewcascade.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.security.AccessDeniedException;
import vn.reviewcascade.security.UnitAccess;
import vn.reviewcascade.security.UserImport;

@RestController
class UserImportController {

    private final UserImport userImport;
    private final UnitAccess access;

    UserImportController(UserImport userImport, UnitAccess access) {
        this.userImport = userImport;
        this.access = access;
    }

    /** CSV with the header {@code email,full_name,unit,role}, UTF-8; administrators only. */
    @PostMapping(path = "/api/users/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    UserImport.Result importUsers(@RequestBody String csv) {
        if (!access.isAdministrator()) {
            throw new AccessDeniedException("Chỉ quản trị viên được nhập người dùng");
        }
        return userImport.importCsv(csv);
    }
}
