package vn.reviewcascade.approval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import vn.reviewcascade.report.ContentVersion;
import vn.reviewcascade.report.ReviewDecisions;

/**
 * What a user completes a task with, as the task forms and API clients send it: for a report's draft
 * {@code {"version", "sections", "figures"}}, for guidance's {@code {"version", "text"}}, for review and sign-off
 * {@code {"approved", "comment"}}. The values other than the version stay as JSON typed them: the services that save
 * them check them ({@code ReportValidator}, {@code GuidanceService}, {@code ReviewDecisions}), as for a save of a draft
 * through the API, and name the wrong field.
 */
public record TaskCompletion(ContentVersion version, Map<String, Object> sections, Map<String, Object> figures,
                             Object text, Object approved, Object comment) {

    /** A completion with nothing entered: a draft saved before, for instance. */
    public static TaskCompletion none() {
        return new TaskCompletion(null, null, null, null, null, null);
    }

    /** The fields given, by their names in the body, so a task can refuse those its step does not take. */
    Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("version", version);
        given.put("sections", sections);
        given.put("figures", figures);
        given.put("text", text);
        given.put(ReviewDecisions.APPROVED, approved);
        given.put(ReviewDecisions.COMMENT, comment);
        given.values().removeIf(Objects::isNull);
        return given;
    }
}
