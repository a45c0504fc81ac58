package vn.reviewcascade.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * The task a unit's document waits on, and who holds it: the assignee once claimed, else its candidate groups.
 *
 * @param document   REPORT or GUIDANCE
 * @param candidates the candidate groups, as "name (id)"
 */
public record OpenTask(String taskId, String name, String document, String assignee, List<String> candidates,
                       Instant created) {
}
