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
import org.junit.jupiter.api.AfterEach;
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
import vn.reviewcascade.signature.PdfSignatureValidator;
import vn.reviewcascade.signature.SignatureCheck;
import vn.reviewcascade.report.UnitFigures;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.report.UnitStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the reorganisation tests share: the file they write, and what they look at before and after. */
abstract class ReorganisationTestSupport extends CascadeTestSupport {

    static final String ADMIN_PASSWORD = "Thu-Nghiem-2030";
    static final ReorganisationChoices.Parameters NO_CHOICES = ReorganisationChoices.Parameters.NONE;

    @Autowired protected ReorganisationService reorganisations;
    @Autowired TreeVersions versions;
    @Autowired AuthorizationService authorizationService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired PdfSignatureValidator signatures;

    /**
     * The test context and its database are shared with other tests, which take the tree as its file gives it: the
     * reorganisations a test stored are removed again, and the tree served follows.
     */
    @AfterEach
    void forgetReorganisations() {
        for (String table : List.of("campaign_unit_change", "unit_succession", "reorganisation_change", "reorganisation")) {
            jdbc.update("delete from " + table);
        }
        versions.serveNewest();
    }

    static String file(String decision, String changes) {
        return """
                decision:
                  number: %s
                  date: 2030-06-30
                  issuer: Ban Thường vụ Tỉnh ủy thử nghiệm
                effectiveOn: 2030-07-01
                changes:
                %s""".formatted(decision, changes.indent(2));
    }

    // --- what the tests look at ---------------------------------------------------------------------------------

    /** What a campaign holds that nobody may rewrite: documents (with their hash), figures, texts, comments, submissions. */
    record Snapshot(Map<String, String> documents, List<Map<String, Object>> figures, List<Map<String, Object>> sections,
                    List<Map<String, Object>> comments, List<Map<String, Object>> submissions,
                    List<Map<String, Object>> numbers) {
    }

    Snapshot snapshot(Campaign campaign) {
        Map<String, String> documents = new LinkedHashMap<>();
        jdbc.query("select unit_code, document_kind, pdf, pdf_sha256, signed_by from issued_document where campaign_id = ? order by unit_code, document_kind",
                rs -> {
                    byte[] pdf = rs.getBytes("pdf");
                    String hash = Sha256.hex(pdf);
                    assertThat(hash).as("the stored hash still matches the file").isEqualTo(rs.getString("pdf_sha256"));
                    // Its signature still holds over the whole file, and names who signed it.
                    SignatureCheck signature = signatures.inspect(pdf);
                    documents.put(rs.getString("unit_code") + "/" + rs.getString("document_kind"),
                            hash + " " + rs.getString("signed_by") + " " + signature.signer() + " " + signature.signedAt());
                }, campaign.id());
        return new Snapshot(documents,
                jdbc.queryForList("select unit_code, indicator, figure from report_figure where campaign_id = ? order by 1, 2", campaign.id()),
                jdbc.queryForList("select unit_code, document_kind, section_key, body from document_section where campaign_id = ? order by 1, 2, 3", campaign.id()),
                jdbc.queryForList("select id, unit_code, step, decision, author, comment from review_comment where campaign_id = ? order by id", campaign.id()),
                jdbc.queryForList("select unit_code, submitted_at, consolidated_at from campaign_unit where campaign_id = ? order by 1", campaign.id()),
                jdbc.queryForList("select unit_code, document_kind, number, issued_at from campaign_document where campaign_id = ? order by 1, 2", campaign.id()));
    }

    /**
     * Everything the campaign held before is still there, unchanged: every document (hash and signature), figure,
     * text, comment, submission and number. Units a reorganisation added bring rows of their own.
     */
    static void assertKept(Snapshot before, Snapshot after) {
        assertThat(after.documents()).as("every issued document, its hash and signature").containsAllEntriesOf(before.documents());
        assertThat(after.figures()).as("every figure").containsAll(before.figures());
        assertThat(after.sections()).as("every text").containsAll(before.sections());
        assertThat(after.comments()).as("every review comment").containsAll(before.comments());
        assertThat(after.submissions()).as("every submission and consolidation").containsAll(before.submissions());
        assertThat(after.numbers()).as("every document number").containsAll(before.numbers());
    }

