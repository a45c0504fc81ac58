package vn.reviewcascade.office;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.unit.UnitTreeFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newer tree file applied from the office page, over HTTP as the organising board does it: previewed (what changes,
 * nothing stored), refused with its lines when wrong, applied without a restart for new campaigns (groups and the
 * Tasklist filter of the parent follow), while a campaign already running keeps the unit the newer file lacks. Each
 * test puts the configured tree back, with its names, groups and filters, for the classes sharing the context.
 */
class UnitTreeFilesTest extends CascadeTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String PASSWORD = "Mat-Khau-Cay-Don-Vi-1";
    private static final String LEVELS = "# levels: PROVINCE=Tỉnh ủy; DISTRICT=Huyện ủy và Đảng ủy trực thuộc; BASE=Tổ chức cơ sở đảng\n"
            + "code,name,level,parent,symbol,drafters,reviewers,signers,guidance_drafters,place\n";
    /**
     * The test tree's first units, changed: Vĩnh Chấp gone (merged away), Vĩnh Tú renamed, Vĩnh Hòa new, Cồn Cỏ
     * moved to the other province, Vĩnh Thái's report drafted by its office.
     */
    private static final String NEWER = LEVELS + """
            TU,Tỉnh ủy thử nghiệm,PROVINCE,,TU,bdv-tu=Ban Dân vận Tỉnh ủy,btc-tu=Ban Tổ chức Tỉnh ủy,btv-tu=Ban Thường vụ Tỉnh ủy,btc-tu=Ban Tổ chức Tỉnh ủy,Đông Hà
            VL,Huyện ủy Vĩnh Linh,DISTRICT,TU,HU,,,,,Vĩnh Linh
            VL-A,Đảng ủy xã Vĩnh Thái,BASE,VL,ĐU,vt-vanphong=Văn phòng Đảng ủy xã Vĩnh Thái,,,,
            VL-B,Đảng ủy xã Vĩnh Tú mới,BASE,VL,ĐU,,,,,
            VL-D,Đảng ủy xã Vĩnh Hòa,BASE,VL,ĐU,,,,,
            LOAD,Tỉnh ủy thử nghiệm tải,PROVINCE,,TU,,,,,
            CC,Huyện ủy Cồn Cỏ,DISTRICT,LOAD,HU,,,,,Cồn Cỏ
            """;

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired UnitTree tree;
    @Autowired UnitTreeFiles files;
    @Autowired FilterService filters;

    @BeforeEach
    void users() {
        user("vp.cay", "vp.cay@tinhuy.test", PASSWORD, "bdv-tu");
        user("vl.cay", "vl.cay@tinhuy.test", PASSWORD, "VL.drafters");
    }

    /** Back to the configured file, as a database without applied files would serve. */
    @AfterEach
    void configuredTree() {
        jdbc.update("delete from unit_tree_file");
        files.refresh();
    }

    @Test
    void aNewerFileIsPreviewedThenServesNewCampaignsWhileARunningCampaignKeepsTheUnitItLacks() {
        Campaign running = start("VL");
        runJobs(running);
        int audited = count("audit_entry");

        ResponseEntity<Map<String, Object>> preview = as("vp.cay").exchange("/api/unit-trees/preview", HttpMethod.POST,
                fileUpload("cay-moi.csv", NEWER.getBytes(StandardCharsets.UTF_8)), JSON);

        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> changes = preview.getBody();
        assertThat(codes(changes, "added")).containsExactly("VL-D");
        assertThat(codes(changes, "renamed")).containsExactly("VL-B");
        assertThat(codes(changes, "moved")).containsExactly("CC");
        assertThat(codes(changes, "regrouped")).containsExactly("VL-A");
        assertThat(codes(changes, "retired")).contains("VL-C", "WIDE", "WIDE-001").doesNotContain("VL", "VL-A", "TU");
        assertThat(entries(changes, "moved").get(0)).containsEntry("before", "thuộc Tỉnh ủy thử nghiệm (Huyện ủy và Đảng ủy trực thuộc)")
                .containsEntry("after", "thuộc Tỉnh ủy thử nghiệm tải (Huyện ủy và Đảng ủy trực thuộc)");
        assertThat(entries(changes, "renamed").get(0)).containsEntry("before", "Đảng ủy xã Vĩnh Tú")
                .containsEntry("after", "Đảng ủy xã Vĩnh Tú mới");
        assertThat(count("unit_tree_file")).as("a preview stores nothing").isZero();
        assertThat(count("audit_entry")).isEqualTo(audited);
        assertThat(tree.find("VL-D")).isEmpty();

        ResponseEntity<Map<String, Object>> applied = as("vp.cay").exchange("/api/unit-trees", HttpMethod.POST,
                fileUpload("cay-moi.csv", NEWER.getBytes(StandardCharsets.UTF_8)), JSON);

        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(applied.getBody()).containsEntry("fileName", "cay-moi.csv").containsEntry("units", 7)
                .containsEntry("appliedBy", "vp.cay");
        assertThat(jdbc.queryForObject("select detail from audit_entry where action = 'UNIT_TREE_APPLIED'", String.class))
                .isEqualTo("cay-moi.csv — 7 đơn vị");
        // Served at once: the new unit's groups exist, the parent's Tasklist filter covers it, names follow.
        assertThat(tree.find("VL-D")).isPresent();
        assertThat(tree.find("VL-B").orElseThrow().name()).isEqualTo("Đảng ủy xã Vĩnh Tú mới");
        assertThat(identityService.createGroupQuery().groupId("VL-D.drafters").singleResult().getName())
                .isEqualTo("Chuyên viên dự thảo – Đảng ủy xã Vĩnh Hòa");
        assertThat(identityService.createGroupQuery().groupId("vt-vanphong").count()).isOne();
        Filter subordinates = filters.createFilterQuery().filterName("Đơn vị cấp dưới – Huyện ủy Vĩnh Linh").singleResult();
        // Vĩnh Chấp's groups stay in it while a running campaign has it under Vĩnh Linh (this test's own campaign does).
        assertThat((String) subordinates.getProperties().get("reviewCascadeGroups")).contains("VL-D.drafters")
                .contains("VL-C.drafters");

        // New campaigns take the newer file's units; a unit it lacks cannot be a campaign's root.
        Map<String, Object> newCampaign = as("vp.cay").exchange("/api/campaigns/preview", HttpMethod.POST,
                json(Map.of("plan", KH_117, "rootUnit", "VL", "year", 2041)), JSON).getBody();
        assertThat(newCampaign).containsEntry("totalUnits", 4);
        ResponseEntity<Map<String, Object>> retiredRoot = as("vp.cay").exchange("/api/campaigns/preview", HttpMethod.POST,
                json(Map.of("plan", KH_117, "rootUnit", "CC", "year", 2041)), JSON);
        assertThat(retiredRoot.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> goneRoot = as("vp.cay").exchange("/api/campaigns/preview", HttpMethod.POST,
                json(Map.of("plan", KH_117, "rootUnit", "WIDE", "year", 2041)), JSON);
        assertThat(goneRoot.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(goneRoot.getBody().toString()).contains("không còn trong cây đơn vị hiện hành");

        // The running campaign keeps Vĩnh Chấp: its unit, its task for its own group, its people's access.
        assertThat(reports.find(running.id(), "VL-C")).isPresent();
        issueGuidance(running, "VL");
        assertThat(taskService.getIdentityLinksForTask(task(running, "VL-C", "DraftDocument").getId()))
                .extracting(link -> link.getGroupId()).contains("VL-C.drafters");
        assertThat(tree.isRetired("VL-C")).isTrue();
        assertThat(tree.membershipsOf(List.of("VL-C.drafters"))).extracting(UnitTree.Membership::unitCode).containsOnly("VL-C");
        assertThat(tree.find("VL-C").orElseThrow().name()).isEqualTo("Đảng ủy xã Vĩnh Chấp");

        // The same file again is not a new version.
        ResponseEntity<Map<String, Object>> again = as("vp.cay").exchange("/api/unit-trees", HttpMethod.POST,
                fileUpload("cay-moi-lan-hai.csv", NEWER.getBytes(StandardCharsets.UTF_8)), JSON);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(count("unit_tree_file")).isOne();
        assertThat(anonymous.withBasicAuth("vp.cay", PASSWORD).getForObject("/api/unit-trees", List.class)).hasSize(2);
    }

    @Test
    void aWrongFileIsRefusedAtItsLinesAndOnlyTheBoardsMayApplyOne() {
        String wrong = LEVELS + """
                TU,Tỉnh ủy thử nghiệm,PROVINCE,,TU,,,,,
                VL,Huyện ủy Vĩnh Linh,DISTRICT,TU,HU,,,,,
                VL-A,Đảng ủy xã Vĩnh Thái,BASE,XX,ĐU,,,,,
                """;
        ResponseEntity<Map<String, Object>> refused = as("vp.cay").exchange("/api/unit-trees", HttpMethod.POST,
                fileUpload("sai.csv", wrong.getBytes(StandardCharsets.UTF_8)), JSON);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("message", "Tệp cây đơn vị không dùng được; không có gì được lưu");
        assertThat(refused.getBody().toString()).contains("Dòng 5: đơn vị cấp trên 'XX' của 'VL-A' không tồn tại");
        ResponseEntity<Map<String, Object>> notUtf8 = as("vp.cay").exchange("/api/unit-trees/preview", HttpMethod.POST,
                fileUpload("latin1.csv", "Tỉnh".getBytes(StandardCharsets.UTF_16LE)), JSON);
        assertThat(notUtf8.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<Map<String, Object>> forbidden = anonymous.withBasicAuth("vl.cay", PASSWORD).exchange("/api/unit-trees",
                HttpMethod.POST, fileUpload("cay-moi.csv", NEWER.getBytes(StandardCharsets.UTF_8)), JSON);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(count("unit_tree_file")).isZero();
        assertThat(tree.find("VL-D")).isEmpty();
        // Anyone signed in may read the versions and download the shipped trees.
        assertThat(anonymous.withBasicAuth("vl.cay", PASSWORD).getForObject("/api/samples/unit-trees", List.class))
                .contains("quang-tri-2019.csv", "quang-tri-2026.csv");
        assertThat(anonymous.withBasicAuth("vl.cay", PASSWORD).getForObject("/api/samples/unit-trees/quang-tri-2026.csv",
                String.class)).startsWith("# levels: PROVINCE=Tỉnh ủy; COMMUNE=");
    }

    @Test
    void anotherNodeFollowsAFileAppliedOnTheFirstAtItsNextLook() {
        // As the other node stored it: this node has not served it yet.
        jdbc.update("""
                insert into unit_tree_file (file_name, source, sha256, unit_count, reorganisations_before, applied_at, applied_by)
                values ('cay-moi.csv', ?, 'x', 7, 0, current_timestamp, 'vp.cay')""", NEWER);
        assertThat(tree.find("VL-D")).isEmpty();

        files.refresh();

        assertThat(tree.find("VL-D")).isPresent();
        assertThat(identityService.createGroupQuery().groupId("VL-D.reviewers").count()).isOne();
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> changes, String kind) {
        return (List<Map<String, Object>>) ((Map<String, Object>) changes.get(kind)).get("first");
    }

    private static List<Object> codes(Map<String, Object> changes, String kind) {
        return entries(changes, kind).stream().map(entry -> entry.get("code")).toList();
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, PASSWORD);
    }
}
