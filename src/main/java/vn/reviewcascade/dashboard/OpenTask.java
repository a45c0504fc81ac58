package vn.reviewcascade.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * The task a unit's document waits on, and who holds it: the assignee once claimed, else its candidate groups.
 * Ids are for programs; the names beside them are what a person reads.
 *
 * @param document       REPORT or GUIDANCE
 * @param assignee       the user id of who has claimed it, or null
 * @param assigneeName   their full name ("Nguyễn Thị Hoa"), or null
 * @param candidates     the ids of its candidate groups
 * @param candidateNames the same groups by role and unit ("Chuyên viên dự thảo – Đảng ủy thị trấn Hồ Xá") or by a
 *                       board's name ("Ban Tổ chức Tỉnh ủy"), in the same order
 */
public record OpenTask(String taskId, String name, String document, String assignee, String assigneeName,
                       List<String> candidates, List<String> candidateNames, Instant created) {
}
