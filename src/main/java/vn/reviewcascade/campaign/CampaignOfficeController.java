package vn.reviewcascade.campaign;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.security.UnitAccess;

/**
 * What the organising board's office page does with campaigns besides starting them ({@code POST /api/campaigns}):
 * a preview of a start before confirming, and ending one early. The same rule as starting: administrators and the
 * boards that follow every unit.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignOfficeController {

    private final CampaignService campaigns;
    private final CampaignEnding ending;
    private final UnitAccess access;

    CampaignOfficeController(CampaignService campaigns, CampaignEnding ending, UnitAccess access) {
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
}
