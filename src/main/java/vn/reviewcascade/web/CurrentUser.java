package vn.reviewcascade.web;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Who made the current API request, as the authentication filter told the engine. */
@Component
class CurrentUser {

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    String id() {
        var authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
