package vn.reviewcascade.signature;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code review-cascade.signing.revocation.*}: how the revocation of signers' certificates is checked.
 *
 * @param allowUnchecked whether an uploaded document whose signer's revocation could not be checked (no responder
 *                       reachable, no source named) is accepted, its status shown as unchecked; refused by default
 * @param timeout        how long an OCSP responder or CRL server may take to connect and to answer
 * @param maxAge         how long before the time it speaks for an answer (OCSP response, CRL) may have been issued
 *                       and still count; an answer past its own next update never counts
 */
@ConfigurationProperties("review-cascade.signing.revocation")
public record RevocationProperties(boolean allowUnchecked, @DefaultValue("5s") Duration timeout,
                                   @DefaultValue("7d") Duration maxAge) {
}
