package vn.reviewcascade.notification;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.UnitReport;

/**
 * Sends the signed final report to the plan's distribution list ("Nơi nhận"), with the report attached. A plan
 * names each recipient's address as an e-mail or as a key the deployment maps to one
 * ({@code review-cascade.notifications.distribution.<key>}), so the same plan file serves every deployment.
 */
@Component
public class ReportDistributor implements JavaDelegate {

    private final CampaignService campaigns;
    private final ReportService reports;
    private final MailRecipients recipients;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final NotificationProperties properties;

    public ReportDistributor(CampaignService campaigns, ReportService reports, MailRecipients recipients,
                             MailTemplates templates, MailOutbox outbox, NotificationProperties properties) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewKey key = ReviewKey.of(execution);
        long campaignId = key.campaignId();
        String unitCode = key.unitCode();
        Campaign campaign = campaigns.find(campaignId);
        UnitReport unit = reports.unit(campaignId, unitCode);
        Map<String, String> addresses = new LinkedHashMap<>();
        campaign.plan().distribution().forEach(recipient -> addresses.put(recipient.name(), address(recipient)));
        Map<String, Object> model = new HashMap<>(DocumentWords.of(campaign, unit.level()));
        model.put("planNumber", campaign.planNumber());
        model.put("title", campaign.title());
        model.put("unitName", unit.unitName());
        model.put("documentNumber", unit.documentNumber());
        model.put("recipients", campaign.plan().distribution());
        outbox.queue(new OutgoingMail("DISTRIBUTION/%d/%s".formatted(campaignId, unitCode), campaignId, unitCode,
                MailKind.DISTRIBUTION, recipients.ofAddresses(addresses),
                templates.render(MailKind.DISTRIBUTION.template(), model), unitCode));
    }

    /** The e-mail the plan gives, or the one the deployment set for the plan's key; null when neither is set. */
    private String address(Plan.Recipient recipient) {
        String address = recipient.address();
        if (address == null || address.contains("@")) {
            return address;
        }
        return properties.distribution().get(address);
    }
}
