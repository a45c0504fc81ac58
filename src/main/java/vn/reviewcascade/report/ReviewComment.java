package vn.reviewcascade.report;

import java.time.Instant;

/** A reviewer's or signer's decision on a draft, kept with the report for good. */
public record ReviewComment(DocumentKind documentKind, ApprovalStep step, Decision decision, String author,
                            String comment, Instant createdAt) {

    public enum Decision { APPROVED, RETURNED }
}
