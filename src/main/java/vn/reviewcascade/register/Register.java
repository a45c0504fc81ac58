package vn.reviewcascade.register;

import java.util.List;

import vn.reviewcascade.dashboard.Page;

/**
 * A unit's register of documents issued ({@code outgoing}: sổ văn bản đi) or received ({@code incoming}: sổ văn bản
 * đến — the guidance of the unit above, the reports of the units below), one page of it.
 *
 * @param campaigns the campaigns the unit takes part in that the user may see, newest first: the register's filter
 * @param mayUpload whether the user may replace the unit's issued PDFs by the same files signed with a token
 */
public record Register(String unitCode, String unitName, String direction, List<CampaignChoice> campaigns,
                       boolean mayUpload, Page<RegisterEntry> page) {

    public record CampaignChoice(long id, String title, int year, String planNumber) {
    }
}
