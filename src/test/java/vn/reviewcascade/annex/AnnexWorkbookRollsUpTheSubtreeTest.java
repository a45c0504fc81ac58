package vn.reviewcascade.annex;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.Rollup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KH 117 campaign over the test province, run until the district has consolidated (one base unit late) and
 * submitted with a changed figure, while the other district is still drafting: the annex workbook, downloaded over
 * HTTP and read back with POI, shows for every unit exactly what the report API shows, and is refused to a sibling.
 */
class AnnexWorkbookRollsUpTheSubtreeTest extends CascadeTestSupport {

    private static final String PASSWORD = "Phu-Luc-So-Lieu-2030";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final Plan PLAN = TestPlans.kh117();

    @Autowired TestRestTemplate anonymous;
    private Campaign campaign;

    @BeforeEach
    void runTheCascadeUntilTheDistrictSubmitted() {
        user("ax.vl.td", "ax.vl.td@thu.test", PASSWORD, "VL.reviewers");
        user("ax.cc.dt", "ax.cc.dt@thu.test", PASSWORD, "CC.drafters");
        user("ax.bdv", "ax.bdv@thu.test", PASSWORD, "bdv-tu");
        campaign = start("TU");
        issueGuidance(campaign, "TU");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        submitReport(campaign, "VL-B", draft(2));
        runJobs(campaign);
        // The base units' deadline passes: the district consolidates what it has, Vĩnh Chấp reports after that.
        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobs(campaign);
        moveClockTo("2030-10-02T08:00:00+07:00");
        submitReport(campaign, "VL-C", draft(3));
        runJobs(campaign);
        Map<String, Object> district = new HashMap<>(sections());
        district.put("partyMembers", 65);
        submitReport(campaign, "VL", district);
        runJobs(campaign);
        moveClockTo("2030-10-02T09:30:00+07:00");
    }

