package vn.reviewcascade.report;

import java.util.EnumMap;
import java.util.Map;

/**
 * The text of the sections and the figures of the annex; absent keys are not written yet.
 *
 * @param version how many times the content was saved: a save based on an older version is refused
 */
public record ReportContent(Map<Section, String> sections, Map<Indicator, Long> figures, int version) {

    public ReportContent {
        sections = sections.isEmpty() ? new EnumMap<>(Section.class) : new EnumMap<>(sections);
        figures = figures.isEmpty() ? new EnumMap<>(Indicator.class) : new EnumMap<>(figures);
    }

    public static ReportContent empty() {
        return new ReportContent(Map.of(), Map.of(), 0);
    }

    /** This content with every section and figure that {@code changes} holds replaced; a null value clears it. */
    public ReportContent with(ReportChanges changes) {
        Map<Section, String> mergedSections = new EnumMap<>(Section.class);
        mergedSections.putAll(sections);
        changes.sections().forEach((section, text) -> {
            if (text == null || text.isBlank()) {
                mergedSections.remove(section);
            } else {
                mergedSections.put(section, text);
            }
        });
        Map<Indicator, Long> mergedFigures = new EnumMap<>(Indicator.class);
        mergedFigures.putAll(figures);
        changes.figures().forEach((indicator, value) -> {
            if (value == null) {
                mergedFigures.remove(indicator);
            } else {
                mergedFigures.put(indicator, value);
            }
        });
        return new ReportContent(mergedSections, mergedFigures, version);
    }

    public ReportContent withFigures(Map<Indicator, Long> newFigures) {
        return new ReportContent(sections, newFigures, version);
    }
}
