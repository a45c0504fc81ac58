package vn.reviewcascade.report;

import java.time.Instant;

/**
 * A reviewer's or signer's decision on a draft, kept with the report for good.
 *
 * @param author     the user id of who decided, as recorded
 * @param authorName who decided, as people read it ("Nguyễn Thị Hoa"), looked up when the comment is read; the id
 *                   when the engine no longer knows the user
 */
public record ReviewComment(DocumentKind documentKind, ApprovalStep step, Decision decision, String author,
                            String authorName, String comment, Instant createdAt) {

    public enum Decision { APPROVED, RETURNED }
}
