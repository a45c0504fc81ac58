package vn.reviewcascade.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.reviewcascade.Vietnam;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.ApprovalStep;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.GuidanceService;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.report.ReviewCommentRepository;
import vn.reviewcascade.report.Rollup;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.document.WrittenDocument.Row;
import vn.reviewcascade.document.WrittenDocument.RowKind;

/**
 * Composes a unit's guidance or report as a written document from what the plan and the unit hold: the plan's
 * outline and annex, the unit's text and figures (and, for a unit with subordinates, each subordinate's figures,
 * their total and the differences), the signature block of the unit's level and the leader who signed.
 */
@Service
public class WrittenDocuments {

    /** Columns of one annex table at most, so a page holds it. */
    static final int COLUMNS_PER_TABLE = 7;

    private final CampaignService campaigns;
    private final ReportService reports;
    private final GuidanceService guidance;
    private final UnitTree tree;
    private final ReviewCommentRepository comments;

    public WrittenDocuments(CampaignService campaigns, ReportService reports, GuidanceService guidance,
                            UnitTree tree, ReviewCommentRepository comments) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.guidance = guidance;
        this.tree = tree;
        this.comments = comments;
    }

    /** The document as issued with this number at this moment, or, with a null number, the draft as it stands. */
    @Transactional(readOnly = true)
    public WrittenDocument compose(long campaignId, String unitCode, DocumentKind kind, String number, Instant issuedAt) {
        Campaign campaign = campaigns.find(campaignId);
        Plan plan = campaign.plan();
        UnitReport unit = reports.unit(campaignId, unitCode);
        boolean draft = number == null;
        List<WrittenDocument.Part> parts = new ArrayList<>();
        WrittenDocument.Annex annex = null;
        if (kind == DocumentKind.REPORT) {
            ReportView report = reports.view(campaignId, unitCode);
            for (Plan.Section section : plan.sections()) {
                parts.add(new WrittenDocument.Part(section.number() + ".", section.title(),
                        report.sections().getOrDefault(section.key(), "")));
            }
            annex = annex(plan, unit, report);
        } else {
            String text = guidance.view(campaignId, unitCode).text();
            parts.add(new WrittenDocument.Part(null, null, text == null ? "" : text));
        }
        return new WrittenDocument(superior(unit), upper(unit.unitName()), kind.typeCode() + "/" + unit.symbol(), number,
                dateLine(tree.placeOf(unitCode), draft ? null : issuedAt, campaign.year()), heading(kind),
                lowerFirst(campaign.title()), parts, annex, signature(campaignId, unit, kind, plan), recipients(plan, unit, kind),
                draft);
    }

    private String superior(UnitReport unit) {
        String parent = unit.parentCode() != null ? reports.unit(unit.campaignId(), unit.parentCode()).unitName()
                : tree.find(unit.unitCode()).map(found -> found.parentCode()).flatMap(tree::find).map(found -> found.name())
                .orElse(null);
        return parent == null ? null : upper(parent);
    }

    /** "Vĩnh Linh, ngày 02 tháng 10 năm 2031": day and month under 10 written with a zero, as 36-HD has it. */
    static String dateLine(String place, Instant issuedAt, int year) {
        String prefix = place.isEmpty() ? "" : place + ", ";
        if (issuedAt == null) {
            return prefix + "ngày      tháng      năm " + year;
        }
        LocalDate day = issuedAt.atZone(Vietnam.ZONE).toLocalDate();
        return prefix + "ngày %02d tháng %02d năm %d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    private static String heading(DocumentKind kind) {
        return kind == DocumentKind.REPORT ? "BÁO CÁO" : "HƯỚNG DẪN";
    }

    /**
     * One table per group of the plan's figures (split when a group is wide). A unit without subordinates has one
     * row, its own figures; a unit with subordinates a row per subordinate (one that has not submitted says so),
     * their total, its own figures and, where they are not the total, the difference: the report view's roll-up.
     */
    private WrittenDocument.Annex annex(Plan plan, UnitReport unit, ReportView report) {
        boolean rolledUp = !report.subordinates().isEmpty();
        List<WrittenDocument.Table> tables = new ArrayList<>();
        boolean lateAdditions = false;
        for (Plan.Group group : plan.annex().groups()) {
            List<Plan.Indicator> indicators = group.indicators();
            for (int from = 0; from < indicators.size(); from += COLUMNS_PER_TABLE) {
                List<Plan.Indicator> chunk = indicators.subList(from, Math.min(from + COLUMNS_PER_TABLE, indicators.size()));
                List<WrittenDocument.Column> columns = chunk.stream()
                        .map(i -> new WrittenDocument.Column(i.label(), i.unit(), i.partOf() != null)).toList();
                List<Row> rows = new ArrayList<>();
                if (rolledUp) {
                    for (ReportView.Subordinate sub : report.subordinates()) {
                        String label = sub.unitName() + (sub.lateAddition() ? Rollup.LATE_ADDITION_MARK : "")
                                + (sub.submittedAt() == null ? " – chưa gửi báo cáo" : "");
                        lateAdditions |= sub.lateAddition();
                        rows.add(new Row(label, values(chunk, sub.figures()), RowKind.SUBORDINATE));
                    }
                    rows.add(new Row("Cộng các đơn vị trực thuộc", values(chunk, report.subordinateTotals(), 0L), RowKind.TOTAL));
                    rows.add(new Row(unit.unitName() + " (số liệu báo cáo)", values(chunk, report.figures()), RowKind.OWN));
                    if (chunk.stream().anyMatch(i -> report.differences().containsKey(i.key()))) {
                        rows.add(new Row("Chênh lệch so với cộng các đơn vị", values(chunk, report.differences()),
                                RowKind.DIFFERENCE));
                    }
                } else {
                    rows.add(new Row(unit.unitName(), values(chunk, report.figures()), RowKind.OWN));
                }
                String title = indicators.size() > COLUMNS_PER_TABLE
                        ? group.title() + " (" + (from / COLUMNS_PER_TABLE + 1) + ")" : group.title();
                tables.add(new WrittenDocument.Table(title, columns, rows));
            }
        }
        List<String> notes = lateAdditions
                ? List.of(Rollup.LATE_ADDITION_NOTE) : List.of();
        return new WrittenDocument.Annex("PHỤ LỤC SỐ LIỆU", tables, rolledUp, notes);
    }

    private static List<Long> values(List<Plan.Indicator> indicators, Map<String, Long> figures) {
        return values(indicators, figures, null);
    }

    private static List<Long> values(List<Plan.Indicator> indicators, Map<String, Long> figures, Long missing) {
        List<Long> values = new ArrayList<>();
        for (Plan.Indicator indicator : indicators) {
            values.add(figures.getOrDefault(indicator.key(), missing));
        }
        return values;
    }

    /** The block of the unit's level in the plan, with the leader who approved the sign-off last. */
    private WrittenDocument.Signature signature(long campaignId, UnitReport unit, DocumentKind kind, Plan plan) {
        Plan.Signature block = plan.level(unit.level()).map(Plan.Level::signature).orElse(null);
        String signer = comments.findAll(campaignId, unit.unitCode()).stream()
                .filter(comment -> comment.documentKind() == kind && comment.step() == ApprovalStep.SIGN
                        && comment.decision() == ReviewComment.Decision.APPROVED)
                .reduce((first, second) -> second).map(ReviewComment::authorName).orElse(null);
        return new WrittenDocument.Signature(block == null ? null : block.onBehalfOf(),
                block == null ? null : block.position(), signer);
    }

    /**
     * "Nơi nhận": the final report goes to the plan's distribution list; any other report to the unit above, for its
     * report (b/c); guidance to the units below, for execution (t/h); a copy is kept (Lưu).
     */
    private List<String> recipients(Plan plan, UnitReport unit, DocumentKind kind) {
        List<String> recipients = new ArrayList<>();
        if (kind == DocumentKind.GUIDANCE) {
            recipients.add("Các đơn vị trực thuộc (t/h)");
        } else if (unit.parentCode() == null) {
            plan.distribution().forEach(recipient -> recipients.add(recipient.name()
                    + (recipient.purpose() == null ? "" : " (" + recipient.purpose() + ")")));
        } else {
            recipients.add(reports.unit(unit.campaignId(), unit.parentCode()).unitName() + " (b/c)");
        }
        if (recipients.stream().noneMatch(line -> line.startsWith("Lưu"))) {
            recipients.add("Lưu văn phòng");
        }
        return recipients;
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.forLanguageTag("vi"));
    }

    /**
     * "Sơ kết 3 năm …" reads "BÁO CÁO / sơ kết 3 năm …" under the heading; a first word that is an abbreviation or a
     * name written with capitals or digits inside ("HĐND", "E2E") keeps its case.
     */
    public static String lowerFirst(String text) {
        String firstWord = text.split(" ", 2)[0];
        boolean abbreviation = firstWord.length() > 1 && firstWord.substring(1).chars()
                .anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
        return text.isEmpty() || abbreviation ? text
                : text.substring(0, 1).toLowerCase(Locale.forLanguageTag("vi")) + text.substring(1);
    }
}
