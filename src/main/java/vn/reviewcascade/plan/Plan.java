package vn.reviewcascade.plan;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/**
 * A plan as its issuer wrote it (a sơ kết or tổng kết plan of a resolution, directive or project), read from a
 * versioned data file: what every level reports, on which outline, with which annex of figures, by which days.
 * Campaigns run a plan over a unit tree; a campaign keeps the version it started with.
 *
 * @param kind         "sơ kết" or "tổng kết": how documents name the review
 * @param organisingGroup the Camunda group of the board that follows every level (Ban Dân vận for KH 117)
 * @param levels       the levels the plan reaches, top down
 * @param sections     the outline of the report (đề cương)
 * @param annex        the annex of figures (biểu mẫu)
 */
public record Plan(String number, int version, String title, String kind, String issuer, LocalDate issuedOn, int year,
                   String organisingGroup, DocumentTitles documents, List<Recipient> distribution, List<Level> levels,
                   List<Section> sections, Annex annex) {

    public Plan {
        distribution = List.copyOf(distribution);
        levels = List.copyOf(levels);
        sections = List.copyOf(sections);
    }

    /** How tasks, mails and documents call the plan's two documents: "kế hoạch hướng dẫn sơ kết", "báo cáo sơ kết". */
    public record DocumentTitles(String guidance, String report) {
    }

    /** One line of "Nơi nhận": who, why ("b/c", "t/h"), and where mail goes: a deployment's address key or an e-mail. */
    public record Recipient(String name, String purpose, String address) {
    }

    /**
     * A level of the cascade as the plan sees it.
     *
     * @param issuesGuidance whether its units write guidance for the units below before these report
     * @param guidanceDue    the day its guidance is due; null for a level that issues none
     * @param subordinatesDue the day it stops waiting for the units below and consolidates what it has; null at the
     *                       bottom
     * @param reportDue      the day its own report is due
     * @param reminders      how long before each deadline the holders of an open task are reminded
     */
    public record Level(String key, String name, boolean issuesGuidance, Signature signature, MonthDay guidanceDue,
                        MonthDay subordinatesDue, MonthDay reportDue, List<Duration> reminders) {

        public Level {
            reminders = List.copyOf(reminders);
        }
    }

    /** The signature block of a level's documents: "T/M BAN THƯỜNG VỤ" over "BÍ THƯ". */
    public record Signature(String onBehalfOf, String position) {
    }

    /** An item of the outline; {@code hint} says what to write in it. */
    public record Section(String key, int number, String title, String hint) {
    }

    /**
     * A figure of the annex.
     *
     * @param unit   what it counts ("doanh nghiệp", "người")
     * @param partOf the key of the figure it is part of and may never exceed, or null
     * @param group  the heading it stands under
     */
    public record Indicator(String key, String label, String unit, String partOf, long min, long max, String group) {
    }

    public record Annex(List<Group> groups) {

        public Annex {
            groups = List.copyOf(groups);
        }

        public List<Indicator> indicators() {
            return groups.stream().flatMap(group -> group.indicators().stream()).toList();
        }
    }

    public record Group(String title, List<Indicator> indicators) {

        public Group {
            indicators = List.copyOf(indicators);
        }
    }

    public Optional<Level> level(String key) {
        return levels.stream().filter(level -> level.key().equals(key)).findFirst();
    }

    /** The level directly above, or empty for the top one. */
    public Optional<Level> levelAbove(String key) {
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).key().equals(key)) {
                return Optional.of(levels.get(i - 1));
            }
        }
        return Optional.empty();
    }

    public List<String> levelKeys() {
        return levels.stream().map(Level::key).toList();
    }

    public List<Indicator> indicators() {
        return annex.indicators();
    }

    public Optional<Indicator> indicator(String key) {
        return indicators().stream().filter(indicator -> indicator.key().equals(key)).findFirst();
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(section -> section.key().equals(key)).findFirst();
    }

    /** "117-KH/TU (phiên bản 2)". */
    public String label() {
        return number + " (phiên bản " + version + ")";
    }
}
