package vn.reviewcascade.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.annex.AnnexWorkbook;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.document.WrittenDocument;
import vn.reviewcascade.document.WrittenDocuments;
import vn.reviewcascade.plan.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One KH 117 campaign over the test province, read through every output that rolls figures up: the report API, the
 * dashboard's drill-down API, the written document's annex, the unit's annex workbook and the campaign's. Each is
 * read back as its reader gets it and reduced to the same few facts — the parent's own figures, the subordinates'
 * sums, the differences, which subordinates are late additions and what each submitted one contributes — and every
 * output must give the facts worked out here by hand. An output that rolled up by a rule of its own would differ
 * from them in one of the cases set up: a subordinate not yet submitted, one on time, one after its parent
 * consolidated, a parent figure equal to the sum and others not, and a parent none of whose subordinates submitted.
 */
class OneRollupTest extends CascadeTestSupport {

    private static final String PASSWORD = "Mot-Cach-Cong-2030";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final Plan PLAN = TestPlans.kh117();
    private static final Map<String, String> CODES = Map.of("Đảng ủy xã Vĩnh Thái", "VL-A", "Đảng ủy xã Vĩnh Tú", "VL-B",
            "Đảng ủy xã Vĩnh Chấp", "VL-C", "Huyện ủy Vĩnh Linh", "VL", "Huyện ủy Cồn Cỏ", "CC");

    @Autowired TestRestTemplate anonymous;
    @Autowired WrittenDocuments writtenDocuments;

    /**
     * What every output must show of a parent's roll-up.
     *
     * @param totals        the subordinates' sum, every figure of the plan (0 where none gave it)
     * @param differences   own minus sum, only where they differ
     * @param lateAdditions the subordinates marked as late additions
     * @param contributions each submitted subordinate's figures
     */
    record Seen(Map<String, Long> own, Map<String, Long> totals, Map<String, Long> differences, Set<String> lateAdditions,
                Map<String, Map<String, Long>> contributions) {
    }

    @Test
    void everyOutputRollsUpAParentAsTheOthersDoWhateverItsSubordinatesDid() throws IOException {
        user("one.bdv", "one.bdv@thu.test", PASSWORD, "bdv-tu");
        TestRestTemplate board = anonymous.withBasicAuth("one.bdv", PASSWORD);
        Campaign campaign = start("TU");
        issueGuidance(campaign, "TU");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        runJobs(campaign);
        // The base units' deadline passes: Vĩnh Linh consolidates Vĩnh Thái's alone; Vĩnh Tú never reports.
        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobs(campaign);
        moveClockTo("2030-10-02T08:00:00+07:00");
        submitReport(campaign, "VL-C", draft(3));
        runJobs(campaign);
        // The districts' deadline for the province passes with neither district reported: the province consolidates
        // nothing and reports figures of its own.
        moveClockTo("2030-11-11T08:00:00+07:00");
        runJobs(campaign);
        submitReport(campaign, "TU", draft(7));
        runJobs(campaign);

        assertEveryOutputShows(board, campaign, "TU",
                new Seen(scaled(7), scaled(0), scaled(7), Set.of(), Map.of()));

        // Vĩnh Linh reports after the province consolidated: a late addition to it. Its pre-filled figures are
        // Vĩnh Thái's; it gives the enterprises as the sum with Vĩnh Chấp (40) and its own count of party members.
        moveClockTo("2030-11-12T08:00:00+07:00");
        Map<String, Object> district = new HashMap<>(sections());
        district.put("enterprises", 40);
        district.put("partyMembers", 65);
        submitReport(campaign, "VL", district);
        runJobs(campaign);

        Map<String, Long> vinhLinh = with(scaled(1), "enterprises", 40, "partyMembers", 65);
        Map<String, Long> vinhLinhDifferences = with(shifted(-30, -6), "partyMembers", 25);
        vinhLinhDifferences.remove("enterprises");
        assertEveryOutputShows(board, campaign, "VL", new Seen(vinhLinh, scaled(4), vinhLinhDifferences, Set.of("VL-C"),
                Map.of("VL-A", scaled(1), "VL-C", scaled(3))));
        assertThat(lateAdditionsOnTheDashboard(board, campaign, "VL")).as("the late part of each sum").isEqualTo(scaled(3));

        assertEveryOutputShows(board, campaign, "TU", new Seen(scaled(7), vinhLinh,
                with(shifted(60, 12), "enterprises", 30, "partyMembers", 5), Set.of("VL"), Map.of("VL", vinhLinh)));
        assertThat(lateAdditionsOnTheDashboard(board, campaign, "TU")).isEqualTo(vinhLinh);
    }

