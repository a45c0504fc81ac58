package vn.reviewcascade.annex;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.Rollup;
import vn.reviewcascade.report.UnitFigures;

/**
 * Writes the annex workbook of a unit and everything below it in a campaign: the subtree is read depth first,
 * parent by parent, each parent's subordinates in one query, and every row goes to the workbook as soon as it is
 * read. What is held at once is the subordinates of the parents on the current path (a few hundred lines for the
 * national tree), never the campaign.
 */
@Service
public class AnnexWorkbooks {

    private final CampaignService campaigns;
    private final ReportRepository reports;
    private final TransactionTemplate snapshot;

    public AnnexWorkbooks(CampaignService campaigns, ReportRepository reports, PlatformTransactionManager transactionManager) {
        this.campaigns = campaigns;
        this.reports = reports;
        // One read-only transaction that sees one state of the tables: a report submitted while the subtree is being
        // read must not appear in a subordinate's row and be missing from its parent's subtotal.
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Writes the workbook to the output (left open), the figures as they stand at {@code cutOff}. */
    public void write(long campaignId, String unitCode, Instant cutOff, OutputStream out) throws IOException {
        Campaign campaign = campaigns.find(campaignId);
        Plan plan = campaign.plan();
        UnitFigures unit = reports.unitFigures(campaignId, unitCode).orElseThrow(() ->
                new NotFoundException("Không có đơn vị '" + unitCode + "' trong đợt số " + campaignId));
        try (AnnexWorkbook workbook = new AnnexWorkbook(new AnnexWorkbook.Heading(plan, campaign.title(), campaign.year(),
                unit.unitName(), unit.hasSubordinates(), cutOff))) {
            snapshot.executeWithoutResult(status -> {
                UnitFigures top = reports.unitFigures(campaignId, unitCode).orElseThrow();
                // The top's parent is not in the workbook, so the top's mark is read against it alone.
                visit(campaignId, plan, top, Rollup.lateAddition(top.parentConsolidatedAt(), top.submittedAt()), 0,
                        workbook);
            });
            workbook.finish(out);
        }
    }

    /** The unit's row, the subtotal of its subordinates, then each subordinate with what is below it. */
    private void visit(long campaignId, Plan plan, UnitFigures unit, boolean lateAddition, int depth,
                       AnnexWorkbook workbook) {
        List<UnitFigures> subordinates = unit.hasSubordinates()
                ? reports.subordinateFigures(campaignId, unit.unitCode()) : List.of();
        Rollup rollup = Rollup.of(unit.figures(), unit.consolidatedAt(),
                subordinates.stream().map(UnitFigures::asSubordinate).toList());
        workbook.unit(new AnnexWorkbook.UnitLine(depth, unit.unitName(), unit.unitCode(),
                plan.level(unit.level()).map(Plan.Level::name).orElse(unit.level()), unit.status().label(),
                unit.submitted(), lateAddition, unit.figures(), rollup.differences()));
        if (!subordinates.isEmpty()) {
            workbook.subtotal(new AnnexWorkbook.SubtotalLine(depth, unit.unitName(), subordinates.size(),
                    rollup.reported(), rollup.totals()));
        }
        for (UnitFigures subordinate : subordinates) {
            visit(campaignId, plan, subordinate, rollup.lateAddition(subordinate.unitCode()), depth + 1, workbook);
        }
    }
}
