package vn.reviewcascade.report;

import java.util.Map;

/**
 * Parsed edits to a report; a key mapped to null clears that section or figure. Built only by
 * {@link ReportValidator#parse}, so every value in it is well-formed.
 */
public record ReportChanges(Map<Section, String> sections, Map<Indicator, Long> figures) {

    public boolean isEmpty() {
        return sections.isEmpty() && figures.isEmpty();
    }
}
