package vn.reviewcascade.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.reviewcascade.Sha256;
import vn.reviewcascade.TestDocuments;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.document.IssuedDocuments;
import vn.reviewcascade.plan.Plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Existing databases migrate by Flyway without loss. Before the application starts, a database is migrated to V5
 * and filled, with plain JDBC, as the previous schema held a KH 117 campaign: five named deadlines and the organising
 * group on the campaign, six section columns, report_due and escalated_at on each report, figures under the names of
 * Java constants. It is then migrated to V9 and given what V9 added, an issued report's written document, while the
 * unit rows still hold a copied status, numbers and texts. The application's own Flyway runs the rest at start, and
 * everything is read back through the application's services.
 */
@SpringBootTest
@ActiveProfiles("test")
// Its own application context (another database): kept away from the classes that use the engine's REST API, which
// finds its engine by name in a static registry, and closed afterwards. CascadeProcessTest still runs after it.
@Order(Integer.MAX_VALUE - 1)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SchemaMigrationTest {

    /**
     * The database the migration runs on: the suite's own kind, so CI migrates H2 and PostgreSQL alike — an in-memory
     * H2 database, or a database of its own on the suite's PostgreSQL server (-Dspring.datasource.url=jdbc:postgresql:…).
     */
    private static final Database DATABASE = Database.forSuite();

    // The five deadlines of the old campaign: all different, so each mapping to a level and kind is told apart.
    private static final OffsetDateTime GUIDANCE_DUE = due("2031-03-30");
    private static final OffsetDateTime BASE_DUE = due("2031-09-30");
    private static final OffsetDateTime DISTRICT_DUE = due("2031-10-30");
    private static final OffsetDateTime SUBMISSION_DUE = due("2031-11-10");
    private static final OffsetDateTime PROVINCE_DUE = due("2031-11-30");

    private static final OffsetDateTime STARTED_AT = at("2031-01-05T08:00:00+07:00");
    // After the base units' deadline and before the district's: late only if read against the BASE report deadline.
    private static final OffsetDateTime VL_A_SUBMITTED_AT = at("2031-10-02T09:15:30+07:00");
    private static final OffsetDateTime VL_B_ESCALATED_AT = at("2031-10-01T00:00:05+07:00");
    private static final OffsetDateTime VL_A_ISSUED_AT = at("2031-10-02T09:10:00+07:00");
    private static final OffsetDateTime UPLOADED_AT = at("2031-09-28T16:45:12+07:00");

    /** VL-A's six sections as the old columns held them; section 4 is 100,000 characters long. */
    private static final Map<String, String> VL_A_SECTIONS = vlaSections();
    /** VL's sections: only some were written. */
    private static final Map<String, String> VL_SECTIONS = Map.of(
            "section1", "Huyện Vĩnh Linh có 31 doanh nghiệp ngoài nhà nước trước khi Đề án ban hành.",
            "section2", "Ban Thường vụ Huyện ủy quán triệt Đề án đến 100% chi bộ; ban hành Kế hoạch số 45-KH/HU.",
            "section4", "");
    private static final Map<String, String> VL_B_SECTIONS = Map.of(
            "section1", "Xã Vĩnh Tú: chưa có tổ chức đảng trong doanh nghiệp.");

    /** Every figure of the old annex, by the Java constant the old schema stored, and the key a plan names it by. */
    private static final List<Figure> VL_A_FIGURES = List.of(
            new Figure("ENTERPRISES", "enterprises", 12),
            new Figure("ELIGIBLE_ENTERPRISES", "eligibleEnterprises", 7),
            new Figure("ENTERPRISES_WITH_PARTY_ORG", "enterprisesWithPartyOrg", 5),
            new Figure("PARTY_ORGS", "partyOrgs", 5),
            new Figure("PARTY_COMMITTEES", "partyCommittees", 1),
            new Figure("BASE_CELLS", "baseCells", 3),
            new Figure("SUBORDINATE_CELLS", "subordinateCells", 1),
            new Figure("NEW_PARTY_ORGS", "newPartyOrgs", 2),
            new Figure("PARTY_MEMBERS", "partyMembers", 48),
            new Figure("NEW_PARTY_MEMBERS", "newPartyMembers", 6),
            new Figure("OWNER_PARTY_MEMBERS", "ownerPartyMembers", 3),
            new Figure("TRADE_UNIONS", "tradeUnions", 9),
            new Figure("NEW_TRADE_UNIONS", "newTradeUnions", 4),
            new Figure("TRADE_UNION_MEMBERS", "tradeUnionMembers", 420),
            new Figure("NEW_TRADE_UNION_MEMBERS", "newTradeUnionMembers", 57),
            new Figure("YOUTH_ORGS", "youthOrgs", 8),
            new Figure("NEW_YOUTH_ORGS", "newYouthOrgs", 2),
            new Figure("YOUTH_MEMBERS", "youthMembers", 96),
            new Figure("NEW_YOUTH_MEMBERS", "newYouthMembers", 14),
            new Figure("WOMEN_BRANCHES", "womenBranches", 6),
            new Figure("WOMEN_MEMBERS", "womenMembers", 133),
            new Figure("VETERAN_BRANCHES", "veteranBranches", 2),
            // Zero is a figure too.
            new Figure("VETERAN_MEMBERS", "veteranMembers", 0));
    private static final List<Figure> VL_FIGURES = List.of(
            new Figure("ENTERPRISES", "enterprises", 30),
            new Figure("PARTY_MEMBERS", "partyMembers", 50));

    private static final List<ReviewComment> VL_A_COMMENTS = List.of(
            new ReviewComment(DocumentKind.REPORT, ApprovalStep.REVIEW, ReviewComment.Decision.RETURNED, "tham-dinh.vl-a",
                    "tham-dinh.vl-a", "Mục 4 thiếu số đảng viên kết nạp mới; đề nghị bổ sung phụ lục.", at("2031-09-20T10:00:00+07:00").toInstant()),
            new ReviewComment(DocumentKind.REPORT, ApprovalStep.REVIEW, ReviewComment.Decision.APPROVED, "tham-dinh.vl-a",
                    "tham-dinh.vl-a", "Đã bổ sung đầy đủ, đồng ý trình ký.", at("2031-09-25T14:30:00+07:00").toInstant()),
            new ReviewComment(DocumentKind.REPORT, ApprovalStep.SIGN, ReviewComment.Decision.APPROVED, "bi-thu.vl-a",
                    "bi-thu.vl-a", "Đồng ý ban hành.", VL_A_SUBMITTED_AT.toInstant()));

    private static final byte[] PDF = TestDocuments.pdf();
    private static final String PDF_NAME = "Báo cáo sơ kết xã Vĩnh Thái.pdf";

    private static long campaignId;

    @Autowired CampaignService campaigns;
    @Autowired ReportService reportService;
    @Autowired ReportRepository reports;
    @Autowired UnitDocuments documents;
    @Autowired DocumentNumbers documentNumbers;
    @Autowired IssuedDocuments issuedDocuments;
    @Autowired JdbcTemplate jdbc;

    private record Figure(String constant, String key, long value) {
    }

    /** Runs once, before the context is built: the database as the previous release left it. */
    @DynamicPropertySource
    static synchronized void previousRelease(DynamicPropertyRegistry registry) throws SQLException {
        if (campaignId == 0) {
            Flyway.configure().dataSource(DATABASE.url(), DATABASE.user(), DATABASE.password()).locations("classpath:db/migration")
                    .target("5").load().migrate();
            try (Connection connection = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password())) {
                campaignId = writeV5Data(connection);
            }
            // V7 is written in Java: the application registers it as a bean, and so does this run.
            Flyway.configure().dataSource(DATABASE.url(), DATABASE.user(), DATABASE.password()).locations("classpath:db/migration")
                    .javaMigrations(new FigureKeyMigration()).target("9").load().migrate();
            try (Connection connection = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password())) {
                writeV9Data(connection, campaignId);
            }
        }
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
    }

    private record Database(String url, String user, String password) {

        static Database forSuite() {
            String suite = System.getProperty("spring.datasource.url", "");
            if (!suite.startsWith("jdbc:postgresql:")) {
                return new Database("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                        "sa", "");
            }
            String user = System.getProperty("spring.datasource.username", "postgres");
            String password = System.getProperty("spring.datasource.password", "");
            String server = suite.substring(0, suite.indexOf('/', "jdbc:postgresql://".length()) + 1);
            String name = "review_cascade_migration_test";
            try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                 Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + name);
                statement.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the migration test's database on " + server, e);
            }
            return new Database(server + name, user, password);
        }
    }

    @Test
    void campaignKeepsItsPlanDeadlinesPerLevelAndBoard() {
        Campaign campaign = campaigns.find(campaignId);

        assertEquals("117-KH/TU", campaign.planNumber());
        assertEquals(1, campaign.plan().version());
        assertEquals("Sơ kết KH 117 — đợt của Huyện ủy Vĩnh Linh", campaign.title());
        assertEquals("VL", campaign.rootUnit());
        assertEquals(2031, campaign.year());
        assertEquals(STARTED_AT.toInstant(), campaign.startedAt());
        assertEquals("bdv.quantri", campaign.startedBy());
        assertEquals("bdv-tu", campaign.organisingGroup());

        // The deadlines V6 derives from the five named ones, for the root's level (a district) and the level below,
        // as a campaign started from a district now holds them; the province's are not this campaign's.
        var deadlines = campaign.deadlines();
        assertNull(deadlines.guidanceDue("PROVINCE"));
        assertNull(deadlines.subordinatesDue("PROVINCE"));
        assertNull(deadlines.reportDue("PROVINCE"));
        assertEquals(GUIDANCE_DUE.toInstant(), deadlines.guidanceDue("DISTRICT"));
        assertEquals(BASE_DUE.toInstant(), deadlines.subordinatesDue("DISTRICT"));
        assertEquals(DISTRICT_DUE.toInstant(), deadlines.reportDue("DISTRICT"));
        assertEquals(BASE_DUE.toInstant(), deadlines.reportDue("BASE"));
        // Base units issue no guidance and have no units below: no such deadlines, as before.
        assertNull(deadlines.guidanceDue("BASE"));
        assertNull(deadlines.subordinatesDue("BASE"));
        assertEquals(List.of("DISTRICT", "BASE"), List.copyOf(deadlines.byLevel().keySet()));

        assertEquals(List.of(Duration.ofDays(7), Duration.ofDays(1)), campaign.remindersFor("DISTRICT"));
        assertEquals(List.of(Duration.ofDays(3)), campaign.remindersFor("BASE"));
    }

    @Test
    void everySectionFigureCommentAndDocumentOfABaseReportIsReadBack() {
        ReportView view = reportService.view(campaignId, "VL-A");

        assertEquals(VL_A_SECTIONS, view.sections());
        assertEquals(100_000, view.sections().get("section4").length());
        assertEquals(expectedFigures(VL_A_FIGURES), view.figures());
        assertEquals(VL_A_COMMENTS, view.comments());
        assertEquals(5, view.version());

        UnitReport unit = view.unit();
        assertEquals("Đảng ủy xã Vĩnh Thái", unit.unitName());
        assertEquals("BASE", unit.level());
        assertEquals("VL", unit.parentCode());
        assertEquals("ĐU", unit.symbol());
        assertEquals(UnitStatus.SUBMITTED, unit.status());
        assertEquals(BASE_DUE.toInstant(), unit.reportDue());
        assertEquals(VL_A_SUBMITTED_AT.toInstant(), unit.submittedAt());
        assertEquals("3-BC/ĐU", unit.documentNumber());
        // The number of the guidance it received was copied onto its row; a base unit issues none of its own.
        assertNull(unit.guidanceNumber());
        assertNull(unit.escalatedAt());
        assertFalse(unit.overdue());
        // Submitted two days after the base units' deadline, which is VL-A's.
        assertTrue(unit.submittedLate());

        ReportView.DocumentInfo info = view.document();
        assertEquals(PDF_NAME, info.fileName());
        assertEquals("application/pdf", info.contentType());
        assertEquals(PDF.length, info.sizeBytes());
        assertEquals(UPLOADED_AT.toInstant(), info.uploadedAt());
        assertEquals("soan-thao.vl-a", info.uploadedBy());

        UnitDocuments.StoredDocument stored = documents.load(campaignId, "VL-A", DocumentKind.REPORT).orElseThrow();
        assertArrayEquals(PDF, stored.content());
        assertEquals(PDF_NAME, stored.fileName());
        assertEquals("application/pdf", stored.contentType());
    }

    @Test
    void aDistrictReportKeepsItsPartOfTheTextItsFiguresAndItsGuidance() {
        ReportView view = reportService.view(campaignId, "VL");

        assertEquals(VL_SECTIONS, view.sections());
        assertEquals(expectedFigures(VL_FIGURES), view.figures());
        // The subordinates' sums are read under the plan's keys: VL-A's figures, the only report submitted below.
        assertEquals(expectedFigures(VL_A_FIGURES), view.subordinateTotals());
        assertEquals(Map.of("enterprises", 18L, "partyMembers", 2L), view.differences());
        assertEquals(List.of(new ReviewComment(DocumentKind.GUIDANCE, ApprovalStep.SIGN, ReviewComment.Decision.APPROVED,
                "bi-thu.vl", "bi-thu.vl", null, at("2031-03-28T09:00:00+07:00").toInstant())), view.comments());
        assertNull(view.document());
        assertEquals(3, view.version());

        UnitReport unit = view.unit();
        assertNull(unit.parentCode());
        assertEquals(DISTRICT_DUE.toInstant(), unit.reportDue());
        assertEquals("2-HD/HU", unit.guidanceNumber());
        assertEquals(at("2031-03-28T09:00:00+07:00").toInstant(), unit.guidanceIssuedAt());
        assertEquals(new ReportRepository.GuidanceContent("Các chi bộ báo cáo theo đề cương, nộp trước 30/9.", 2),
                reports.loadGuidance(campaignId, "VL"));

        Map<String, ReportView.Subordinate> subordinates = view.subordinates().stream()
                .collect(Collectors.toMap(ReportView.Subordinate::unitCode, sub -> sub));
        assertEquals(List.of("VL-A", "VL-B"), view.subordinates().stream().map(ReportView.Subordinate::unitCode).toList());
        assertTrue(subordinates.get("VL-A").submittedLate());
        assertFalse(subordinates.get("VL-A").overdue());
        assertTrue(subordinates.get("VL-B").overdue());
        assertEquals(VL_B_SECTIONS, reportService.view(campaignId, "VL-B").sections());
    }

    @Test
    void overdueComesFromTheEscalationAndTheDeadlineFromTheLevel() {
        UnitReport vlB = reports.find(campaignId, "VL-B").orElseThrow();
        assertTrue(vlB.overdue());
        assertEquals(VL_B_ESCALATED_AT.toInstant(), vlB.escalatedAt());
        assertEquals(BASE_DUE.toInstant(), vlB.reportDue());
        assertFalse(vlB.submittedLate());

        assertEquals(List.of("VL-B"), reports.page(campaignId, null,
                new ReportRepository.UnitFilter(null, null, true), ReportRepository.UnitOrder.CODE, 0, 50).units().stream().map(UnitReport::unitCode).toList());
        CampaignProgress progress = reports.progress(campaignId);
        assertEquals(3, progress.units());
        assertEquals(1L, progress.countsByStatus().get(UnitStatus.SUBMITTED));
        assertEquals(1, progress.overdue());
        assertEquals(1, progress.submittedLate());
    }

    @Test
    void documentNumbersContinueWhereTheyStopped() {
        assertEquals("4-BC/ĐU", documentNumbers.next("VL-A", "ĐU", DocumentKind.REPORT));
        assertEquals("3-HD/HU", documentNumbers.next("VL", "HU", DocumentKind.GUIDANCE));
    }

    @Test
    void theOldColumnsAreGoneAndNoFigureKeepsAConstantName() {
        for (String column : List.of("section_1", "section_2", "section_3", "section_4", "section_5", "section_6",
                "report_due", "escalated_at", "status", "content_version", "document_number", "guidance_number",
                "guidance_text", "guidance_version", "guidance_issued_at")) {
            assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("select " + column + " from campaign_unit"),
                    "campaign_unit." + column);
        }
        for (String column : List.of("number", "issued_at")) {
            assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("select " + column + " from issued_document"),
                    "issued_document." + column);
        }
        for (String column : List.of("guidance_due", "base_due", "district_due", "submission_due", "province_due",
                "organising_group")) {
            assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("select " + column + " from campaign"),
                    "campaign." + column);
        }

        // Every row arrived: 6 + 3 + 1 sections and the guidance's text, 23 + 2 figures, the 4 deadlines of a campaign
        // from a district; a document row for each report written and the guidance issued.
        assertEquals(10, jdbc.queryForObject("select count(*) from document_section where document_kind = 'REPORT'",
                Integer.class));
        assertEquals(1, jdbc.queryForObject("select count(*) from document_section where document_kind = 'GUIDANCE'",
                Integer.class));
        assertEquals(List.of("VL/GUIDANCE", "VL/REPORT", "VL-A/REPORT", "VL-B/REPORT"), jdbc.queryForList(
                "select unit_code || '/' || document_kind from campaign_document order by unit_code, document_kind",
                String.class));
        assertEquals(4, jdbc.queryForObject("select count(*) from campaign_deadline", Integer.class));
        List<String> indicators = jdbc.queryForList("select indicator from report_figure", String.class);
        assertEquals(VL_A_FIGURES.size() + VL_FIGURES.size(), indicators.size());
        List<String> constants = indicators.stream().filter(key -> key.matches("[A-Z][A-Z0-9_]*")).toList();
        assertEquals(List.of(), constants);
        // And each is a figure of the plan the campaign runs.
        Plan plan = campaigns.find(campaignId).plan();
        List<String> unknown = indicators.stream().filter(key -> plan.indicator(key).isEmpty()).toList();
        assertEquals(List.of(), unknown);

        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "16", "18"), jdbc.queryForList(
                """
                        select "version" from "flyway_schema_history"
                        where "version" is not null and "success" order by "installed_rank"
                        """, String.class));
    }

    @Test
    void anIssuedDocumentKeepsItsNumberDateAndFileAndAStatusIsDerivedNotCopied() {
        IssuedDocuments.Issued issued = issuedDocuments.find(campaignId, "VL-A", DocumentKind.REPORT).orElseThrow();
        assertEquals("3-BC/ĐU", issued.number());
        assertEquals(VL_A_ISSUED_AT.toInstant(), issued.issuedAt());
        assertArrayEquals(PDF, issued.pdf());
        assertEquals("Nguyễn Văn Thái", issued.signedBy());

        // The guidance had no written document yet: its number and date come from the unit's old columns.
        assertEquals(List.of(Map.of("NUMBER", "2-HD/HU")), jdbc.queryForList("""
                select number as "NUMBER" from campaign_document where unit_code = 'VL' and document_kind = 'GUIDANCE'"""));
        assertEquals(at("2031-03-28T09:00:00+07:00").toInstant(), reports.find(campaignId, "VL").orElseThrow()
                .guidanceIssuedAt());
        // The old rows copied "WAITING_FOR_SUBORDINATES" and "DRAFTING"; no process runs for them in this database, and
        // what the engine does not run has not started.
        assertEquals(UnitStatus.NOT_STARTED, reports.find(campaignId, "VL").orElseThrow().status());
        assertEquals(UnitStatus.NOT_STARTED, reports.find(campaignId, "VL-B").orElseThrow().status());
    }

    private static Map<String, Long> expectedFigures(List<Figure> figures) {
        Map<String, Long> expected = new LinkedHashMap<>();
        figures.forEach(figure -> expected.put(figure.key(), figure.value()));
        return expected;
    }

    /** What V8 and V9 added, as the release before V10 wrote it: VL-A's report issued and signed. */
    private static void writeV9Data(Connection connection, long id) throws SQLException {
        update(connection, """
                        insert into issued_document (campaign_id, unit_code, document_kind, number, issued_at, pdf, pdf_sha256,
                                                     docx, signed_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, "VL-A", "REPORT", "3-BC/ĐU", VL_A_ISSUED_AT, PDF, Sha256.hex(PDF), new byte[] {1, 2, 3}, "Nguyễn Văn Thái");
    }

    /** The rows the previous release wrote, in the columns of V5; the campaign's id. */
    private static long writeV5Data(Connection connection) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into campaign (plan_number, title, root_unit, organising_group, guidance_due, base_due, district_due,
                                      submission_due, province_due, started_at, started_by, campaign_year)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            insert.setString(1, "117-KH/TU");
            insert.setString(2, "Sơ kết KH 117 — đợt của Huyện ủy Vĩnh Linh");
            insert.setString(3, "VL");
            insert.setString(4, "bdv-tu");
            insert.setObject(5, GUIDANCE_DUE);
            insert.setObject(6, BASE_DUE);
            insert.setObject(7, DISTRICT_DUE);
            insert.setObject(8, SUBMISSION_DUE);
            insert.setObject(9, PROVINCE_DUE);
            insert.setObject(10, STARTED_AT);
            insert.setString(11, "bdv.quantri");
            insert.setInt(12, 2031);
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        update(connection, "insert into campaign_reminder (campaign_id, level, offsets) values (?, ?, ?)", id, "DISTRICT", "P7D,P1D");
        update(connection, "insert into campaign_reminder (campaign_id, level, offsets) values (?, ?, ?)", id, "BASE", "P3D");

        String report = """
                insert into report (campaign_id, unit_code, unit_name, level, parent_code, symbol, status, report_due,
                                    section_1, section_2, section_3, section_4, section_5, section_6,
                                    guidance_received_at, guidance_number, subordinates_complete_at, consolidated_at,
                                    submitted_at, escalated_at, document_number, process_instance_id, content_version,
                                    guidance_text, guidance_version, guidance_issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        OffsetDateTime guidanceIssued = at("2031-03-28T09:00:00+07:00");
        update(connection, report, id, "VL", "Huyện ủy Vĩnh Linh", "DISTRICT", null, "HU", "WAITING_FOR_SUBORDINATES",
                DISTRICT_DUE, VL_SECTIONS.get("section1"), VL_SECTIONS.get("section2"), null, VL_SECTIONS.get("section4"),
                null, null, null, "2-HD/HU", null, null, null, null, null, null, 3,
                "Các chi bộ báo cáo theo đề cương, nộp trước 30/9.", 2, guidanceIssued);
        update(connection, report, id, "VL-A", "Đảng ủy xã Vĩnh Thái", "BASE", "VL", "ĐU", "SUBMITTED", BASE_DUE,
                VL_A_SECTIONS.get("section1"), VL_A_SECTIONS.get("section2"), VL_A_SECTIONS.get("section3"),
                VL_A_SECTIONS.get("section4"), VL_A_SECTIONS.get("section5"), VL_A_SECTIONS.get("section6"),
                guidanceIssued, "2-HD/HU", null, null, VL_A_SUBMITTED_AT, null, "3-BC/ĐU", null, 5, null, 0, null);
        update(connection, report, id, "VL-B", "Đảng ủy xã Vĩnh Tú", "BASE", "VL", "ĐU", "DRAFTING", BASE_DUE,
                VL_B_SECTIONS.get("section1"), null, null, null, null, null,
                guidanceIssued, "2-HD/HU", null, null, null, VL_B_ESCALATED_AT, null, null, 1, null, 0, null);

        String figure = "insert into report_figure (campaign_id, unit_code, indicator, figure) values (?, ?, ?, ?)";
        for (Figure f : VL_A_FIGURES) {
            update(connection, figure, id, "VL-A", f.constant(), f.value());
        }
        for (Figure f : VL_FIGURES) {
            update(connection, figure, id, "VL", f.constant(), f.value());
        }

        String comment = """
                insert into review_comment (campaign_id, unit_code, document_kind, step, decision, author, comment, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""";
        for (ReviewComment c : VL_A_COMMENTS) {
            update(connection, comment, id, "VL-A", c.documentKind().name(), c.step().name(), c.decision().name(),
                    c.author(), c.comment(), c.createdAt().atOffset(ZoneOffset.UTC));
        }
        update(connection, comment, id, "VL", "GUIDANCE", "SIGN", "APPROVED", "bi-thu.vl", null, guidanceIssued);

        update(connection, """
                        insert into unit_document (campaign_id, unit_code, document_kind, file_name, content_type, size_bytes,
                                                   content, uploaded_at, uploaded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, "VL-A", "REPORT", PDF_NAME, "application/pdf", (long) PDF.length, PDF, UPLOADED_AT, "soan-thao.vl-a");

        update(connection, "insert into escalation (campaign_id, unit_code, deadline, raised_at) values (?, ?, ?, ?)",
                id, "VL-B", BASE_DUE, VL_B_ESCALATED_AT);

        String sequence = "insert into document_sequence (issuer, doc_type, last_number) values (?, ?, ?)";
        update(connection, sequence, "VL", "HD", 2);
        update(connection, sequence, "VL", "BC", 0);
        update(connection, sequence, "VL-A", "HD", 0);
        update(connection, sequence, "VL-A", "BC", 3);
        update(connection, sequence, "VL-B", "HD", 0);
        update(connection, sequence, "VL-B", "BC", 0);
        return id;
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Map<String, String> vlaSections() {
        // Section 4: long, Vietnamese throughout, with line breaks, cut at exactly 100,000 characters.
        StringBuilder long4 = new StringBuilder();
        for (int i = 1; long4.length() < 100_000; i++) {
            long4.append("Dòng ").append(i).append(": kết nạp đảng viên mới trong doanh nghiệp ngoài nhà nước, ")
                    .append("thành lập công đoàn cơ sở và chi đoàn thanh niên; số liệu cụ thể ở phụ lục.\n");
        }
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("section1", "Trước khi Đề án ban hành, xã Vĩnh Thái có 12 doanh nghiệp ngoài nhà nước, 2 tổ chức đảng.");
        sections.put("section2", "Đảng ủy quán triệt Đề án đến cán bộ, đảng viên, đoàn viên, hội viên;\nban hành Kế hoạch số 07-KH/ĐU.");
        // Written in decomposed form (a letter followed by combining marks): kept as written, not normalised.
        sections.put("section3", "Vai tro\u0300 la\u0303nh đa\u0323o cu\u0309a câ\u0301p u\u0309y; phối hợp với chính quyền.  ");
        sections.put("section4", long4.substring(0, 100_000));
        sections.put("section5", "Đánh giá tổng quát: kết quả, hạn chế, nguyên nhân và bài học kinh nghiệm — “đúng hạn”.");
        sections.put("section6", "Mục tiêu 2032: 100% doanh nghiệp đủ điều kiện có tổ chức đảng.");
        return Map.copyOf(sections);
    }

    private static OffsetDateTime due(String day) {
        return OffsetDateTime.parse(day + "T23:59:59+07:00");
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(time);
    }
}
