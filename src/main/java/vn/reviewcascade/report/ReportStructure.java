package vn.reviewcascade.report;

import java.util.List;

import vn.reviewcascade.plan.Plan;

/**
 * What a report of a plan is made of, for the forms that write and show it: its sections in order, and the figures
 * of its annex in order, each with its group and the whole it is part of.
 */
public record ReportStructure(List<SectionInfo> sections, List<IndicatorInfo> indicators) {

    /** @param hint what to write in it, or null */
    public record SectionInfo(String key, int number, String title, String hint) {
    }

    /**
     * @param unit   what it counts ("người"), or null
     * @param partOf the key of the figure this one may never exceed, or null
     * @param group  the heading it stands under in the annex
     */
    public record IndicatorInfo(String key, String label, String unit, String partOf, String group, long min, long max) {
    }

    public static ReportStructure of(Plan plan) {
        return new ReportStructure(
                plan.sections().stream().map(s -> new SectionInfo(s.key(), s.number(), s.title(), s.hint())).toList(),
                plan.indicators().stream().map(i -> new IndicatorInfo(i.key(), i.label(), i.unit(), i.partOf(), i.group(),
                        i.min(), i.max())).toList());
    }
}
