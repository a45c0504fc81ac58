package vn.reviewcascade.notification;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.PlanTemplate;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;

/** Sends the signed final report to the plan's distribution list ("Nơi nhận"), with the report attached. */
@Component
public class ReportDistributor implements JavaDelegate {

    private final CampaignService campaigns;
    private final ReportService reports;
    private final MailRecipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;

    public ReportDistributor(CampaignService campaigns, ReportService reports, MailRecipients recipients,
                             MailTemplates templates, MailOutbox outbox) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        long campaignId = key.campaignId();
        String unitCode = key.unitCode();
        Campaign campaign = campaigns.find(campaignId);
        UnitReport unit = reports.unit(campaignId, unitCode);
        PlanTemplate template = campaigns.templates().stream()
                .filter(plan -> plan.planNumber().equals(campaign.planNumber())).findFirst().orElseThrow();
        Map<String, String> addresses = new LinkedHashMap<>();
        template.distribution().forEach(recipient -> addresses.put(recipient.name(), recipient.email()));
        Map<String, Object> model = new HashMap<>();
        model.put("planNumber", campaign.planNumber());
        model.put("title", campaign.title());
        model.put("unitName", unit.unitName());
        model.put("documentNumber", unit.documentNumber());
        model.put("recipients", template.distribution());
        outbox.queue(new OutgoingMail("DISTRIBUTION/%d/%s".formatted(campaignId, unitCode), campaignId, unitCode,
                MailKind.DISTRIBUTION, recipients.ofAddresses(addresses),
                templates.render(MailKind.DISTRIBUTION.template(), model), unitCode));
    }
}
