package vn.reviewcascade.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of a report's sections and the figures of its annex, by the keys of its plan; absent keys are not
 * written yet.
 *
 * @param version how many times the content was saved: a save based on an older version is refused
 */
public record ReportContent(Map<String, String> sections, Map<String, Long> figures, int version) {

    public ReportContent {
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public static ReportContent empty() {
        return new ReportContent(Map.of(), Map.of(), 0);
    }

    /** This content with every section and figure that {@code changes} holds replaced; a null value clears it. */
    public ReportContent with(ReportChanges changes) {
        Map<String, String> mergedSections = new LinkedHashMap<>(sections);
        changes.sections().forEach((section, text) -> {
            if (text == null || text.isBlank()) {
                mergedSections.remove(section);
            } else {
                mergedSections.put(section, text);
            }
        });
        Map<String, Long> mergedFigures = new LinkedHashMap<>(figures);
        changes.figures().forEach((indicator, value) -> {
            if (value == null) {
                mergedFigures.remove(indicator);
            } else {
                mergedFigures.put(indicator, value);
            }
        });
        return new ReportContent(mergedSections, mergedFigures, version);
    }

    public ReportContent withFigures(Map<String, Long> newFigures) {
        return new ReportContent(sections, newFigures, version);
    }
}
