package vn.reviewcascade.audit;

import java.time.Instant;

/**
 * One action done: who, when, what, on which object ({@code objectType} "campaign", "plan" or "users" and its id:
 * the campaign's number, "117-KH/TU v2", the file's line count), with a short detail in Vietnamese.
 *
 * @param actor     the user id of who did it ("(hệ thống)" for the application itself)
 * @param actorName who did it, as people read it ("Nguyễn Thị Hoa")
 */
public record AuditEntry(long id, Instant actedAt, String actor, String actorName, AuditAction action, String actionLabel,
                         String objectType, String objectId, String detail) {
}
