package vn.reviewcascade.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.reviewcascade.WorkbookText;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.DeadlineFormat;

/**
 * The dashboard's rates tables as an Excel workbook, in Vietnamese: one sheet per level, one per unit waiting for
 * reports (every one of the scope, not a page: a national campaign has about 3,400, well within a sheet).
 */
public final class RatesWorkbook {

    private static final String[] RATES = {"Phải báo cáo", "Đúng hạn", "Muộn", "Chưa nộp", "Quá hạn", "Đã nộp (%)"};

    private RatesWorkbook() {
    }

    public static byte[] write(Campaign campaign, CampaignRates rates, List<ParentRates> parents) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WorkbookText texts = new WorkbookText(workbook);
            CellStyle plain = workbook.getCellStyleAt(0);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            String title = "Tỉ lệ báo cáo – " + rates.scopeName() + " – đợt số " + campaign.id() + ", kế hoạch "
                    + campaign.planNumber() + ": " + campaign.title();

            Sheet levels = workbook.createSheet("Theo cấp");
            header(texts, levels, bold, title, "Cấp", "Hạn báo cáo");
            int row = 2;
            for (LevelRates level : rates.levels()) {
                Row line = levels.createRow(row++);
                texts.write(line, 0, level.levelName(), plain);
                texts.write(line, 1, DeadlineFormat.label(level.reportDue()), plain);
                rates(line, 2, level.rates());
            }
            Row total = levels.createRow(row);
            texts.write(total, 0, "Tổng", bold);
            rates(total, 2, rates.total());

            Sheet units = workbook.createSheet("Theo đơn vị nhận báo cáo");
            header(texts, units, bold, title, "Mã", "Đơn vị", "Cấp");
            row = 2;
            for (ParentRates parent : parents) {
                Row line = units.createRow(row++);
                texts.write(line, 0, parent.unitCode(), plain);
                texts.write(line, 1, parent.unitName(), plain);
                texts.write(line, 2, parent.levelName(), plain);
                rates(line, 3, parent.rates());
            }
            for (Sheet sheet : List.of(levels, units)) {
                for (int column = 0; column < 9; column++) {
                    sheet.setColumnWidth(column, 18 * 256);
                }
                sheet.createFreezePane(0, 2);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(WorkbookText texts, Sheet sheet, CellStyle bold, String title, String... columns) {
        texts.write(sheet.createRow(0), 0, title, bold);
        Row header = sheet.createRow(1);
        int column = 0;
        for (String name : columns) {
            texts.write(header, column++, name, bold);
        }
        for (String name : RATES) {
            texts.write(header, column++, name, bold);
        }
    }

    private static void rates(Row row, int first, Rates rates) {
        long[] values = {rates.expected(), rates.onTime(), rates.late(), rates.notYet(), rates.overdue()};
        for (int i = 0; i < values.length; i++) {
            row.createCell(first + i).setCellValue(values[i]);
        }
        long submitted = rates.onTime() + rates.late();
        row.createCell(first + values.length).setCellValue(rates.expected() == 0 ? 0
                : Math.round(1000.0 * submitted / rates.expected()) / 10.0);
    }
}
