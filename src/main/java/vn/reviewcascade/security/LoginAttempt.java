package vn.reviewcascade.security;

/**
 * Where a login came from, kept with it as its details, so that {@link LoginThrottle} counts its outcome against the
 * source address and records the door it came through.
 *
 * @param source the client's address
 * @param channel the door: {@code api}, {@code engine-rest} (HTTP Basic) or {@code webapp} (the webapps' login form)
 */
public record LoginAttempt(String source, String channel) {
}
