package vn.reviewcascade.web;

import org.springframework.security.authorization.AuthorizationDecision;

/** An access rule's "no" with the reason the user reads, in Vietnamese, in the 403 answer. */
final class Refusal extends AuthorizationDecision {

    private final String message;

    Refusal(String message) {
        super(false);
        this.message = message;
    }

    String message() {
        return message;
    }
}