    /** Every submitted figure under the unit, each counted once: a submitted report is taken whole, else its units'. */
    Map<String, Long> subtreeTotal(long campaignId, String unitCode) {
        UnitReport unit = reports.find(campaignId, unitCode).orElseThrow();
        if (unit.submitted()) {
            return reports.loadContent(campaignId, unitCode).figures();
        }
        Map<String, Long> total = new HashMap<>();
        for (UnitFigures subordinate : reports.subordinateFigures(campaignId, unitCode)) {
            subtreeTotal(campaignId, subordinate.unitCode()).forEach((key, value) -> total.merge(key, value, Long::sum));
        }
        return total;
    }

    /** No process instance, job, timer, subscription or task of the unit is left; its review ended with the decision. */
    void assertNoEngineStateOf(Campaign campaign, String unitCode, String processInstanceId, String decision) {
        String key = campaign.id() + "/" + unitCode;
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        for (String document : List.of(key + "/REPORT", key + "/GUIDANCE")) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(document).count()).isZero();
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(document).count()).isZero();
        }
        List<String> instances = new ArrayList<>(List.of(processInstanceId));
        historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()
                .forEach(called -> instances.add(called.getId()));
        for (String instance : instances) {
            assertThat(managementService.createJobQuery().processInstanceId(instance).count()).isZero();
            assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(instance).count()).isZero();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
            assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isZero();
        }
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        assertThat(ended.getDeleteReason()).contains(decision).startsWith("Sắp xếp tổ chức theo Quyết định số");
        assertThat(runtimeService.createIncidentQuery().list()).filteredOn(incident -> incident.getProcessInstanceId() != null
                && instanceIds(campaign).contains(incident.getProcessInstanceId())).isEmpty();
    }

    Set<String> readers(Task task) {
        return Set.copyOf(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(task.getId()).list().stream().map(Authorization::getGroupId)
                .filter(group -> group != null).toList());
    }

    List<String> changeRows(Campaign campaign, String unitCode) {
        return jdbc.queryForList("""
                        select c.field as "FIELD", c.before_value as "BEFORE_VALUE", c.after_value as "AFTER_VALUE",
                               c.changed_by as "CHANGED_BY", o.decision_number as "DECISION_NUMBER"
                        from campaign_unit_change c join reorganisation o on o.id = c.reorganisation_id
                        where c.campaign_id = ? and c.unit_code = ? order by c.id""", campaign.id(), unitCode).stream()
                .map(row -> "%s %s→%s by %s under %s".formatted(row.get("FIELD"), row.get("BEFORE_VALUE") == null ? "∅"
                        : row.get("BEFORE_VALUE"), row.get("AFTER_VALUE"), row.get("CHANGED_BY"), row.get("DECISION_NUMBER")))
                .toList();
    }

    List<String> successors(String unitCode) {
        return http.withBasicAuth("admin", ADMIN_PASSWORD).exchange("/api/units/" + unitCode + "/successions",
                        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
                        }).getBody().stream()
                .map(link -> link.get("predecessor") + "→" + link.get("successor")).toList();
    }

    Map<String, Object> historyOf(Campaign campaign, String unitCode) {
        ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("admin", ADMIN_PASSWORD).exchange(
                "/api/campaigns/" + campaign.id() + "/units/" + unitCode + "/history", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() {
                });
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    int reorganisations(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    ResponseEntity<Map<String, Object>> postFile(String file, String query) {
        return http.withBasicAuth("admin", ADMIN_PASSWORD).exchange("/api/reorganisations" + query, HttpMethod.POST,
                yaml(file), new ParameterizedTypeReference<>() {
                });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> onlyCampaign(Map<String, Object> result) {
        List<Map<String, Object>> campaigns = (List<Map<String, Object>>) result.get("campaigns");
        assertThat(campaigns).hasSize(1);
        return campaigns.get(0);
    }

    static HttpEntity<Object> yaml(String file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return new HttpEntity<>(file.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }
}
