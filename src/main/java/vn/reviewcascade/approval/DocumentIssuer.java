package vn.reviewcascade.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.document.IssuedDocuments;
import vn.reviewcascade.report.DocumentNumbers;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;

/**
 * Gives the signed-off document its number and symbol, e.g. {@code 12-BC/HU}, and issues it: the written document is
 * rendered, signed and kept, in the sign-off's own transaction, so a document that cannot be produced is not issued.
 */
@Component
public class DocumentIssuer implements JavaDelegate {

    private final DocumentNumbers numbers;
    private final ReportRepository reports;
    private final ReportService reportService;
    private final IssuedDocuments issuedDocuments;

    public DocumentIssuer(DocumentNumbers numbers, ReportRepository reports, ReportService reportService,
                          IssuedDocuments issuedDocuments) {
        this.issuedDocuments = issuedDocuments;
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
        issuedDocuments.issue(key.campaignId(), key.unitCode(), key.kind(), number);
    }
}
