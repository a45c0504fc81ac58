package vn.reviewcascade.notification;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.ReportView;

/** The report as an HTML document, laid out by its plan, sent when no written document (PDF, DOCX) was uploaded. */
@Component
class ReportRendering {

    private final ReportService reports;
    private final CampaignService campaigns;
    private final MailTemplates templates;

    ReportRendering(ReportService reports, CampaignService campaigns, MailTemplates templates) {
        this.reports = reports;
        this.campaigns = campaigns;
        this.templates = templates;
    }

    byte[] html(long campaignId, String unitCode) {
        Campaign campaign = campaigns.find(campaignId);
        ReportView report = reports.view(campaignId, unitCode);
        Map<String, Object> model = new HashMap<>(DocumentWords.of(campaign, report.unit().level()));
        model.put("campaign", campaign);
        model.put("plan", campaign.plan());
        model.put("report", report);
        return templates.page("report-document", model).getBytes(StandardCharsets.UTF_8);
    }
}
