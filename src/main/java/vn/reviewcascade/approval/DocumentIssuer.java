package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;
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
        ReviewKey key = ReviewKey.of(execution);
        UnitReport unit = reportService.unit(key.campaignId(), key.unitCode());
        String number = numbers.next(unit.unitCode(), unit.symbol(), key.kind());
        reports.setDocumentNumber(key.campaignId(), key.unitCode(), key.kind(), number);
    }
}
