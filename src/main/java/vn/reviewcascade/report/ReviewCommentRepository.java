package vn.reviewcascade.report;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.reviewcascade.SqlTimes;

@Repository
public class ReviewCommentRepository {

    private final JdbcClient jdbc;

    public ReviewCommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long campaignId, String unitCode, ReviewComment comment) {
        jdbc.sql("""
                        insert into review_comment (campaign_id, unit_code, document_kind, step, decision, author, comment, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, unitCode, comment.documentKind().name(), comment.step().name(),
                        comment.decision().name(), comment.author(), comment.comment(), SqlTimes.at(comment.createdAt()))
                .update();
    }

    public List<ReviewComment> findAll(long campaignId, String unitCode) {
        return jdbc.sql("""
                        select document_kind, step, decision, author, comment, created_at from review_comment
                        where campaign_id = ? and unit_code = ? order by id""")
                .params(campaignId, unitCode)
                .query((rs, n) -> new ReviewComment(DocumentKind.valueOf(rs.getString(1)),
                        ApprovalStep.valueOf(rs.getString(2)), ReviewComment.Decision.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), SqlTimes.instant(rs, "created_at")))
                .list();
    }
}
