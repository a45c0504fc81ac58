package vn.reviewcascade.office;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.SystemContext;
import vn.reviewcascade.security.UnitAccess;

/** Who is using the office page and what it may offer them; the API checks each action again. */
@RestController
class OfficeController {

    private final UnitAccess access;
    private final IdentityService identityService;
    private final SystemContext system;

    OfficeController(UnitAccess access, IdentityService identityService, SystemContext system) {
        this.access = access;
        this.identityService = identityService;
        this.system = system;
    }

    /**
     * @param manages     may start, end and follow campaigns and register plans (administrators and the boards that
     *                    follow every unit, as {@code POST /api/campaigns} allows)
     * @param importsUsers may import users (administrators, as {@code POST /api/users/import} allows)
     * @param csrfToken   the anti-forgery token of the webapps' session, which the page's state-changing calls must
     *                    carry in {@code X-XSRF-TOKEN}: the webapps keep it in a cookie of their own path, which this
     *                    page cannot read. Another site cannot read this answer (same-origin policy, no CORS).
     */
    record Session(String userId, String name, boolean manages, boolean importsUsers, String csrfToken) {
    }

    @GetMapping("/api/office/session")
    Session session(HttpServletRequest request) {
        String userId = access.userId();
        User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
        String name = user == null ? userId : String.join(" ", java.util.stream.Stream.of(user.getLastName(), user.getFirstName())
                .filter(part -> part != null && !part.isBlank()).toList());
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Session(userId, name.isBlank() ? userId : name, access.seesEverything(), access.isAdministrator(),
                token == null ? null : token.getToken());
    }
}