    @Test
    void theDistrictsWorkbookShowsEveryUnitAsTheReportApiDoesWithSubtotalsDifferencesAndLateAdditions() throws IOException {
        TestRestTemplate district = anonymous.withBasicAuth("ax.vl.td", PASSWORD);
        ResponseEntity<byte[]> response = district.getForEntity(annex("/units/VL"), byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).hasToString(AnnexWorkbook.CONTENT_TYPE);
        assertThat(URLDecoder.decode(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION), StandardCharsets.UTF_8))
                .startsWith("attachment").contains("Phụ lục số liệu – Huyện ủy Vĩnh Linh – đợt " + campaign.id() + ".xlsx");
        Path out = Path.of("target", "documents");
        Files.createDirectories(out);
        Files.write(out.resolve("vl-annex.xlsx"), response.getBody());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheet(AnnexWorkbook.SHEET);
            assertThat(sheet).as("the sheet is named in Vietnamese").isNotNull();
            assertThat(text(sheet, 1, 0)).contains("Kế hoạch số 117-KH/TU").contains(PLAN.title());
            assertThat(text(sheet, 2, 0)).contains(campaign.title()).contains("năm 2030");
            assertThat(text(sheet, 3, 0)).contains("Huyện ủy Vĩnh Linh");
            assertThat(text(sheet, 4, 0)).contains("Số liệu tính đến 09:30 ngày 02/10/2030 (giờ Việt Nam)");
            Row labels = sheet.getRow(AnnexWorkbook.FIRST_UNIT_ROW - 1);
            for (int i = 0; i < PLAN.indicators().size(); i++) {
                Plan.Indicator indicator = PLAN.indicators().get(i);
                assertThat(labels.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + i).getStringCellValue())
                        .contains(indicator.label());
                assertThat(labels.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + i).getStringCellValue().toLowerCase())
                        .as("a part reads \"trong đó\" once").startsWith(indicator.partOf() != null ? "trong đó: " : "")
                        .doesNotContain("trong đó: trong đó");
                assertThat(text(sheet, AnnexWorkbook.HEADING_ROWS, AnnexWorkbook.FIRST_FIGURE_COLUMN + i))
                        .isEqualTo(indicator.group());
            }

            assertThat(codes(sheet)).as("depth first, a subtotal under the parent")
                    .containsExactly("VL", "", "VL-A", "VL-B", "VL-C");
            Map<String, Object> vl = report(district, "VL");
            for (String unit : List.of("VL", "VL-A", "VL-B", "VL-C")) {
                Row row = row(sheet, unit);
                Map<String, Object> figures = figures(report(district, unit), "figures");
                assertThat(figures).as(unit + " has reported").isNotEmpty();
                for (int i = 0; i < PLAN.indicators().size(); i++) {
                    Cell cell = row.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + i);
                    assertThat(cell.getCellType()).as("figures are numbers").isEqualTo(CellType.NUMERIC);
                    assertThat((long) cell.getNumericCellValue()).as(unit + " " + PLAN.indicators().get(i).key())
                            .isEqualTo(((Number) figures.get(PLAN.indicators().get(i).key())).longValue());
                }
                assertThat(row.getCell(0).getCellStyle().getIndention()).isEqualTo((short) (unit.equals("VL") ? 0 : 1));
            }

            Row subtotal = sheet.getRow(AnnexWorkbook.FIRST_UNIT_ROW + 1);
            assertThat(subtotal.getCell(0).getStringCellValue()).isEqualTo(AnnexWorkbook.SUBTOTAL_LABEL + " Huyện ủy Vĩnh Linh");
            Map<String, Object> totals = figures(vl, "subordinateTotals");
            for (int i = 0; i < PLAN.indicators().size(); i++) {
                Cell cell = subtotal.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + i);
                assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) cell.getNumericCellValue()).isEqualTo(
                        ((Number) totals.getOrDefault(PLAN.indicators().get(i).key(), 0)).longValue());
            }
            int partyMembers = PLAN.indicators().indexOf(PLAN.indicator("partyMembers").orElseThrow());
            assertThat((long) subtotal.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + partyMembers).getNumericCellValue())
                    .as("the late report is counted").isEqualTo(60);

            Map<String, Object> differences = figures(vl, "differences");
            assertThat(differences).containsEntry("partyMembers", 5);
            Row own = row(sheet, "VL");
            for (int i = 0; i < PLAN.indicators().size(); i++) {
                boolean differs = differences.containsKey(PLAN.indicators().get(i).key());
                assertThat(own.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + i).getCellStyle().getFillForegroundColor())
                        .as("only a figure that differs from the sum is marked")
                        .isEqualTo(differs ? IndexedColors.LIGHT_YELLOW.getIndex() : IndexedColors.AUTOMATIC.getIndex());
            }
            assertThat(note(sheet, own)).startsWith(AnnexWorkbook.DIFFERENCE_NOTE).contains("; Đảng viên trong doanh nghiệp +5;");

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> subordinates = (List<Map<String, Object>>) vl.get("subordinates");
            assertThat(subordinates).filteredOn(sub -> Boolean.TRUE.equals(sub.get("lateAddition")))
                    .extracting(sub -> sub.get("unitCode")).as("the report API's late additions").containsExactly("VL-C");
            assertThat(row(sheet, "VL-C").getCell(0).getStringCellValue()).endsWith(Rollup.LATE_ADDITION_MARK);
            assertThat(note(sheet, row(sheet, "VL-C"))).contains(Rollup.LATE_ADDITION_NOTE);
            assertThat(row(sheet, "VL-A").getCell(0).getStringCellValue()).doesNotContain("(*)");
            assertThat(legend(sheet)).contains(Rollup.LATE_ADDITION_NOTE);
        }
    }

    @Test
    void aSiblingDistrictIsRefusedInVietnameseAndTheCampaignsWorkbookIsOnlyForThoseWhoReadItsRoot() throws IOException {
        ResponseEntity<Map<String, Object>> sibling = anonymous.withBasicAuth("ax.cc.dt", PASSWORD)
                .exchange(annex("/units/VL"), HttpMethod.GET, null, JSON);
        assertThat(sibling.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(sibling.getBody()).containsEntry("message", "Bạn không có quyền xem báo cáo của Huyện ủy Vĩnh Linh");
        assertThat(anonymous.withBasicAuth("ax.vl.td", PASSWORD).getForEntity(annex(""), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<byte[]> whole = anonymous.withBasicAuth("ax.bdv", PASSWORD).getForEntity(annex(""), byte[].class);
        assertThat(whole.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(whole.getBody()))) {
            Sheet sheet = workbook.getSheet(AnnexWorkbook.SHEET);
            assertThat(codes(sheet)).containsExactly("TU", "", "CC", "VL", "", "VL-A", "VL-B", "VL-C");
            assertThat(row(sheet, "VL-A").getCell(0).getCellStyle().getIndention()).isEqualTo((short) 2);
            Row drafting = row(sheet, "CC");
            assertThat(note(sheet, drafting)).contains(AnnexWorkbook.NOT_REPORTED);
            for (int i = 0; i < PLAN.indicators().size(); i++) {
                Cell cell = drafting.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + i);
                assertThat(cell.getCellType()).as("a unit that has not reported has no figures").isEqualTo(CellType.BLANK);
            }
            assertThat(note(sheet, sheet.getRow(AnnexWorkbook.FIRST_UNIT_ROW + 1))).isEqualTo("Đã gửi báo cáo 1/2 đơn vị trực thuộc");
        }
    }

    @Test
    void aBaseUnitsWorkbookIsItsOwnRowAndAnUnknownUnitIsNotFound() throws IOException {
        TestRestTemplate district = anonymous.withBasicAuth("ax.vl.td", PASSWORD);
        ResponseEntity<byte[]> response = district.getForEntity(annex("/units/VL-A"), byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheet(AnnexWorkbook.SHEET);
            assertThat(text(sheet, 3, 0)).isEqualTo("Đơn vị: Đảng ủy xã Vĩnh Thái");
            assertThat(codes(sheet)).containsExactly("VL-A");
            assertThat(note(sheet, row(sheet, "VL-A"))).isEmpty();
        }
        ResponseEntity<Map<String, Object>> unknown = district.exchange(annex("/units/KHONG-CO"), HttpMethod.GET, null, JSON);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("message", "Không có đơn vị 'KHONG-CO' trong đợt số " + campaign.id());
    }

    private String annex(String unitPath) {
        return "/api/campaigns/" + campaign.id() + unitPath + "/annex.xlsx";
    }

    private Map<String, Object> report(TestRestTemplate http, String unit) {
        ResponseEntity<Map<String, Object>> response = http.exchange(
                "/api/campaigns/" + campaign.id() + "/units/" + unit + "/report", HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(Map<String, Object> report, String key) {
        return (Map<String, Object>) report.getOrDefault(key, Map.of());
    }

    /** The code column of the unit and subtotal rows, down to the blank row before the legend. */
    private static List<String> codes(Sheet sheet) {
        List<String> codes = new ArrayList<>();
        for (int r = AnnexWorkbook.FIRST_UNIT_ROW; sheet.getRow(r) != null; r++) {
            codes.add(sheet.getRow(r).getCell(1).getStringCellValue());
        }
        return codes;
    }

    private static Row row(Sheet sheet, String code) {
        for (int r = AnnexWorkbook.FIRST_UNIT_ROW; sheet.getRow(r) != null; r++) {
            if (sheet.getRow(r).getCell(1).getStringCellValue().equals(code)) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("No row for " + code);
    }

    private static String note(Sheet sheet, Row row) {
        return row.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN + PLAN.indicators().size()).getStringCellValue();
    }

    private static List<String> legend(Sheet sheet) {
        List<String> lines = new ArrayList<>();
        for (int r = sheet.getLastRowNum(); sheet.getRow(r) != null; r--) {
            lines.add(sheet.getRow(r).getCell(0).getStringCellValue());
        }
        return lines;
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }
}
