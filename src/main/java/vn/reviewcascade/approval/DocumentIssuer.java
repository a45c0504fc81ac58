package vn.reviewcascade.approval;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.document.IssuedDocuments;
import vn.reviewcascade.report.DocumentNumbers;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;

/**
 * Gives the signed-off document its number and symbol, e.g. {@code 12-BC/HU}, and issues it: the written document is
 * rendered, signed and kept, all in one transaction, so a document that cannot be produced is not issued (nor
 * numbered). It runs as a job after the sign-off (asynchronous before): the leader's click returns at once instead of
 * waiting for a twenty-page PDF, and a conflict with a timer firing meanwhile (a reminder) is retried by the job
 * executor instead of being shown to the leader as an error; a failure that persists becomes an incident in Cockpit.
 */
@Component
public class DocumentIssuer implements JavaDelegate {

    private final DocumentNumbers numbers;
    private final ReportRepository reports;
    private final ReportService reportService;
    private final IssuedDocuments issuedDocuments;
    private final EngineClock clock;

    public DocumentIssuer(DocumentNumbers numbers, ReportRepository reports, ReportService reportService,
                          IssuedDocuments issuedDocuments, EngineClock clock) {
        this.clock = clock;
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
        Instant now = clock.now();
        reports.markIssued(key.campaignId(), key.unitCode(), key.kind(), number, now);
        issuedDocuments.issue(key.campaignId(), key.unitCode(), key.kind(), number, now);
    }
}
