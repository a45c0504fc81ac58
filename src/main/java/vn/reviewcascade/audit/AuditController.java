package vn.reviewcascade.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.security.UnitAccess;

/** The office page's "Nhật ký thao tác": for those who may do what it records. */
@RestController
class AuditController {

    private static final int MAX_LIMIT = 500;

    private final AuditLog audit;
    private final UnitAccess access;

    AuditController(AuditLog audit, UnitAccess access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/api/audit")
    List<AuditEntry> latest(@RequestParam(defaultValue = "50") int limit) {
        access.requireSeesEverything("xem nhật ký thao tác");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "Số dòng phải từ 1 đến " + MAX_LIMIT);
        }
        return audit.latest(limit);
    }
}
