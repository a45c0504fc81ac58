package vn.reviewcascade.campaign;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.audit.AuditAction;
import vn.reviewcascade.audit.AuditLog;
import vn.reviewcascade.security.UnitAccess;

/**
 * What the organising board's office page does with campaigns besides starting them ({@code POST /api/campaigns}):
 * a preview of a start before confirming, running again the opening of a large campaign stopped by an error, and ending
 * one early. The same rule as starting: administrators and the boards that follow every unit.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignOfficeController {

    private final CampaignService campaigns;
    private final CampaignEnding ending;
    private final UnitAccess access;
    private final CampaignOpening opening;
    private final CampaignRepository repository;
    private final AuditLog audit;

    CampaignOfficeController(CampaignService campaigns, CampaignEnding ending, UnitAccess access, CampaignOpening opening,
                             CampaignRepository repository, AuditLog audit) {
        this.audit = audit;
        this.opening = opening;
        this.repository = repository;
        this.campaigns = campaigns;
        this.ending = ending;
        this.access = access;
    }

    /** The body of {@code POST /api/campaigns}, checked the same way, refused the same way; nothing is stored. */
    @PostMapping("/preview")
    CampaignPreview preview(@RequestBody StartCampaign request) {
        access.requireSeesEverything("bắt đầu một đợt");
        return CampaignPreview.of(campaigns.preview(request), request.year());
    }

    @PostMapping("/{id}/end")
    CampaignEnding.Ended end(@PathVariable long id, @Valid @RequestBody EndCampaign request) {
        access.requireSeesEverything("kết thúc một đợt");
        return ending.end(id, request.reason(), access.userId());
    }

    /**
     * @param jobs    how many stopped jobs were set to run again (0: nothing had stopped)
     * @param opening how far the opening is now; null once every unit's review has opened
     */
    record Retried(int jobs, CampaignOpening.Progress opening) {
    }

    /**
     * Runs again the parts of the campaign's opening that failed and used their retries; what was written stays and
     * each goes on where it stopped. Nothing to retry is not an error: the answer says so with 0.
     */
    @PostMapping("/{id}/opening/retry")
    Retried retryOpening(@PathVariable long id) {
        access.requireSeesEverything("mở lại các đơn vị của một đợt");
        Campaign campaign = campaigns.find(id);
        repository.findEnd(id).ifPresent(ended -> {
            throw new CampaignConflictException("Đợt số %d đã kết thúc, không mở tiếp các đơn vị".formatted(id));
        });
        int jobs = opening.retry(id);
        if (jobs > 0) {
            audit.record(access.userId(), AuditAction.CAMPAIGN_OPENING_RETRIED, "campaign", String.valueOf(id),
                    "%s — chạy lại %d việc mở đơn vị bị dừng vì lỗi".formatted(campaign.title(), jobs));
        }
        return new Retried(jobs, opening.progress(campaign, false).orElse(null));
    }
}
