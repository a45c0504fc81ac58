package vn.reviewcascade;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs engine work the application does on its own behalf, after it has checked the user's right to ask for it:
 * starting a campaign's processes, reading the business key of a task the user may see. The engine checks
 * authorizations only for an authenticated user, so the user's authentication is set aside for the call and
 * restored after; users therefore need no engine permission for what the application does for them.
 */
@Component
public class SystemContext {

    private final IdentityService identityService;

    public SystemContext(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        var user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
