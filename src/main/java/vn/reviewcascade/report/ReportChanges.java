package vn.reviewcascade.report;

import java.util.Map;

/**
 * Parsed edits to a report, by the keys of its plan; a key mapped to null clears that section or figure. Built
 * only by {@link ReportValidator#parse}, so every key is the plan's and every value well-formed.
 */
public record ReportChanges(Map<String, String> sections, Map<String, Long> figures) {

    public boolean isEmpty() {
        return sections.isEmpty() && figures.isEmpty();
    }
}