    private void assertEveryOutputShows(TestRestTemplate http, Campaign campaign, String parent, Seen expected)
            throws IOException {
        assertThat(reportApi(http, campaign, parent)).as("the report API of " + parent).isEqualTo(expected);
        assertThat(dashboard(http, campaign, parent)).as("the dashboard of " + parent).isEqualTo(expected);
        assertThat(writtenDocument(campaign, parent)).as("the written document of " + parent).isEqualTo(expected);
        List<String> subordinates = expectedSubordinates(parent);
        assertThat(workbook(download(http, "/api/campaigns/" + campaign.id() + "/units/" + parent + "/annex.xlsx"),
                parent, subordinates)).as("the annex workbook of " + parent).isEqualTo(expected);
        assertThat(workbook(download(http, "/api/campaigns/" + campaign.id() + "/annex.xlsx"), parent, subordinates))
                .as("the campaign's annex workbook, at " + parent).isEqualTo(expected);
    }

    private static List<String> expectedSubordinates(String parent) {
        return parent.equals("TU") ? List.of("CC", "VL") : List.of("VL-A", "VL-B", "VL-C");
    }

    private Seen reportApi(TestRestTemplate http, Campaign campaign, String unit) {
        Map<String, Object> report = get(http, "/api/campaigns/" + campaign.id() + "/units/" + unit + "/report");
        Set<String> late = new TreeSet<>();
        Map<String, Map<String, Long>> contributions = new HashMap<>();
        for (Map<String, Object> sub : list(report.get("subordinates"))) {
            if (Boolean.TRUE.equals(sub.get("lateAddition"))) {
                late.add((String) sub.get("unitCode"));
            }
            if (sub.get("submittedAt") != null) {
                contributions.put((String) sub.get("unitCode"), longs(sub.get("figures")));
            }
        }
        return new Seen(longs(report.get("figures")), everyFigure(longs(report.get("subordinateTotals"))),
                longs(report.get("differences")), late, contributions);
    }

    private Seen dashboard(TestRestTemplate http, Campaign campaign, String unit) {
        Map<String, Object> drillDown = get(http, "/api/campaigns/" + campaign.id() + "/units/" + unit + "/dashboard");
        Map<String, Long> own = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        Map<String, Long> differences = new HashMap<>();
        for (Map<String, Object> line : list(drillDown.get("figures"))) {
            String key = (String) line.get("key");
            if (line.get("own") != null) {
                own.put(key, ((Number) line.get("own")).longValue());
            }
            totals.put(key, ((Number) line.get("subordinates")).longValue());
            if (line.get("difference") != null) {
                differences.put(key, ((Number) line.get("difference")).longValue());
            }
        }
        Set<String> late = new TreeSet<>();
        Map<String, Map<String, Long>> contributions = new HashMap<>();
        for (Map<String, Object> contribution : list(drillDown.get("contributions"))) {
            if (Boolean.TRUE.equals(contribution.get("lateAddition"))) {
                late.add((String) contribution.get("unitCode"));
            }
            contributions.put((String) contribution.get("unitCode"), longs(contribution.get("figures")));
        }
        return new Seen(own, totals, differences, late, contributions);
    }

    private Map<String, Long> lateAdditionsOnTheDashboard(TestRestTemplate http, Campaign campaign, String unit) {
        Map<String, Long> late = new HashMap<>();
        for (Map<String, Object> line : list(get(http, "/api/campaigns/" + campaign.id() + "/units/" + unit
                + "/dashboard").get("figures"))) {
            late.put((String) line.get("key"), ((Number) line.get("lateAddition")).longValue());
        }
        return late;
    }

