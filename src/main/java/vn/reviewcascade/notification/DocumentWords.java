package vn.reviewcascade.notification;

import java.util.HashMap;
import java.util.Map;

import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.plan.Plan;

/** How a campaign's plan names its report and signs for a level, for the templates of mails and documents. */
final class DocumentWords {

    private DocumentWords() {
    }

    /** {@code reportTitle} ("báo cáo sơ kết"), {@code reportTitleCapitalised}, and the level's {@code signature}. */
    static Map<String, Object> of(Campaign campaign, String level) {
        Map<String, Object> words = new HashMap<>();
        String title = campaign.plan().documents().report();
        words.put("reportTitle", title);
        words.put("reportTitleCapitalised", Character.toUpperCase(title.charAt(0)) + title.substring(1));
        words.put("signature", campaign.plan().level(level).map(Plan.Level::signature).orElse(null));
        return words;
    }
}
