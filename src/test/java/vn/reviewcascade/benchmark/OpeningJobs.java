package vn.reviewcascade.benchmark;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import vn.reviewcascade.campaign.CampaignOpening;

/**
 * Runs the jobs that write a large campaign's units ({@code campaignOpening}, a part each) until every unit has its
 * row and the root's review is started: what the job executor does after {@code POST /api/campaigns}. The units'
 * reviews themselves are left to open (their start jobs are not run).
 */
final class OpeningJobs {

    private OpeningJobs() {
    }

    /** @return how many parts were written by jobs */
    static int writeAllUnits(RuntimeService runtimeService, ManagementService managementService, long campaignId) {
        int parts = 0;
        while (true) {
            ProcessInstance opening = runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(CampaignOpening.PROCESS_KEY).processInstanceBusinessKey(campaignId + "/opening")
                    .singleResult();
            if (opening == null) {
                return parts;
            }
            Job job = managementService.createJobQuery().processInstanceId(opening.getId()).singleResult();
            managementService.executeJob(job.getId());
            parts++;
        }
    }
}