    /** The draft as it stands, read from the model the PDF and DOCX are both rendered from. */
    private Seen writtenDocument(Campaign campaign, String unit) {
        WrittenDocument document = writtenDocuments.compose(campaign.id(), unit, DocumentKind.REPORT, null, null);
        assertThat(document.annex().rolledUp()).isTrue();
        Map<String, Long> own = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        Map<String, Long> differences = new HashMap<>();
        Set<String> late = new TreeSet<>();
        Map<String, Map<String, Long>> contributions = new HashMap<>();
        for (WrittenDocument.Table table : document.annex().tables()) {
            for (WrittenDocument.Row row : table.rows()) {
                Map<String, Long> values = new HashMap<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    if (row.values().get(i) != null) {
                        values.put(key(table.columns().get(i).label()), row.values().get(i));
                    }
                }
                switch (row.kind()) {
                    case OWN -> own.putAll(values);
                    case TOTAL -> totals.putAll(values);
                    case DIFFERENCE -> differences.putAll(values);
                    case SUBORDINATE -> {
                        String name = row.label().replace(" – chưa gửi báo cáo", "").replace(Rollup.LATE_ADDITION_MARK, "");
                        if (row.label().contains(Rollup.LATE_ADDITION_MARK)) {
                            late.add(CODES.get(name));
                        }
                        if (!row.label().endsWith(" – chưa gửi báo cáo")) {
                            contributions.computeIfAbsent(CODES.get(name), code -> new HashMap<>()).putAll(values);
                        }
                    }
                }
            }
        }
        assertThat(document.annex().notes().contains(Rollup.LATE_ADDITION_NOTE)).isEqualTo(!late.isEmpty());
        return new Seen(own, totals, differences, late, contributions);
    }

    /**
     * The parent's row (its figures, the differences listed in its note and marked yellow), the subtotal row right
     * under it, and its subordinates' rows (a late addition's name marked, a submitted one's figures).
     */
    private static Seen workbook(byte[] xlsx, String parent, List<String> subordinates) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(AnnexWorkbook.SHEET);
            Row parentRow = row(sheet, parent);
            Map<String, Long> differences = new HashMap<>();
            String note = note(parentRow);
            if (note.contains(AnnexWorkbook.DIFFERENCE_NOTE)) {
                for (String change : note.substring(note.indexOf(AnnexWorkbook.DIFFERENCE_NOTE)
                        + AnnexWorkbook.DIFFERENCE_NOTE.length()).split("; ")) {
                    int space = change.lastIndexOf(' ');
                    differences.put(key(change.substring(0, space)), Long.parseLong(change.substring(space + 1).replace("+", "")));
                }
            }
            for (int i = 0; i < PLAN.indicators().size(); i++) {
                String key = PLAN.indicators().get(i).key();
                assertThat(parentRow.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + i).getCellStyle().getFillForegroundColor())
                        .as("a cell is yellow where the note lists a difference: " + key)
                        .isEqualTo(differences.containsKey(key) ? IndexedColors.LIGHT_YELLOW.getIndex()
                                : IndexedColors.AUTOMATIC.getIndex());
            }
            Row subtotal = sheet.getRow(parentRow.getRowNum() + 1);
            assertThat(subtotal.getCell(0).getStringCellValue()).startsWith(AnnexWorkbook.SUBTOTAL_LABEL);
            Set<String> late = new TreeSet<>();
            Map<String, Map<String, Long>> contributions = new HashMap<>();
            for (String code : subordinates) {
                Row row = row(sheet, code);
                if (row.getCell(0).getStringCellValue().endsWith(Rollup.LATE_ADDITION_MARK)) {
                    late.add(code);
                }
                if (!note(row).contains(AnnexWorkbook.NOT_REPORTED)) {
                    contributions.put(code, figures(row));
                }
            }
            return new Seen(figures(parentRow), figures(subtotal), differences, late, contributions);
        }
    }

    private static Map<String, Long> figures(Row row) {
        Map<String, Long> figures = new HashMap<>();
        for (int i = 0; i < PLAN.indicators().size(); i++) {
            Cell cell = row.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + i);
            if (cell.getCellType() == CellType.NUMERIC) {
                figures.put(PLAN.indicators().get(i).key(), (long) cell.getNumericCellValue());
            }
        }
        return figures;
    }

    private static Row row(Sheet sheet, String code) {
        for (int r = AnnexWorkbook.FIRST_UNIT_ROW; sheet.getRow(r) != null; r++) {
            if (sheet.getRow(r).getCell(1).getStringCellValue().equals(code)) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("No row for " + code);
    }

    private static String note(Row row) {
        return row.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + PLAN.indicators().size()).getStringCellValue();
    }

    private static String key(String label) {
        return PLAN.indicators().stream().filter(indicator -> indicator.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No figure labelled " + label)).key();
    }

    private byte[] download(TestRestTemplate http, String path) {
        ResponseEntity<byte[]> response = http.getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Map<String, Object> get(TestRestTemplate http, String path) {
        ResponseEntity<Map<String, Object>> response = http.exchange(path, HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** What {@code draft(scale)} gives: every whole figure 10 × scale, every part 2 × scale. */
    private static Map<String, Long> scaled(long scale) {
        return shifted(10 * scale, 2 * scale);
    }

    private static Map<String, Long> shifted(long whole, long part) {
        Map<String, Long> figures = new TreeMap<>();
        PLAN.indicators().forEach(indicator -> figures.put(indicator.key(), indicator.partOf() == null ? whole : part));
        return figures;
    }

    private static Map<String, Long> with(Map<String, Long> figures, String key, long figure, String otherKey,
                                          long otherFigure) {
        Map<String, Long> changed = new TreeMap<>(figures);
        changed.put(key, figure);
        changed.put(otherKey, otherFigure);
        return changed;
    }

    private static Map<String, Long> with(Map<String, Long> figures, String key, long figure) {
        Map<String, Long> changed = new TreeMap<>(figures);
        changed.put(key, figure);
        return changed;
    }

    private static Map<String, Long> everyFigure(Map<String, Long> totals) {
        Map<String, Long> all = new HashMap<>();
        PLAN.indicators().forEach(indicator -> all.put(indicator.key(), totals.getOrDefault(indicator.key(), 0L)));
        return all;
    }

    private static Map<String, Long> longs(Object json) {
        Map<String, Long> figures = new LinkedHashMap<>();
        if (json != null) {
            ((Map<?, ?>) json).forEach((key, value) -> figures.put((String) key, ((Number) value).longValue()));
        }
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object json) {
        return (List<Map<String, Object>>) json;
    }
}
