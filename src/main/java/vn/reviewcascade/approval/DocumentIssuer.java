package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.DocumentNumbers;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;

/** Gives the signed document its number and symbol, e.g. {@code 12-BC/HU}. */
@Component
public class DocumentIssuer implements JavaDelegate {

    private final DocumentNumbers numbers;
    private final ReportRepository reports;
    private final ReportService reportService;

    public DocumentIssuer(DocumentNumbers numbers, ReportRepository reports, ReportService reportService) {
        this.numbers = numbers;
        this.reports = reports;
        this.reportService = reportService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewScope scope = ReviewScope.of(execution);
        DocumentKind kind = ReviewScope.documentKind(execution);
        UnitReport unit = reportService.unit(scope.campaignId(), scope.unitCode());
        String number = numbers.next(unit.unitCode(), unit.symbol(), kind);
        reports.setDocumentNumber(scope.campaignId(), scope.unitCode(), kind, number);
        execution.setVariable("documentNumber", number);
    }
}
