package vn.reviewcascade.notification;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.security.UnitAccess;

/** The sent log: who was reminded or told of what, when, and how delivery went. */
@RestController
class MailLogController {

    private final CampaignService campaigns;
    private final MailOutbox outbox;
    private final UnitAccess access;

    MailLogController(CampaignService campaigns, MailOutbox outbox, UnitAccess access) {
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.access = access;
    }

    @GetMapping("/api/campaigns/{id}/mails")
    List<OutboxEntry> mails(@PathVariable long id) {
        access.requireSeesEverything("xem nhật ký thư");
        campaigns.find(id);
        return outbox.findByCampaign(id);
    }
}
