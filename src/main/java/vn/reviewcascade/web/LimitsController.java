package vn.reviewcascade.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.Limits;
import vn.reviewcascade.report.UnitDocuments;

/**
 * The limits of what people write, as the server enforces them, for the forms in the browser: their text boxes and
 * counters stop where the server would refuse, and no number is written twice.
 */
@RestController
class LimitsController {

    private final UnitDocuments documents;

    LimitsController(UnitDocuments documents) {
        this.documents = documents;
    }

    /** The limits; the document size is the deployment's ({@code review-cascade.documents.max-size}). */
    record BrowserLimits(long maxFigure, int maxWrittenText, int maxComment, int maxCampaignTitle, int maxPlanFile,
                         long maxDocumentMegabytes) {
    }

    @GetMapping("/api/limits")
    BrowserLimits limits() {
        return new BrowserLimits(Limits.MAX_FIGURE, Limits.MAX_WRITTEN_TEXT, Limits.MAX_COMMENT, Limits.MAX_CAMPAIGN_TITLE,
                Limits.MAX_PLAN_FILE, documents.maxSize().toMegabytes());
    }
}
