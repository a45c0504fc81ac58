package vn.reviewcascade.approval;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.Indicator;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReportValidator;
import vn.reviewcascade.report.Section;

/**
 * Takes the sections and figures a drafter completed the draft task with (variables section1…section6 and one
 * per indicator key; any may be absent if saved earlier through the REST API), checks them with the same
 * validation as the API, and stores them in the report. The raw variables are then removed: the report
 * table is their one home.
 */
@Component
public class DraftChecker implements JavaDelegate {

    private final ReportService reportService;

    public DraftChecker(ReportService reportService) {
        this.reportService = reportService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (ReviewScope.documentKind(execution) != DocumentKind.REPORT) {
            return;
        }
        ReviewScope scope = ReviewScope.of(execution);
        Map<String, Object> sections = new HashMap<>();
        for (Section section : Section.values()) {
            if (execution.hasVariable(section.key())) {
                sections.put(section.key(), execution.getVariable(section.key()));
            }
        }
        Map<String, Object> figures = new HashMap<>();
        for (Indicator indicator : Indicator.values()) {
            if (execution.hasVariable(indicator.key())) {
                figures.put(indicator.key(), execution.getVariable(indicator.key()));
            }
        }
        try {
            reportService.completeDraft(scope.campaignId(), scope.unitCode(), ReportValidator.parse(sections, figures));
        } catch (InvalidInputException e) {
            throw new TaskInputRejected(e.errors());
        }
        execution.removeVariables(sections.keySet());
        execution.removeVariables(figures.keySet());
    }
}
