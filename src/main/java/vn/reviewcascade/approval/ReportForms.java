package vn.reviewcascade.approval;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.DeadlineFormat;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.Indicator;
import vn.reviewcascade.report.ReportContent;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.ReviewComment;
import vn.reviewcascade.report.Section;

/**
 * Puts what a task's form shows into variables when the task is created: the draft form's fields are
 * filled from the report as stored (a parent's figures pre-filled with its subordinates' sums, a returned
 * draft with what was written before); review and sign-off forms get the document as Markdown, with the
 * rolled-up figures, the differences and earlier comments. The report table stays the one home of the
 * content: {@link DraftChecker} takes the fields back and removes them.
 */
@Component("reportForms")
public class ReportForms {

    private final ReportRepository reports;
    private final ReportService reportService;

    public ReportForms(ReportRepository reports, ReportService reportService) {
        this.reports = reports;
        this.reportService = reportService;
    }

    public void prepare(DelegateTask task, String step) {
        ReviewScope scope = ReviewScope.of(task);
        boolean report = ReviewScope.documentKind(task) == DocumentKind.REPORT;
        if ("DRAFT".equals(step)) {
            if (report) {
                ReportContent content = reports.loadContent(scope.campaignId(), scope.unitCode());
                content.sections().forEach((section, text) -> task.setVariable(section.key(), text));
                content.figures().forEach((indicator, value) -> task.setVariable(indicator.key(), value));
            }
            return;
        }
        task.setVariable("documentMarkdown", report ? markdown(reportService.view(scope.campaignId(), scope.unitCode()))
                : "Kế hoạch hướng dẫn sơ kết của **" + task.getVariable("unitName") + "** gửi các đơn vị cấp dưới, hạn **"
                + DeadlineFormat.label(((Date) task.getVariable("dueDate")).toInstant()) + "**.");
    }

    static String markdown(ReportView view) {
        StringBuilder text = new StringBuilder();
        Map<String, String> sections = view.sections();
        for (Section section : Section.values()) {
            text.append("#### ").append(section.number()).append(". ").append(section.title()).append("\n\n")
                    .append(sections.getOrDefault(section.key(), "*(chưa viết)*")).append("\n\n");
        }
        boolean rolledUp = !view.subordinates().isEmpty();
        text.append("#### Phụ lục số liệu\n\n| Chỉ tiêu | Số liệu |").append(rolledUp ? " Tổng cấp dưới | Chênh lệch |" : "")
                .append("\n|---|---:|").append(rolledUp ? "---:|---:|" : "").append('\n');
        for (Indicator indicator : Indicator.values()) {
            Long own = view.figures().get(indicator.key());
            text.append("| ").append(indicator.label()).append(" | ").append(own == null ? "—" : own).append(" |");
            if (rolledUp) {
                Long difference = view.differences().get(indicator.key());
                text.append(' ').append(view.subordinateTotals().getOrDefault(indicator.key(), 0L)).append(" | ")
                        .append(difference == null ? "" : (difference > 0 ? "+" : "") + difference).append(" |");
            }
            text.append('\n');
        }
        List<ReviewComment> comments = view.comments();
        if (!comments.isEmpty()) {
            text.append("\n#### Ý kiến trước đây\n\n");
            for (ReviewComment comment : comments) {
                text.append("- ").append(comment.step() == ReviewComment.ReviewStep.REVIEW ? "Thẩm định" : "Ký duyệt").append(": ")
                        .append(comment.decision() == ReviewComment.Decision.APPROVED ? "đồng ý" : "trả lại")
                        .append(comment.comment() == null ? "" : " – " + comment.comment()).append('\n');
            }
        }
        return text.toString();
    }
}
