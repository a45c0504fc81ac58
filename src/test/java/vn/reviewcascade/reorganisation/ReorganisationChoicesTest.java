package vn.reviewcascade.reorganisation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.reviewcascade.EngineLogin;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignConflictException;
import vn.reviewcascade.campaign.ReviewKey;
import vn.reviewcascade.notification.MailKind;
import vn.reviewcascade.notification.MailOutbox;
import vn.reviewcascade.notification.OutboxEntry;
import vn.reviewcascade.report.ReportView;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operator's choices when a reorganisation meets running campaigns, and reorganisations that meet each other: a
 * chain of two in one campaign, a merge of two districts while their province consolidates, a split with each choice,
 * a merged unit's deadline kept or recomputed. Each test has a province of its own in the test tree (RA … RD), so the
 * tree's versions they make never meet, whatever order the tests run in.
 */
@RecordApplicationEvents
class ReorganisationChoicesTest extends ReorganisationTestSupport {

    /** The reviewers' filter of a unit's units below, by the unit's name (security.TasklistFilters). */
    private static final String SUBORDINATES = "Đơn vị cấp dưới – ";

    @Autowired FilterService filters;
    @Autowired MailOutbox outbox;
    @Autowired ApplicationEvents events;

    @Test
    void aChainOfTwoReorganisationsInOneCampaignLosesNoReportAndTheCampaignCompletes() {
        Campaign campaign = start("RB");
        issueGuidance(campaign, "RB");
        issueGuidance(campaign, "RB-CL");
        issueGuidance(campaign, "RB-NX");
        submitReport(campaign, "RB-CL-1", draft(1));
        complete(campaign, "RB-CL-2", "DraftDocument", draft(2));
        // Nghi Xuân's one commune has not reported yet, so the district still waits when the decisions come.
        complete(campaign, "RB-NX-1", "DraftDocument", draft(4));
        runJobs(campaign);
        String cl2Process = unitProcess(campaign, "RB-CL-2").getId();
        String clProcess = unitProcess(campaign, "RB-CL").getId();
        Snapshot before = snapshot(campaign);
        Map<String, Long> totalBefore = subtreeTotal(campaign.id(), "RB");
        assertThat(totalBefore).containsEntry("partyMembers", 10L);
        moveClockTo("2030-07-01T08:00:00+07:00");

        // First: two communes merged into a new one.
        reorganisations.apply(file("201-QĐ/TU", """
                - merge: [RB-CL-1, RB-CL-2]
                  into: RB-CL-M
                  name: Đảng ủy xã Thiên Vượng
                """), List.of(campaign.id()), NO_CHOICES, "bdv");
        runJobs(campaign);
        assertThat(subtreeTotal(campaign.id(), "RB")).isEqualTo(totalBefore);
        assertNoEngineStateOf(campaign, "RB-CL-2", cl2Process, "201-QĐ/TU");
        assertThat(reports.find(campaign.id(), "RB-CL-M").orElseThrow().parentCode()).isEqualTo("RB-CL");

        // Then the district, with the new commune and the report merged into it, into the other district.
        moveClockTo("2030-08-01T08:00:00+07:00");
        String second = file("202-QĐ/TU", """
                - merge: [RB-CL]
                  into: RB-NX
                """);
        CampaignReorganiser.Outcome planned = reorganisations.dryRun(second, List.of(campaign.id()), NO_CHOICES)
                .campaigns().get(0);
        assertThat(planned.figuresReattributed()).as("the commune merged by the first decision brings its report along")
                .extracting(CampaignReorganiser.Reattribution::unitCode).containsExactly("RB-CL-1");
        reorganisations.apply(second, List.of(campaign.id()), NO_CHOICES, "bdv");
        runJobs(campaign);

        assertKept(before, snapshot(campaign));
        assertThat(subtreeTotal(campaign.id(), "RB")).as("only the structure changed, twice").isEqualTo(totalBefore);
        assertNoEngineStateOf(campaign, "RB-CL", clProcess, "202-QĐ/TU");
        assertNoOrphanedEngineState(campaign);
        assertThat(changeRows(campaign, "RB-CL-1")).containsExactly("RETIRED ∅→retired by bdv under 201-QĐ/TU",
                "SUCCESSOR ∅→RB-CL-M by bdv under 201-QĐ/TU", "PARENT RB-CL→RB-NX by bdv under 202-QĐ/TU");
        assertThat(historyOf(campaign, "RB-CL-M").get("label"))
                .isEqualTo("Đảng ủy xã Thiên Vượng (trước đây: Đảng ủy xã Thiên Lộc; Đảng ủy xã Vượng Lộc)");
        assertThat(historyOf(campaign, "RB-NX").get("label")).isEqualTo("Huyện ủy Nghi Xuân (trước đây: Huyện ủy Can Lộc)");
        assertThat(successors("RB-CL-M")).containsExactly("RB-CL-1→RB-CL-M", "RB-CL-2→RB-CL-M");
        assertAudited("201-QĐ/TU", campaign);
        assertAudited("202-QĐ/TU", campaign);

        // Nghi Xuân waits for exactly its units now and counts every report once; the province signs.
        submitReport(campaign, "RB-CL-M", draft(2));
        runJobs(campaign);
        assertThat(reports.find(campaign.id(), "RB-NX").orElseThrow().status()).isEqualTo(UnitStatus.WAITING_FOR_SUBORDINATES);
        submitReport(campaign, "RB-CL-3", draft(3));
        approve(campaign, "RB-NX-1", "ReviewDraft");
        approve(campaign, "RB-NX-1", "SignDocument");
        runJobs(campaign);
        ReportView district = reportService.view(campaign.id(), "RB-NX");
        assertThat(district.subordinates()).extracting(ReportView.Subordinate::unitCode)
                .containsExactlyInAnyOrder("RB-CL-1", "RB-CL-3", "RB-CL-M", "RB-NX-1");
        assertThat(district.subordinateTotals()).containsEntry("partyMembers", 100L);
        submitReport(campaign, "RB-NX", sections());
        runJobs(campaign);
        assertThat(reportService.view(campaign.id(), "RB").subordinateTotals()).containsEntry("partyMembers", 100L);
        submitReport(campaign, "RB", sections());
        runJobs(campaign);
        assertThat(reports.find(campaign.id(), "RB").orElseThrow().status()).isEqualTo(UnitStatus.SUBMITTED);
        Snapshot done = snapshot(campaign);
        assertThat(done.documents()).as("every document issued before, unchanged").containsAllEntriesOf(before.documents());
        assertThat(done.figures()).as("every figure given before").containsAll(before.figures());

        // A plan started after both decisions runs on the tree they made; the new commune has groups of its own.
        ClockUtil.reset();
        Campaign next = start("RB");
        assertThat(reports.find(next.id(), "RB-CL")).isEmpty();
        assertThat(reports.find(next.id(), "RB-CL-1")).isEmpty();
        assertThat(reports.find(next.id(), "RB-CL-M").orElseThrow().parentCode()).isEqualTo("RB-NX");
        assertThat(reports.find(next.id(), "RB-CL-M").orElseThrow().unitName()).isEqualTo("Đảng ủy xã Thiên Vượng");
        assertThat(reports.find(next.id(), "RB-CL-3").orElseThrow().parentCode()).isEqualTo("RB-NX");
        for (String role : List.of("drafters", "reviewers", "signers", "clerks")) {
            assertThat(identityService.createGroupQuery().groupId("RB-CL-M." + role).singleResult().getName())
                    .endsWith("– Đảng ủy xã Thiên Vượng");
        }
    }

