package vn.reviewcascade.security;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What administrators see of attempts on the logins: the recent failures, newest first, with their source. */
@RestController
class SecurityController {

    private final LoginThrottle throttle;
    private final UnitAccess access;

    SecurityController(LoginThrottle throttle, UnitAccess access) {
        this.throttle = throttle;
        this.access = access;
    }

    @GetMapping("/api/security/login-failures")
    List<LoginThrottle.LoginFailure> loginFailures() {
        if (!access.isAdministrator()) {
            throw new AccessDeniedException("Chỉ quản trị viên được xem nhật ký đăng nhập sai");
        }
        return throttle.recent();
    }
}
