package vn.reviewcascade;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.reviewcascade.annex.AnnexWorkbook;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.dashboard.CampaignRates;
import vn.reviewcascade.dashboard.LevelRates;
import vn.reviewcascade.dashboard.ParentRates;
import vn.reviewcascade.dashboard.RatesWorkbook;
import vn.reviewcascade.dashboard.Rates;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.plan.PlanReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the annex and rates workbooks write a unit's name, a plan's group titles, labels and level names, a
 * campaign's title as the people who set them up typed them. Each here begins as a formula would (OWASP's = + - @,
 * tab, carriage return); read back with POI, every such cell is a string cell, quote-prefixed, holding the text as
 * written, every other text cell is as before, no cell is a formula, and figures stay numbers.
 */
class WorkbookTextTest {

    private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x\",\"y\")", "+SUM(1,2)", "-2+3",
            "@SUM(1,2)", "\t=1+1", "\r=cmd|' /C calc'!A0");
    private static final String LEADING = "=+-@\t\r";

    /** KH 117 with a group title, labels and level names that begin as formulas, one for each first character. */
    private final Plan plan = PlanReader.read(TestPlans.text("plans/117-KH-TU.yaml")
            .replaceFirst("(?m)^title: .*$", Matcher.quoteReplacement("title: " + yaml(FORMULAS.get(0) + " Sơ kết")))
            .replace("- title: Doanh nghiệp ngoài nhà nước", "- title: " + yaml(FORMULAS.get(0)))
            .replace("label: Tổng số doanh nghiệp ngoài nhà nước,", "label: " + yaml(FORMULAS.get(1)) + ",")
            .replace("label: Tổ chức đảng trong doanh nghiệp,", "label: " + yaml(FORMULAS.get(2)) + ",")
            .replace("label: Đảng viên trong doanh nghiệp,", "label: " + yaml(FORMULAS.get(3)) + ",")
            .replace("name: cấp huyện", "name: " + yaml(FORMULAS.get(4)))
            .replace("name: cấp cơ sở", "name: " + yaml(FORMULAS.get(5))), 1);

    @Test
    void theAnnexWorkbookWritesNoTextThatEditsIntoAFormula() throws IOException {
        List<String> levels = plan.levels().stream().map(Plan.Level::name).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AnnexWorkbook workbook = new AnnexWorkbook(new AnnexWorkbook.Heading(plan, FORMULAS.get(3), 2030,
                FORMULAS.get(0), true, Instant.parse("2030-10-02T02:30:00Z")))) {
            for (int i = 0; i < FORMULAS.size(); i++) {
                workbook.unit(new AnnexWorkbook.UnitLine(1, FORMULAS.get(i), "VL-" + i, levels.get(i % levels.size()),
                        "Đã ban hành", true, false, Map.of("enterprises", 10L + i), Map.of()));
            }
            workbook.finish(out);
        }

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> quoted = quotedTexts(read);
            assertThat(quoted).containsAll(FORMULAS).contains(levels.get(1), levels.get(2))
                    .contains(plan.annex().groups().get(0).title(), plan.indicator("enterprises").orElseThrow().label());
            Row first = read.getSheet(AnnexWorkbook.SHEET).getRow(AnnexWorkbook.FIRST_UNIT_ROW);
            Cell figure = first.getCell(AnnexWorkbook.FIRST_FIGURE_COLUMN);
            assertThat(figure.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(figure.getNumericCellValue()).isEqualTo(10.0);
            assertThat(figure.getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void theRatesWorkbookWritesNoTextThatEditsIntoAFormula() throws IOException {
        Campaign campaign = new Campaign(7, plan, FORMULAS.get(0), "TU", 2030, null, Map.of(), Instant.EPOCH, "bdv");
        Rates rates = new Rates(3, 1, 1, 1, 0);
        List<LevelRates> levels = plan.levels().stream()
                .map(level -> new LevelRates(level.key(), level.name(), Instant.parse("2030-09-30T16:59:00Z"), rates)).toList();
        List<ParentRates> parents = new ArrayList<>();
        for (int i = 0; i < FORMULAS.size(); i++) {
            parents.add(new ParentRates("P-" + i, FORMULAS.get(i), "DISTRICT", FORMULAS.get(4), rates));
        }

        byte[] file = RatesWorkbook.write(campaign, new CampaignRates(7, "TU", FORMULAS.get(2), rates, levels, null), parents);

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(quotedTexts(read)).containsAll(FORMULAS);
            Cell expected = read.getSheetAt(1).getRow(2).getCell(3);
            assertThat(expected.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(expected.getNumericCellValue()).isEqualTo(3.0);
        }
    }

    /**
     * The texts of the workbook's quote-prefixed cells, after checking every cell: none is a formula, and a text cell
     * is quote-prefixed exactly when its text begins as a formula would.
     */
    private static List<String> quotedTexts(XSSFWorkbook workbook) {
        List<String> quoted = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String where = sheet.getSheetName() + "!" + cell.getAddress();
                    assertThat(cell.getCellType()).as(where).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING) {
                        String text = cell.getStringCellValue();
                        boolean leading = !text.isEmpty() && LEADING.indexOf(text.charAt(0)) >= 0;
                        assertThat(cell.getCellStyle().getQuotePrefixed()).as(where + " «" + text + "»").isEqualTo(leading);
                        if (leading) {
                            quoted.add(text);
                        }
                    }
                }
            }
        }
        return quoted;
    }

    /** A YAML double-quoted string: quotes, backslashes, tabs and carriage returns escaped. */
    private static String yaml(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\r", "\\r") + "\"";
    }
}
