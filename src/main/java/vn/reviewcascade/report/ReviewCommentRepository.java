package vn.reviewcascade.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.people.People;

@Repository
public class ReviewCommentRepository {

    private final JdbcClient jdbc;
    private final People people;

    public ReviewCommentRepository(JdbcClient jdbc, People people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    /** @param taskId the task the decision was given on */
    public void add(long campaignId, String unitCode, ReviewComment comment, String taskId) {
        jdbc.sql("""
                        insert into review_comment (campaign_id, unit_code, document_kind, step, decision, author, comment,
                                                    created_at, task_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, unitCode, comment.documentKind().name(), comment.step().name(),
                        comment.decision().name(), comment.author(), comment.comment(), SqlTimes.at(comment.createdAt()), taskId)
                .update();
    }

    /** The unit's comments in the order given, each with its author's name (all names read at once). */
    public List<ReviewComment> findAll(long campaignId, String unitCode) {
        List<ReviewComment> found = jdbc.sql("""
                        select document_kind, step, decision, author, comment, created_at from review_comment
                        where campaign_id = ? and unit_code = ? order by id""")
                .params(campaignId, unitCode)
                .query((rs, n) -> new ReviewComment(DocumentKind.valueOf(rs.getString(1)),
                        ApprovalStep.valueOf(rs.getString(2)), ReviewComment.Decision.valueOf(rs.getString(3)),
                        rs.getString(4), null, rs.getString(5), SqlTimes.instant(rs, "created_at")))
                .list();
        Map<String, String> names = people.userNames(found.stream().map(ReviewComment::author).toList());
        return found.stream().map(comment -> new ReviewComment(comment.documentKind(), comment.step(), comment.decision(),
                comment.author(), names.get(comment.author()), comment.comment(), comment.createdAt())).toList();
    }

    /** The decision given on the task, if one was recorded. */
    public Optional<ReviewComment.Decision> decisionOn(String taskId) {
        return jdbc.sql("select decision from review_comment where task_id = ? order by id desc fetch first 1 rows only")
                .param(taskId)
                .query((rs, n) -> ReviewComment.Decision.valueOf(rs.getString(1)))
                .optional();
    }

    /** The decision given last at the step of the document. */
    public Optional<ReviewComment.Decision> latest(long campaignId, String unitCode, DocumentKind kind, ApprovalStep step) {
        return jdbc.sql("""
                        select decision from review_comment
                        where campaign_id = ? and unit_code = ? and document_kind = ? and step = ?
                        order by id desc fetch first 1 rows only""")
                .params(campaignId, unitCode, kind.name(), step.name())
                .query((rs, n) -> ReviewComment.Decision.valueOf(rs.getString(1)))
                .optional();
    }
}