    @Test
    void aNewDistrictWhoseCommunesHaveAllReportedConsolidatesAtOnceRatherThanAtItsDeadline() {
        Campaign campaign = start("RA");
        issueGuidance(campaign, "RA");
        issueGuidance(campaign, "RA-LT");
        issueGuidance(campaign, "RA-QN");
        submitReport(campaign, "RA-LT-1", draft(1));
        submitReport(campaign, "RA-LT-2", draft(2));
        submitReport(campaign, "RA-QN-1", draft(4));
        submitReport(campaign, "RA-QN-2", draft(5));
        runJobs(campaign);
        assertThat(reports.find(campaign.id(), "RA-QN").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        moveClockTo("2030-07-01T08:00:00+07:00");

        reorganisations.apply(file("212-QĐ/TU", """
                - merge: [RA-LT, RA-QN]
                  into: RA-LN
                  name: Huyện ủy Lệ Ninh
                """), List.of(campaign.id()), NO_CHOICES, "bdv");
        runJobs(campaign);
        issueGuidance(campaign, "RA-LN");
        runJobs(campaign);

        assertThat(reports.find(campaign.id(), "RA-LN").orElseThrow().status())
                .as("every commune it took over had reported: it writes its report now, not after its deadline for them")
                .isEqualTo(UnitStatus.DRAFTING);
        assertThat(reportService.view(campaign.id(), "RA-LN").subordinateTotals()).containsEntry("partyMembers", 120L);
        assertNoOrphanedEngineState(campaign);
    }

    @Test
    void twoDistrictsMergedWhileTheirProvinceWaitsOrConsolidatesAreWaitedForAsOneOrAddedLate() {
        // The province still waits in the first campaign; in the second its deadline for the districts has passed.
        Campaign waiting = start("RA");
        Campaign consolidating = start("RA", Map.of(
                "BASE", Map.of("report", "2030-06-01"),
                "DISTRICT", Map.of("subordinates", "2030-06-01", "report", "2030-06-10"),
                "PROVINCE", Map.of("subordinates", "2030-06-15")));
        for (Campaign campaign : List.of(waiting, consolidating)) {
            issueGuidance(campaign, "RA");
            for (String district : List.of("RA-LT", "RA-QN", "RA-BT")) {
                issueGuidance(campaign, district);
            }
            submitReport(campaign, "RA-LT-1", draft(1));
            submitReport(campaign, "RA-LT-2", draft(2));
            runJobs(campaign);
            submitReport(campaign, "RA-LT", sections());
            submitReport(campaign, "RA-BT-1", draft(3));
            runJobs(campaign);
            submitReport(campaign, "RA-BT", sections());
            submitReport(campaign, "RA-QN-1", draft(4));
            complete(campaign, "RA-QN-2", "DraftDocument", draft(5));
            runJobs(campaign);
        }
        moveClockTo("2030-06-20T08:00:00+07:00");
        runJobs(waiting);
        runJobs(consolidating);
        assertThat(reports.find(waiting.id(), "RA").orElseThrow().status()).isEqualTo(UnitStatus.WAITING_FOR_SUBORDINATES);
        assertThat(reports.find(consolidating.id(), "RA").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        assertThat(reports.find(consolidating.id(), "RA-QN").orElseThrow().status()).as("past its own deadline for its communes")
                .isEqualTo(UnitStatus.DRAFTING);
        Map<Long, Snapshot> before = Map.of(waiting.id(), snapshot(waiting), consolidating.id(), snapshot(consolidating));
        Map<Long, Map<String, Long>> totals = Map.of(waiting.id(), subtreeTotal(waiting.id(), "RA"),
                consolidating.id(), subtreeTotal(consolidating.id(), "RA"));
        Map<Long, String> qnProcesses = Map.of(waiting.id(), unitProcess(waiting, "RA-QN").getId(),
                consolidating.id(), unitProcess(consolidating, "RA-QN").getId());

        String file = file("211-QĐ/TU", """
                - merge: [RA-LT, RA-QN]
                  into: RA-LN
                  name: Huyện ủy Lệ Ninh
                """);
        ReorganisationService.Result dryRun = reorganisations.dryRun(file, List.of(waiting.id(), consolidating.id()),
                NO_CHOICES);
        assertThat(dryRun.choices().deadline()).isEqualTo(ReorganisationChoices.Deadline.KEEP);
        for (CampaignReorganiser.Outcome outcome : dryRun.campaigns()) {
            assertThat(outcome.problems()).isEmpty();
            assertThat(outcome.expectedAdded()).extracting(CampaignReorganiser.UnitLine::unitCode).containsExactly("RA-LN");
            assertThat(outcome.expectedRemoved()).extracting(CampaignReorganiser.UnitLine::unitCode).containsExactly("RA-QN");
            assertThat(outcome.reportsOfChangedUnits()).extracting(CampaignReorganiser.UnitLine::unitCode)
                    .containsExactlyInAnyOrder("RA-LT", "RA-QN-1");
            assertThat(outcome.deadlinesAffected()).singleElement().satisfies(line -> {
                assertThat(line.unitCode()).isEqualTo("RA-LN");
                assertThat(line.deadline()).contains("giữ nguyên (deadline=keep)");
                assertThat(line.after()).isEqualTo(line.before());
            });
        }
        reorganisations.apply(file, List.of(waiting.id(), consolidating.id()), NO_CHOICES, "bdv");

        for (Campaign campaign : List.of(waiting, consolidating)) {
            runJobs(campaign);
            assertKept(before.get(campaign.id()), snapshot(campaign));
            assertThat(subtreeTotal(campaign.id(), "RA")).as("only the structure changed").isEqualTo(totals.get(campaign.id()));
            assertNoEngineStateOf(campaign, "RA-QN", qnProcesses.get(campaign.id()), "211-QĐ/TU");
            assertNoOrphanedEngineState(campaign);
            assertThat(changeRows(campaign, "RA-QN")).containsExactly("PARENT RA→null by bdv under 211-QĐ/TU",
                    "RETIRED ∅→retired by bdv under 211-QĐ/TU", "SUCCESSOR ∅→RA-LN by bdv under 211-QĐ/TU");
            assertThat(changeRows(campaign, "RA-LT")).as("its report still counts under the province")
                    .containsExactly("RETIRED ∅→retired by bdv under 211-QĐ/TU", "SUCCESSOR ∅→RA-LN by bdv under 211-QĐ/TU");
            assertThat(historyOf(campaign, "RA-LN").get("label"))
                    .isEqualTo("Huyện ủy Lệ Ninh (trước đây: Huyện ủy Lệ Thủy; Huyện ủy Quảng Ninh)");
            assertAudited("211-QĐ/TU", campaign);
            // The new district got the province's guidance at once and issues its own to the communes it took over.
            issueGuidance(campaign, "RA-LN");
        }

        // A day later: reports from now on arrive after the second province consolidated.
        moveClockTo("2030-06-21T08:00:00+07:00");

        // Waiting: the province waits for exactly Lệ Ninh and Bố Trạch (which reported), and Lệ Ninh for its communes.
        approve(waiting, "RA-QN-2", "ReviewDraft");
        approve(waiting, "RA-QN-2", "SignDocument");
        runJobs(waiting);
        assertThat(reports.find(waiting.id(), "RA-LN").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        assertThat(reports.find(waiting.id(), "RA").orElseThrow().status()).isEqualTo(UnitStatus.WAITING_FOR_SUBORDINATES);
        submitReport(waiting, "RA-LN", sections());
        runJobs(waiting);
        ReportView province = reportService.view(waiting.id(), "RA");
        assertThat(reports.find(waiting.id(), "RA").orElseThrow().status()).as("told when its last unit reported")
                .isEqualTo(UnitStatus.DRAFTING);
        assertThat(province.subordinates()).extracting(ReportView.Subordinate::unitCode)
                .containsExactlyInAnyOrder("RA-LT", "RA-BT", "RA-LN");
        assertThat(province.subordinates()).noneMatch(ReportView.Subordinate::lateAddition);
        assertThat(province.subordinateTotals()).containsEntry("partyMembers", 150L);

        // Consolidating: Lệ Ninh is past its level's deadline for its communes, consolidates what it has, and its
        // report reaches the province as a late addition, counted all the same.
        runJobs(consolidating);
        assertThat(reports.find(consolidating.id(), "RA-LN").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
        submitReport(consolidating, "RA-LN", sections());
        runJobs(consolidating);
        ReportView late = reportService.view(consolidating.id(), "RA");
        assertThat(late.subordinates()).filteredOn(ReportView.Subordinate::lateAddition)
                .extracting(ReportView.Subordinate::unitCode).containsExactly("RA-LN");
        assertThat(late.subordinateTotals()).containsEntry("partyMembers", 100L);
        assertThat(late.figures()).as("its own figures were pre-filled before the late addition").containsEntry("partyMembers", 60L);
    }

    @Test
    void aSplitInARunningCampaignTakesTheOperatorsChoiceForEachUnitAndRefusesWithoutIt() {
        Campaign campaign = start("RC");
        issueGuidance(campaign, "RC");
        issueGuidance(campaign, "RC-TK");
        submitReport(campaign, "RC-TK-1", draft(1));
        complete(campaign, "RC-TK-2", "DraftDocument", draft(2));
        submitReport(campaign, "RC-TK-3", draft(3));
        complete(campaign, "RC-TK-4", "DraftDocument", draft(4));
        runJobs(campaign);
        String tk2Process = unitProcess(campaign, "RC-TK-2").getId();
        String tk4Process = unitProcess(campaign, "RC-TK-4").getId();
        Snapshot before = snapshot(campaign);
        Map<String, Long> totalBefore = subtreeTotal(campaign.id(), "RC");
        assertThat(totalBefore).containsEntry("partyMembers", 40L);
        moveClockTo("2030-07-01T08:00:00+07:00");
        String file = file("221-QĐ/TU", """
                - split: RC-TK-1
                  parts: [{code: RC-TK-1A, name: Đảng ủy phường An Mỹ Bắc}, {code: RC-TK-1B, name: Đảng ủy phường An Mỹ Nam}]
                - split: RC-TK-2
                  parts: [{code: RC-TK-2A, name: Đảng ủy phường An Xuân Bắc}, {code: RC-TK-2B, name: Đảng ủy phường An Xuân Nam}]
                - split: RC-TK-3
                  parts: [{code: RC-TK-3A, name: Đảng ủy phường An Sơn Bắc}, {code: RC-TK-3B, name: Đảng ủy phường An Sơn Nam}]
                - split: RC-TK-4
                  parts: [{code: RC-TK-4A, name: Đảng ủy phường Hòa Hương Bắc}, {code: RC-TK-4B, name: Đảng ủy phường Hòa Hương Nam}]
                """);
        int versions = reorganisations("select count(*) from reorganisation");

        // Without a choice: the dry run says which is needed, and by which parameter; applying refuses, storing nothing.
        Map<String, Object> unchosen = onlyCampaign(postFile(file, "?dryRun=true&campaign=" + campaign.id()).getBody());
        assertThat(unchosen.get("choicesNeeded")).asList().hasSize(4).first().satisfies(needed -> {
            assertThat(((Map<?, ?>) needed).get("parameter")).isEqualTo("split");
            assertThat(((Map<?, ?>) needed).get("values")).asList()
                    .containsExactly("RC-TK-1:RC-TK-1A", "RC-TK-1:RC-TK-1B", "RC-TK-1:afresh");
        });
        ResponseEntity<String> refused = http.withBasicAuth("admin", ADMIN_PASSWORD).exchange(
                "/api/reorganisations?campaign=" + campaign.id(), HttpMethod.POST, yaml(file), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).contains("split=RC-TK-1:afresh").contains("chia tách");
        ResponseEntity<String> wrong = http.withBasicAuth("admin", ADMIN_PASSWORD).exchange(
                "/api/reorganisations?dryRun=true&split=RC-TK-1:RC-TK-2A&deadline=later&campaign=" + campaign.id(),
                HttpMethod.POST, yaml(file), String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody()).contains("split").contains("không phải đơn vị sau chia tách của 'RC-TK-1'")
                .contains("deadline='later'");
        assertThat(reorganisations("select count(*) from reorganisation")).isEqualTo(versions);
        assertThat(reports.find(campaign.id(), "RC-TK-1").orElseThrow().status()).isEqualTo(UnitStatus.SUBMITTED);

        // The choices: 1 (reported) and 4 (in review) to one successor; 2 (drafting) and 3 (reported) afresh.
        String choices = "&split=RC-TK-1:RC-TK-1A&split=RC-TK-2:afresh&split=RC-TK-3:afresh&split=RC-TK-4:RC-TK-4B";
        Map<String, Object> chosen = onlyCampaign(postFile(file, "?dryRun=true&campaign=" + campaign.id() + choices).getBody());
        assertThat(chosen.get("problems")).asList().isEmpty();
        assertThat(units(chosen.get("expectedAdded")))
                .containsExactlyInAnyOrder("RC-TK-2A", "RC-TK-2B", "RC-TK-3A", "RC-TK-3B", "RC-TK-4B");
        assertThat(units(chosen.get("expectedRemoved"))).containsExactlyInAnyOrder("RC-TK-2", "RC-TK-4");
        assertThat(units(chosen.get("figuresReattributed"))).as("the report kept as history").containsExactly("RC-TK-3");
        ResponseEntity<Map<String, Object>> applied = postFile(file, "?campaign=" + campaign.id() + choices);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        runJobs(campaign);

        assertKept(before, snapshot(campaign));
        Map<String, Long> totalAfter = subtreeTotal(campaign.id(), "RC");
        assertThat(totalAfter).as("An Mỹ's report counts for An Mỹ Bắc; An Sơn's is history until its successors report")
                .containsEntry("partyMembers", 10L);
        assertThat(reports.find(campaign.id(), "RC-TK-1").orElseThrow().parentCode()).isEqualTo("RC-TK");
        assertThat(changeRows(campaign, "RC-TK-1")).containsExactly("RETIRED ∅→retired by admin under 221-QĐ/TU",
                "SUCCESSOR ∅→RC-TK-1A by admin under 221-QĐ/TU");
        assertThat(reports.find(campaign.id(), "RC-TK-1A")).as("it owes no other report in this campaign").isEmpty();
        assertThat(reports.find(campaign.id(), "RC-TK-4A")).isEmpty();
        assertThat(changeRows(campaign, "RC-TK-3")).containsExactly("PARENT RC-TK→null by admin under 221-QĐ/TU",
                "RETIRED ∅→retired by admin under 221-QĐ/TU");
        assertThat(reports.find(campaign.id(), "RC-TK-3").orElseThrow().status()).as("history, still readable")
                .isEqualTo(UnitStatus.SUBMITTED);
        assertNoEngineStateOf(campaign, "RC-TK-2", tk2Process, "221-QĐ/TU");
        assertNoEngineStateOf(campaign, "RC-TK-4", tk4Process, "221-QĐ/TU");
        assertNoOrphanedEngineState(campaign);
        assertThat(historyOf(campaign, "RC-TK-4B").get("label"))
                .isEqualTo("Đảng ủy phường Hòa Hương Nam (trước đây: Đảng ủy phường Hòa Hương)");
        assertThat(successors("RC-TK-1")).containsExactly("RC-TK-1→RC-TK-1A", "RC-TK-1→RC-TK-1B");
        assertThat(jdbc.queryForList("select detail as \"DETAIL\" from audit_entry where action = 'REORGANISATION_APPLIED'"))
                .anySatisfy(row -> assertThat(row.get("DETAIL").toString()).contains("221-QĐ/TU")
                        .contains("chia tách RC-TK-1: giao báo cáo, số liệu cho RC-TK-1A")
                        .contains("chia tách RC-TK-2: từng đơn vị báo cáo lại"));

        // The successors that report afresh have the district's guidance at once; the district waits for them.
        for (String part : List.of("RC-TK-2A", "RC-TK-2B", "RC-TK-3A", "RC-TK-3B", "RC-TK-4B")) {
            assertThat(reports.find(campaign.id(), part).orElseThrow().status()).as(part).isEqualTo(UnitStatus.DRAFTING);
            submitReport(campaign, part, draft(1));
        }
        submitReport(campaign, "RC-TK-5", draft(1));
        runJobs(campaign);
        ReportView district = reportService.view(campaign.id(), "RC-TK");
        assertThat(district.subordinates()).extracting(ReportView.Subordinate::unitCode).containsExactlyInAnyOrder(
                "RC-TK-1", "RC-TK-2A", "RC-TK-2B", "RC-TK-3A", "RC-TK-3B", "RC-TK-4B", "RC-TK-5");
        assertThat(district.subordinateTotals()).containsEntry("partyMembers", 70L);
        assertThat(reports.find(campaign.id(), "RC-TK").orElseThrow().status()).isEqualTo(UnitStatus.DRAFTING);
    }

    @Test
    void aMergedUnitsSuccessorKeepsItsDeadlineOrHasItRecomputedFromThePlanAsTheOperatorChooses() {
        Campaign kept = start("RD");
        Campaign recomputed = start("RD");
        for (Campaign campaign : List.of(kept, recomputed)) {
            issueGuidance(campaign, "RD");
            issueGuidance(campaign, "RD-DP");
            submitReport(campaign, "RD-DP-1", draft(1));
            submitReport(campaign, "RD-DP-3", draft(3));
            runJobs(campaign);
        }
        Instant levelDue = OffsetDateTime.parse("2030-09-30T23:59:59+07:00").toInstant();
        assertThat(reports.find(kept.id(), "RD-DP-2").orElseThrow().reportDue()).isEqualTo(levelDue);
        Map<Long, Snapshot> before = Map.of(kept.id(), snapshot(kept), recomputed.id(), snapshot(recomputed));
        Map<Long, Map<String, Long>> totals = Map.of(kept.id(), subtreeTotal(kept.id(), "RD"),
                recomputed.id(), subtreeTotal(recomputed.id(), "RD"));
        moveClockTo("2030-07-01T08:00:00+07:00");

        reorganisations.apply(file("231-QĐ/TU", """
                - merge: [RD-DP-1]
                  into: RD-DP-2
                """), List.of(kept.id()), new ReorganisationChoices.Parameters("keep", null), "bdv");
        String recompute = file("232-QĐ/TU", """
                - merge: [RD-DP-3]
                  into: RD-DP-4
                """);
        // The base level has from the district's guidance (30/3) to its report (30/9) in the plan: 184 days.
        Instant newDue = OffsetDateTime.parse("2031-01-01T23:59:59+07:00").toInstant();
        CampaignReorganiser.Outcome planned = reorganisations.dryRun(recompute, List.of(recomputed.id()),
                new ReorganisationChoices.Parameters("recompute", null)).campaigns().get(0);
        assertThat(planned.deadlinesAffected()).singleElement().satisfies(line -> {
            assertThat(line.unitCode()).isEqualTo("RD-DP-4");
            assertThat(line.deadline()).contains("deadline=recompute");
            assertThat(line.before()).isEqualTo(levelDue);
            assertThat(line.after()).isEqualTo(newDue);
        });
        reorganisations.apply(recompute, List.of(recomputed.id()), new ReorganisationChoices.Parameters("recompute", null),
                "bdv");

        // Kept: the level's deadline, its timer and its task's due date as they were.
        assertThat(reports.find(kept.id(), "RD-DP-2").orElseThrow().reportDue()).isEqualTo(levelDue);
        assertThat(changeRows(kept, "RD-DP-2")).isEmpty();
        assertThat(deadlineTimer(kept, "RD-DP-2").getDuedate().toInstant()).isEqualTo(levelDue);
        assertThat(task(kept, "RD-DP-2", "DraftDocument").getDueDate().toInstant()).isEqualTo(levelDue);
        // Recomputed: the unit's own deadline, recorded with the one before, reaching its timer and its task.
        assertThat(reports.find(recomputed.id(), "RD-DP-4").orElseThrow().reportDue()).isEqualTo(newDue);
        assertThat(changeRows(recomputed, "RD-DP-4")).containsExactly(
                "REPORT_DUE " + levelDue + "→" + newDue + " by bdv under 232-QĐ/TU");
        assertThat(deadlineTimer(recomputed, "RD-DP-4").getDuedate().toInstant()).isEqualTo(newDue);
        assertThat(task(recomputed, "RD-DP-4", "DraftDocument").getDueDate().toInstant()).isEqualTo(newDue);
        assertThat(reports.find(recomputed.id(), "RD-DP-2").orElseThrow().reportDue()).as("other units keep their level's")
                .isEqualTo(levelDue);
        for (Campaign campaign : List.of(kept, recomputed)) {
            assertKept(before.get(campaign.id()), snapshot(campaign));
            assertThat(subtreeTotal(campaign.id(), "RD")).isEqualTo(totals.get(campaign.id()));
            assertNoOrphanedEngineState(campaign);
        }
        assertAudited("232-QĐ/TU", recomputed);
        assertThat(jdbc.queryForList("select detail as \"DETAIL\" from audit_entry where action = 'REORGANISATION_APPLIED'"))
                .anySatisfy(row -> assertThat(row.get("DETAIL").toString()).contains("232-QĐ/TU")
                        .contains(ReorganisationChoices.Deadline.RECOMPUTE.label()));

        assertThat(events.stream(ReportDeadlinesMoved.class)).as("the campaign's mail bursts are told")
                .containsExactly(new ReportDeadlinesMoved(recomputed.id()));

        // At the level's deadline the kept successor is overdue; the recomputed one is not, until its own. The mails
        // follow: escalated at the level's deadline without it, reminded before its own and escalated at it.
        String successor = reports.find(recomputed.id(), "RD-DP-4").orElseThrow().unitName();
        String other = reports.find(recomputed.id(), "RD-DP-2").orElseThrow().unitName();
        moveClockTo("2030-10-01T08:00:00+07:00");
        runJobs(kept);
        runJobs(recomputed);
        assertThat(reports.find(kept.id(), "RD-DP-2").orElseThrow().overdue()).isTrue();
        assertThat(reports.find(recomputed.id(), "RD-DP-4").orElseThrow().overdue()).isFalse();
        assertThat(reports.find(recomputed.id(), "RD-DP-2").orElseThrow().overdue()).isTrue();
        assertThat(mailTexts(recomputed, MailKind.ESCALATION)).anyMatch(text -> text.contains(other))
                .noneMatch(text -> text.contains(successor));
        moveClockTo("2030-12-26T08:00:00+07:00");
        runJobs(recomputed);
        assertThat(mailTexts(recomputed, MailKind.REMINDER)).as("7 days before its own deadline")
                .anyMatch(text -> text.contains(successor) && text.contains("23:59 ngày 01/01/2031"));
        moveClockTo("2031-01-02T08:00:00+07:00");
        runJobs(recomputed);
        assertThat(reports.find(recomputed.id(), "RD-DP-4").orElseThrow().overdue()).isTrue();
        assertThat(mailTexts(recomputed, MailKind.ESCALATION)).as("escalated at its own deadline")
                .anyMatch(text -> text.contains(successor) && text.contains("trước 23:59 ngày 01/01/2031"));
    }

    private List<String> mailTexts(Campaign campaign, MailKind kind) {
        return outbox.findByCampaign(campaign.id()).stream().filter(entry -> entry.kind() == kind)
                .map(OutboxEntry::bodyText).toList();
    }

    @Test
    void theReviewersFilterOfUnitsBelowFollowsAMove() {
        // Bố Trạch is left alone by the merge in this province.
        Campaign campaign = start("RA");
        issueGuidance(campaign, "RA");
        issueGuidance(campaign, "RA-BT");
        Task draft = task(campaign, "RA-BT-1", "DraftDocument");
        String filterName = SUBORDINATES + "Huyện ủy Bố Trạch";
        assertThat(filterTasks(filterName, "RA-BT.reviewers", campaign)).contains(draft.getId());
        moveClockTo("2030-07-01T08:00:00+07:00");
        reorganisations.apply(file("241-QĐ/TU", """
                - newUnit: RA-MH
                  name: Huyện ủy Minh Hóa
                  level: DISTRICT
                  parent: RA
                  symbol: HU
                - move: RA-BT-1
                  parent: RA-MH
                """), List.of(campaign.id()), NO_CHOICES, "bdv");
        assertThat(filterTasks(SUBORDINATES + "Huyện ủy Minh Hóa", "RA-MH.reviewers", campaign))
                .as("the new parent's reviewers have a filter of their units").contains(draft.getId());
        assertThat(filters.createFilterQuery().filterName(SUBORDINATES + "Huyện ủy Minh Hóa").singleResult().getProperties()
                .get("reviewCascadeGroups")).as("the filter covers the unit moved in").asString().contains("RA-BT-1.drafters");
        assertThat(filterTasks(filterName, "RA-BT.reviewers", campaign))
                .as("the old parent's reviewers no longer see the moved unit's task").doesNotContain(draft.getId());
    }

    // --- what these tests look at -------------------------------------------------------------------------------

    /** The filter's tasks of the campaign, as a member of the group sees them. */
    private List<String> filterTasks(String name, String group, Campaign campaign) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        assertThat(filter).as(name).isNotNull();
        EngineLogin.as(identityService, "f." + group, List.of(group));
        try {
            List<Task> tasks = filters.listPage(filter.getId(), 0, 100);
            identityService.clearAuthentication();
            return tasks.stream().filter(task -> ReviewKey.parse(runtimeService.createProcessInstanceQuery()
                            .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()).campaignId()
                    == campaign.id()).map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Job deadlineTimer(Campaign campaign, String unitCode) {
        return managementService.createJobQuery().processInstanceId(unitProcess(campaign, unitCode).getId())
                .activityId(CampaignReorganiser.REPORT_DEADLINE_PASSED).timers().singleResult();
    }

    /**
     * No process, task, job or subscription of the campaign belongs to a unit that no longer owes a report: every
     * running instance is of an active unit (or the campaign's digest or mail bursts), every task and job of a running
     * instance.
     */
    private void assertNoOrphanedEngineState(Campaign campaign) {
        List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(campaign.id() + "/%").list();
        for (ProcessInstance instance : running) {
            String key = instance.getBusinessKey();
            if (key.endsWith("/digest") || key.endsWith("/bursts")) {
                continue;
            }
            String unit = ReviewKey.parse(key).unitCode();
            assertThat(jdbc.queryForObject("select count(*) from campaign_unit where campaign_id = ? and unit_code = ? and retired_at is null",
                    Integer.class, campaign.id(), unit)).as("a running process of an active unit: " + key).isOne();
        }
        List<String> ids = running.stream().map(ProcessInstance::getId).toList();
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKeyLike(campaign.id() + "/%").list()) {
            assertThat(ids).contains(task.getProcessInstanceId());
        }
        assertThat(runtimeService.createIncidentQuery().list()).filteredOn(incident -> ids.contains(incident.getProcessInstanceId()))
                .isEmpty();
    }

    private void assertAudited(String decision, Campaign campaign) {
        assertThat(jdbc.queryForList("select actor as \"ACTOR\", detail as \"DETAIL\" from audit_entry where action = 'REORGANISATION_APPLIED'"))
                .anySatisfy(row -> {
                    assertThat(row.get("ACTOR")).isEqualTo("bdv");
                    assertThat(row.get("DETAIL").toString()).contains(decision).contains(String.valueOf(campaign.id()));
                });
    }

    @SuppressWarnings("unchecked")
    private static List<String> units(Object lines) {
        return ((List<Map<String, Object>>) lines).stream().map(line -> (String) line.get("unitCode")).toList();
    }
}
