package vn.reviewcascade.signature;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The revocation of every certificate on a signature's path, as checked: the worst status decides.
 *
 * @param status  the worst status of the checks; {@link RevocationStatus#UNCHECKED} when there are none
 * @param summary in Vietnamese, one line per certificate: what was asked and what it answered
 */
public record Revocation(RevocationStatus status, String summary, List<RevocationCheck> checks) {

    public Revocation {
        checks = List.copyOf(checks);
    }

    public static Revocation of(List<RevocationCheck> checks) {
        RevocationStatus worst = checks.stream().map(RevocationCheck::status).max(Comparator.naturalOrder())
                .orElse(RevocationStatus.UNCHECKED);
        String lines = checks.stream().map(RevocationCheck::line).collect(Collectors.joining("; "));
        return new Revocation(worst, lines.isEmpty() ? worst.words() : worst.words() + " — " + lines, checks);
    }

    /** Whether every certificate was shown not revoked (or is a trusted root). */
    public boolean confirmed() {
        return status == RevocationStatus.GOOD || status == RevocationStatus.TRUSTED_ROOT;
    }
}
