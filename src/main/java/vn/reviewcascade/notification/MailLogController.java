package vn.reviewcascade.notification;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.dashboard.Page;
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

    /** A page of the log, newest first: a national campaign sends hundreds of thousands of mails. */
    @GetMapping("/api/campaigns/{id}/mails")
    Page<OutboxEntry> mails(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        access.requireSeesEverything("xem nhật ký thư");
        campaigns.find(id);
        return outbox.page(id, Math.max(0, page), Page.size(size));
    }
}
