package vn.reviewcascade.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.notification.MailOutbox;
import vn.reviewcascade.notification.OutboxEntry;

/** The sent log: who was reminded or told of what, when, and how delivery went. */
@RestController
class MailLogController {

    private final CampaignService campaigns;
    private final MailOutbox outbox;

    MailLogController(CampaignService campaigns, MailOutbox outbox) {
        this.campaigns = campaigns;
        this.outbox = outbox;
    }

    @GetMapping("/api/campaigns/{id}/mails")
    List<OutboxEntry> mails(@PathVariable long id) {
        campaigns.find(id);
        return outbox.findByCampaign(id);
    }
}
