package vn.reviewcascade.campaign;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.unit.Level;

/**
 * Starts the review process of one unit. Every level runs the same {@code unitReview} process; what differs
 * (deadlines, whether there are subordinates or a parent) is passed in here as variables. No task user can
 * write these (tasks run in the approval processes it calls); Cockpit shows and searches them.
 */
@Component
public class UnitReviewStarter {

    public static final String PROCESS_KEY = "unitReview";

    private final RuntimeService runtimeService;
    private final ReportRepository reports;

    public UnitReviewStarter(RuntimeService runtimeService, ReportRepository reports) {
        this.runtimeService = runtimeService;
        this.reports = reports;
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
        variables.put("hasParent", unit.parentCode() != null);
        variables.put("hasSubordinates", hasSubordinates);
        variables.put("guidanceDue", Date.from(deadlines.guidance()));
        variables.put("reportDue", Date.from(unit.reportDue()));
        if (hasSubordinates) {
            variables.put("subordinatesDue", Date.from(deadlines.subordinatesDue(unit.level())));
        }
        // Cockpit's overdue dashboard groups units under their district-level unit.
        variables.put("districtName", districtName(unit));
        String instanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                ReviewKey.unit(campaign.id(), unit.unitCode()).toString(), variables).getId();
        reports.setProcessInstance(campaign.id(), unit.unitCode(), instanceId);
    }

    private String districtName(UnitReport unit) {
        if (unit.level() == Level.BASE && unit.parentCode() != null) {
            return reports.find(unit.campaignId(), unit.parentCode()).map(UnitReport::unitName).orElse(unit.parentCode());
        }
        return unit.level() == Level.PROVINCE ? "Cấp tỉnh" : unit.unitName();
    }

}
