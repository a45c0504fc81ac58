package vn.reviewcascade.campaign;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.unit.Level;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitGroup;
import vn.reviewcascade.unit.UnitTree;

/**
 * Starts the review process of one unit. Every level runs the same {@code unitReview} process; what differs
 * (deadlines, groups, whether there are subordinates or a parent) is passed in here as variables.
 */
@Component
public class UnitReviewStarter {

    public static final String PROCESS_KEY = "unitReview";

    private final RuntimeService runtimeService;
    private final ReportRepository reports;
    private final UnitTree tree;

    public UnitReviewStarter(RuntimeService runtimeService, ReportRepository reports, UnitTree tree) {
        this.runtimeService = runtimeService;
        this.reports = reports;
        this.tree = tree;
    }

    /** The process's start event is asynchronous, so this only records a job: cheap even for a wide fan-out. */
    public void start(Campaign campaign, UnitReport unit, boolean hasSubordinates) {
        Deadlines deadlines = campaign.deadlines();
        Map<String, Object> variables = new HashMap<>();
        variables.put("campaignId", campaign.id());
        variables.put("planNumber", campaign.planNumber());
        variables.put("unitCode", unit.unitCode());
        variables.put("unitName", unit.unitName());
        variables.put("level", unit.level().name());
        variables.put("parentCode", unit.parentCode());
        variables.put("hasParent", unit.parentCode() != null && !unit.unitCode().equals(campaign.rootUnit()));
        variables.put("hasSubordinates", hasSubordinates);
        variables.put("guidanceDue", Date.from(deadlines.guidance()));
        variables.put("reportDue", Date.from(unit.reportDue()));
        if (hasSubordinates) {
            variables.put("subordinatesDue", Date.from(deadlines.subordinatesDue(unit.level())));
        }
        // Groups are read from the tree as it is now, so a change of who holds a role reaches running campaigns.
        Unit current = tree.find(unit.unitCode()).orElse(null);
        variables.put("drafters", groupOr(current == null ? null : current.drafters(), unit, "drafters"));
        variables.put("reviewers", groupOr(current == null ? null : current.reviewers(), unit, "reviewers"));
        variables.put("signers", groupOr(current == null ? null : current.signers(), unit, "signers"));
        variables.put("guidanceDrafters", groupOr(current == null ? null : current.guidanceDrafters(), unit, "drafters"));
        // Cockpit's overdue dashboard groups units under their district-level unit.
        variables.put("districtName", districtName(unit));
        String instanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey(campaign.id(), unit.unitCode()),
                variables).getId();
        reports.setProcessInstance(campaign.id(), unit.unitCode(), instanceId);
    }

    private String districtName(UnitReport unit) {
        if (unit.level() == Level.BASE && unit.parentCode() != null) {
            return reports.find(unit.campaignId(), unit.parentCode()).map(UnitReport::unitName).orElse(unit.parentCode());
        }
        return unit.level() == Level.PROVINCE ? "Cấp tỉnh" : unit.unitName();
    }

    public static String businessKey(long campaignId, String unitCode) {
        return campaignId + "/" + unitCode;
    }

    private static String groupOr(UnitGroup group, UnitReport unit, String role) {
        return group != null ? group.id() : unit.unitCode() + "." + role;
    }
}
