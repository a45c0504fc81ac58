package vn.reviewcascade.notification;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.report.Indicator;
import vn.reviewcascade.report.ReportService;
import vn.reviewcascade.report.Section;

/** The report as an HTML document, sent when no written document (PDF, DOCX) was uploaded. */
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
        return templates.page("report-document", Map.of(
                "campaign", campaigns.find(campaignId),
                "report", reports.view(campaignId, unitCode),
                "sections", Section.values(),
                "indicators", Indicator.values())).getBytes(StandardCharsets.UTF_8);
    }
}
