package vn.reviewcascade.reorganisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.Sha256;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignConflictException;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.UnitFigures;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reorganisations applied to running campaigns over the 2019-shaped test tree (Tỉnh ủy → Huyện ủy Vĩnh Linh with
 * three communes, Huyện ủy Cồn Cỏ). Each test starts from the tree as its file gives it
 * ({@link ReorganisationTestSupport#forgetReorganisations}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReorganisationCascadeTest extends ReorganisationTestSupport {

    @Test
    @Order(1)
    void aUnitMovedWithAnOpenReviewTaskReportsToItsNewParentWhoseReviewersNowSeeTheTask() {
        Campaign campaign = start("TU");
        issueGuidance(campaign, "TU");
        issueGuidance(campaign, "VL");
        complete(campaign, "VL-C", "DraftDocument", draft(3));
        Task review = task(campaign, "VL-C", "ReviewDraft");
        assertThat(readers(review)).contains("VL.reviewers").doesNotContain("CC.reviewers");
        moveClockTo("2030-07-01T08:00:00+07:00");
        String file = file("101-QĐ/TU", """
                - move: VL-C
                  parent: CC
                """);

        // The dry run over HTTP, as the office would call it: what will happen, nothing stored.
        int versionsBefore = reorganisations("select count(*) from reorganisation");
        ResponseEntity<Map<String, Object>> dry = postFile(file, "?dryRun=true&campaign=" + campaign.id());
        assertThat(dry.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> outcome = onlyCampaign(dry.getBody());
        assertThat(outcome.get("problems")).asList().isEmpty();
        assertThat(outcome.get("openTasksMoved")).asList().singleElement()
                .satisfies(line -> assertThat(((Map<?, ?>) line).get("taskId")).isEqualTo(review.getId()));
        assertThat(reorganisations("select count(*) from reorganisation")).isEqualTo(versionsBefore);
        assertThat(reports.find(campaign.id(), "VL-C").orElseThrow().parentCode()).isEqualTo("VL");
        // Only the organising boards and the administrators.
        user("reorg.vl", "reorg.vl@vinhlinh.test", "Mat-Khau-Thu-2030", "VL.reviewers");
        assertThat(http.withBasicAuth("reorg.vl", "Mat-Khau-Thu-2030").exchange("/api/reorganisations?dryRun=true",
                HttpMethod.POST, yaml(file), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map<String, Object>> applied = postFile(file, "?campaign=" + campaign.id());
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(reports.find(campaign.id(), "VL-C").orElseThrow().parentCode()).isEqualTo("CC");
        assertThat(changeRows(campaign, "VL-C")).containsExactly("PARENT VL→CC by admin under 101-QĐ/TU");
        Task same = task(campaign, "VL-C", "ReviewDraft");
        assertThat(same.getId()).as("the task stays the unit's own").isEqualTo(review.getId());
        assertThat(readers(same)).contains("CC.reviewers").doesNotContain("VL.reviewers");

        // Vĩnh Linh waits for exactly its two remaining communes.
        submitReport(campaign, "VL-A", draft(1));
        submitReport(campaign, "VL-B", draft(2));
        runJobs(campaign);
        assertThat(reports.find(campaign.id(), "VL").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        assertThat(reportService.view(campaign.id(), "VL").subordinateTotals()).containsEntry("partyMembers", 30L);

        approve(campaign, "VL-C", "ReviewDraft");
        approve(campaign, "VL-C", "SignDocument");
        runJobs(campaign);
        assertThat(reportService.view(campaign.id(), "CC").subordinateTotals()).containsEntry("partyMembers", 30L);
        assertThat(historyOf(campaign, "VL-C").get("formerly")).isNull();
    }

    @Test
    @Order(2)
    void aUnitWaitingForGuidanceMovedUnderAParentThatIssuedItGetsItAtOnce() {
        Campaign campaign = start("TU");
        issueGuidance(campaign, "TU");
        assertThat(reports.find(campaign.id(), "VL-A").orElseThrow().status()).isEqualTo(UnitStatus.WAITING_FOR_GUIDANCE);
        // Before the district's guidance deadline (30/3), so its other communes still wait for it.
        moveClockTo("2030-03-10T08:00:00+07:00");
        String file = file("102-QĐ/TU", """
                - move: VL-A
                  parent: TU
                """);

        ReorganisationService.Result dryRun = reorganisations.dryRun(file, List.of(campaign.id()), NO_CHOICES);
        assertThat(dryRun.campaigns().get(0).deadlinesAffected()).singleElement()
                .satisfies(line -> assertThat(line.unitCode()).isEqualTo("VL-A"));

        reorganisations.apply(file, List.of(campaign.id()), NO_CHOICES, "bdv");
        runJobs(campaign);
        assertThat(reports.find(campaign.id(), "VL-A").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        assertThat(readers(task(campaign, "VL-A", "DraftDocument"))).contains("btc-tu").doesNotContain("VL.reviewers");
        assertThat(reports.find(campaign.id(), "VL-B").orElseThrow().status()).isEqualTo(UnitStatus.WAITING_FOR_GUIDANCE);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(unitProcess(campaign, "VL-A").getId())
                .eventName("guidance-" + campaign.id() + "-VL").count()).as("no longer waits for Vĩnh Linh's signal").isZero();
    }

    @Test
    @Order(3)
    void twoCommunesMergedIntoAThirdKeepTheirReportsAsHistoryAndTheSuccessorsWorkContinues() {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-B", draft(2));
        complete(campaign, "VL-C", "DraftDocument", draft(3));
        runJobs(campaign);
        String vlcProcess = unitProcess(campaign, "VL-C").getId();
        Snapshot before = snapshot(campaign);
        moveClockTo("2030-07-01T08:00:00+07:00");

        String file = file("103-QĐ/TU", """
                - merge: [VL-B, VL-C]
                  into: VL-A
                """);
        CampaignReorganiser.Outcome planned = reorganisations.dryRun(file, List.of(campaign.id()), NO_CHOICES).campaigns().get(0);
        assertThat(planned.expectedRemoved()).extracting(CampaignReorganiser.UnitLine::unitCode).containsExactly("VL-C");
        assertThat(planned.openTasksClosed()).extracting(CampaignReorganiser.TaskLine::unitCode).containsExactly("VL-C");
        assertThat(planned.reportsOfChangedUnits()).extracting(CampaignReorganiser.UnitLine::unitCode).containsExactly("VL-B");

        reorganisations.apply(file, List.of(campaign.id()), NO_CHOICES, "bdv");

        assertThat(snapshot(campaign)).as("nothing reported, signed or written is rewritten or deleted").isEqualTo(before);
        UnitReport vlb = reports.find(campaign.id(), "VL-B").orElseThrow();
        assertThat(vlb.status()).isEqualTo(UnitStatus.SUBMITTED);
        assertThat(reports.find(campaign.id(), "VL-C").orElseThrow().status()).isEqualTo(UnitStatus.RETIRED);
        assertNoEngineStateOf(campaign, "VL-C", vlcProcess, "103-QĐ/TU");
        assertThat(historyOf(campaign, "VL-A").get("label"))
                .isEqualTo("Đảng ủy xã Vĩnh Thái (trước đây: Đảng ủy xã Vĩnh Tú; Đảng ủy xã Vĩnh Chấp)");
        assertThat(changeRows(campaign, "VL-C")).containsExactly("PARENT VL→null by bdv under 103-QĐ/TU",
                "RETIRED ∅→retired by bdv under 103-QĐ/TU",
                "SUCCESSOR ∅→VL-A by bdv under 103-QĐ/TU");
        assertThat(successors("VL-B")).containsExactly("VL-B→VL-A");

        // The successor's work continues; Vĩnh Linh waits for it alone and counts the merged commune's report.
        submitReport(campaign, "VL-A", draft(1));
        runJobs(campaign);
        ReportView district = reportService.view(campaign.id(), "VL");
        assertThat(reports.find(campaign.id(), "VL").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        assertThat(district.subordinateTotals()).containsEntry("partyMembers", 30L);
        assertThat(district.figures()).as("pre-filled from both reports").containsEntry("partyMembers", 30L);
        assertThat(district.subordinates()).extracting(ReportView.Subordinate::unitCode).containsExactly("VL-A", "VL-B");
    }

    @Test
    @Order(4)
    void theTransitionOfFirstJulyAbolishesEveryDistrictMidCampaignAndTheProvinceStillSignsItsReport() {
        Campaign campaign = start("TU");
        issueGuidance(campaign, "TU");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        complete(campaign, "VL-B", "DraftDocument", draft(2));
        submitReport(campaign, "CC", draft(5));
        runJobs(campaign);
        assertThat(reports.find(campaign.id(), "VL-B").orElseThrow().status()).isEqualTo(UnitStatus.IN_REVIEW);
        assertThat(reports.find(campaign.id(), "VL-C").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        String vlProcess = unitProcess(campaign, "VL").getId();
        Snapshot before = snapshot(campaign);
        Map<String, Long> totalBefore = subtreeTotal(campaign.id(), "TU");
        assertThat(totalBefore).containsEntry("partyMembers", 60L);
        moveClockTo("2030-07-01T00:00:00+07:00");

        // The other provinces' districts stay.
        List<String> others = versions.current().units().stream()
                .filter(unit -> !unit.retired() && unit.level().equals("DISTRICT") && !List.of("VL", "CC").contains(unit.code()))
                .map(TreeState.VersionedUnit::code).toList();
        String file = file("1234-QĐ/TU", "- abolishLevel: DISTRICT\n"
                + (others.isEmpty() ? "" : "  except: [" + String.join(", ", others) + "]\n"));
        CampaignReorganiser.Outcome planned = reorganisations.dryRun(file, List.of(campaign.id()), NO_CHOICES).campaigns().get(0);
        assertThat(planned.expectedRemoved()).extracting(CampaignReorganiser.UnitLine::unitCode).containsExactly("VL");
        assertThat(planned.openTasksMoved()).extracting(CampaignReorganiser.TaskLine::unitCode)
                .containsExactlyInAnyOrder("VL-B", "VL-C");
        assertThat(planned.reportsOfChangedUnits()).extracting(CampaignReorganiser.UnitLine::unitCode)
                .containsExactlyInAnyOrder("VL-A", "CC");
        assertThat(planned.figuresReattributed()).extracting(CampaignReorganiser.Reattribution::unitCode)
                .containsExactly("VL-A");
        assertThat(planned.reportsKept()).isEqualTo(2);

        reorganisations.apply(file, List.of(campaign.id()), NO_CHOICES, "bdv");

        assertThat(snapshot(campaign)).isEqualTo(before);
        assertThat(subtreeTotal(campaign.id(), "TU")).as("only the structure changed").isEqualTo(totalBefore);
        for (String commune : List.of("VL-A", "VL-B", "VL-C")) {
            assertThat(reports.find(campaign.id(), commune).orElseThrow().parentCode()).isEqualTo("TU");
            assertThat(changeRows(campaign, commune)).containsExactly("PARENT VL→TU by bdv under 1234-QĐ/TU");
        }
        assertThat(reports.find(campaign.id(), "VL").orElseThrow().status()).isEqualTo(UnitStatus.RETIRED);
        assertThat(reports.progress(campaign.id()).units()).as("Vĩnh Linh no longer owes a report; Cồn Cỏ gave its")
                .isEqualTo(5);
        assertThat(reports.find(campaign.id(), "CC").orElseThrow().status()).as("its report stays").isEqualTo(UnitStatus.SUBMITTED);
        assertNoEngineStateOf(campaign, "VL", vlProcess, "1234-QĐ/TU");
        assertThat(readers(task(campaign, "VL-B", "ReviewDraft"))).contains("btc-tu").doesNotContain("VL.reviewers");
        assertThat(readers(task(campaign, "VL-C", "DraftDocument"))).contains("btc-tu").doesNotContain("VL.reviewers");
        assertThat(jdbc.queryForList("select detail as \"DETAIL\" from audit_entry where action = 'REORGANISATION_APPLIED'"))
                .anySatisfy(row -> assertThat(row.get("DETAIL").toString()).contains("1234-QĐ/TU")
                        .contains(String.valueOf(campaign.id())));
        assertThatThrownBy(() -> reorganisations.apply(file(
                "1235-QĐ/TU", "- rename: TU\n  name: Tỉnh ủy mới\n"), List.of(campaign.id() + 1000), NO_CHOICES, "bdv"))
                .as("an unknown campaign").isInstanceOf(RuntimeException.class);

        // The campaign completes to the province's signed report, every report counted once.
        approve(campaign, "VL-B", "ReviewDraft");
        approve(campaign, "VL-B", "SignDocument");
        submitReport(campaign, "VL-C", draft(3));
        runJobs(campaign);
        ReportView province = reportService.view(campaign.id(), "TU");
        assertThat(province.subordinateTotals()).containsEntry("partyMembers", 110L);
        assertThat(province.figures()).containsEntry("partyMembers", 110L);
        submitReport(campaign, "TU", sections());
        runJobs(campaign);
        UnitReport signed = reports.find(campaign.id(), "TU").orElseThrow();
        assertThat(signed.status()).isEqualTo(UnitStatus.SUBMITTED);
        assertThat(signed.documentNumber()).matches("\\d+-BC/TU");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(campaign.id() + "/%")
                .list()).extracting(instance -> instance.getBusinessKey())
                .as("only the digest and the mail bursts wait for their next slot, where they see the campaign finished")
                .containsOnly(campaign.id() + "/digest", campaign.id() + "/bursts");
        assertThat(snapshot(campaign).documents()).as("every document issued before is still there, unchanged")
                .containsAllEntriesOf(before.documents());

        // A plan started after the decision runs on the tree it made: the communes directly under the province.
        ClockUtil.reset();
        Campaign next = start("TU");
        assertThat(reports.find(next.id(), "VL")).as("an abolished district owes nothing in a new campaign").isEmpty();
        assertThat(reports.find(next.id(), "CC")).isEmpty();
        for (String commune : List.of("VL-A", "VL-B", "VL-C")) {
            assertThat(reports.find(next.id(), commune).orElseThrow().parentCode()).isEqualTo("TU");
        }
    }

    @Test
    @Order(5)
    void aSplitInARunningCampaignWithoutTheOperatorsChoiceIsRefusedWholeAndNothingChanges() {
        Campaign campaign = start("VL");
        int versions = reorganisations("select count(*) from reorganisation");
        String file = file("1236-QĐ/TU", """
                - rename: TU
                  name: Tỉnh ủy thử nghiệm mới
                - split: VL-A
                  parts: [{code: VL-A1, name: Đảng ủy xã Vĩnh Thái 1}, {code: VL-A2, name: Đảng ủy xã Vĩnh Thái 2}]
                """);
        assertThatThrownBy(() -> reorganisations.apply(file, List.of(campaign.id()), NO_CHOICES, "bdv"))
                .isInstanceOf(CampaignConflictException.class).hasMessageContaining("Thay đổi 2: chia tách")
                .as("names the parameter that makes the choice").hasMessageContaining("split=VL-A:afresh");
        assertThat(reorganisations("select count(*) from reorganisation")).isEqualTo(versions);
        assertThat(reports.find(campaign.id(), "VL-A").orElseThrow().unitName()).isEqualTo("Đảng ủy xã Vĩnh Thái");
    }
}
