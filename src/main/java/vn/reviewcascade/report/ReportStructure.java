package vn.reviewcascade.report;

import java.util.Arrays;
import java.util.List;

/**
 * What a report is made of, for the forms that write and show it: its sections in order and the figures of its
 * annex, each with the whole it is part of.
 */
public record ReportStructure(List<SectionInfo> sections, List<IndicatorInfo> indicators) {

    public record SectionInfo(String key, int number, String title) {
    }

    /**
     * @param partOf the key of the figure this one may never exceed, or null
     * @param group  the heading it stands under in the annex
     */
    public record IndicatorInfo(String key, String label, String partOf, String group) {
    }

    public static ReportStructure current() {
        return new ReportStructure(
                Arrays.stream(Section.values()).map(s -> new SectionInfo(s.key(), s.number(), s.title())).toList(),
                Arrays.stream(Indicator.values()).map(i -> new IndicatorInfo(i.key(), i.label(),
                        i.whole() == null ? null : i.whole().key(), i.group())).toList());
    }
}
