package vn.reviewcascade.annex;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.reviewcascade.WorkbookText;
import vn.reviewcascade.campaign.DeadlineFormat;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.Rollup;

/**
 * The annex of a subtree as an Excel workbook, written as it is fed: one row per unit, top down, a subtotal row
 * under each parent, then the parent's subordinates. Only a few rows stay in memory ({@link #ROW_WINDOW}); the rest
 * go to a temporary file that {@link #finish} copies to the output, so a national campaign costs the same heap as
 * a district's. Everything a reader sees is Vietnamese; figures are numeric cells, so sums can be checked in Excel.
 */
public final class AnnexWorkbook implements AutoCloseable {

    public static final String SHEET = "Phụ lục số liệu";
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows kept in memory before they are flushed to the temporary file. */
    static final int ROW_WINDOW = 100;
    /** Columns before the figures: unit, code, level, status. */
    public static final int FIRST_FIGURE_COLUMN = 4;
    /** Rows of the heading above the column headers. */
    public static final int HEADING_ROWS = 6;
    /** The first row of units (zero-based): below the heading and the two rows of column headers. */
    public static final int FIRST_UNIT_ROW = HEADING_ROWS + 2;
    /** Excel shows at most 15 steps of indentation. */
    private static final int MAX_INDENT = 15;

    private static final String PART = "trong đó: ";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    public static final String SUBTOTAL_LABEL = "Cộng các đơn vị trực thuộc";
    public static final String NOT_REPORTED = "Chưa gửi báo cáo";
    public static final String DIFFERENCE_NOTE = "Chênh lệch so với cộng các đơn vị trực thuộc: ";

    /**
     * The heading: which plan, campaign and unit, and the moment the figures were read.
     *
     * @param withSubordinates whether units below the unit take part (the heading then names them too)
     */
    public record Heading(Plan plan, String campaignTitle, int campaignYear, String unitName, boolean withSubordinates,
                          Instant cutOff) {
    }

    /**
     * A unit's row.
     *
     * @param depth       how far below the top of the subtree (0 for the top)
     * @param figures     its submitted figures; empty if it has not reported
     * @param differences own figure minus its subordinates' sum, where they differ
     */
    public record UnitLine(int depth, String name, String code, String levelName, String statusLabel, boolean reported,
                           boolean lateAddition, Map<String, Long> figures, Map<String, Long> differences) {
    }

    /** The subtotal row under a parent: the sum of its subordinates' submitted figures, late ones included. */
    public record SubtotalLine(int depth, String parentName, int subordinates, int reported, Map<String, Long> totals) {
    }

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
    private final WorkbookText texts = new WorkbookText(workbook);
    private final SXSSFSheet sheet;
    private final List<Plan.Indicator> indicators;
    private final int noteColumn;
    private final Styles styles;
    private int nextRow;
    private boolean lateAdditions;
    private boolean differences;
    private boolean notReported;

    public AnnexWorkbook(Heading heading) {
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(SHEET);
        indicators = heading.plan().indicators();
        noteColumn = FIRST_FIGURE_COLUMN + indicators.size();
        styles = new Styles();
        heading(heading);
        columnHeaders(heading.plan());
    }

    public void unit(UnitLine line) {
        Row row = sheet.createRow(nextRow++);
        boolean muted = !line.reported();
        texts.write(row, 0, line.name() + (line.lateAddition() ? Rollup.LATE_ADDITION_MARK : ""),
                styles.name(line.depth(), muted ? Kind.MUTED : Kind.PLAIN));
        CellStyle text = muted ? styles.mutedText : styles.text;
        texts.write(row, 1, line.code(), text);
        texts.write(row, 2, line.levelName(), text);
        texts.write(row, 3, line.statusLabel(), text);
        List<String> notes = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            Plan.Indicator indicator = indicators.get(i);
            Long difference = line.differences().get(indicator.key());
            Long figure = line.figures().get(indicator.key());
            Cell cell = row.createCell(FIRST_FIGURE_COLUMN + i);
            cell.setCellStyle(difference != null ? styles.differenceNumber : muted ? styles.mutedText : styles.number);
            if (figure != null) {
                cell.setCellValue(figure);
            }
            if (difference != null) {
                changed.add(indicator.label() + " " + (difference > 0 ? "+" : "") + difference);
            }
        }
        if (muted) {
            notes.add(NOT_REPORTED);
            notReported = true;
        }
        if (line.lateAddition()) {
            notes.add(Rollup.LATE_ADDITION_NOTE);
            lateAdditions = true;
        }
        if (!changed.isEmpty()) {
            notes.add(DIFFERENCE_NOTE + String.join("; ", changed));
            differences = true;
        }
        texts.write(row, noteColumn, String.join(" ", notes), muted ? styles.mutedText : styles.text);
    }

    public void subtotal(SubtotalLine line) {
        Row row = sheet.createRow(nextRow++);
        texts.write(row, 0, SUBTOTAL_LABEL + " " + line.parentName(), styles.name(line.depth() + 1, Kind.SUBTOTAL));
        for (int column = 1; column < FIRST_FIGURE_COLUMN; column++) {
            texts.write(row, column, "", styles.subtotalText);
        }
        for (int i = 0; i < indicators.size(); i++) {
            Cell cell = row.createCell(FIRST_FIGURE_COLUMN + i);
            cell.setCellStyle(styles.subtotalNumber);
            cell.setCellValue(line.totals().getOrDefault(indicators.get(i).key(), 0L));
        }
        texts.write(row, noteColumn,
                "Đã gửi báo cáo %d/%d đơn vị trực thuộc".formatted(line.reported(), line.subordinates()), styles.subtotalText);
    }

    /** Explains the marks used, then writes the workbook to the output, which stays open. */
    public void finish(OutputStream out) throws IOException {
        nextRow++;
        legend("Dòng \"" + SUBTOTAL_LABEL + "\": tổng số liệu các đơn vị trực thuộc đã gửi báo cáo, kể cả báo cáo gửi muộn; "
                + "ô để trống là đơn vị chưa báo cáo chỉ tiêu đó.");
        if (differences) {
            legend("Ô tô vàng: số liệu đơn vị báo cáo khác với cộng các đơn vị trực thuộc; xem cột Ghi chú.");
        }
        if (lateAdditions) {
            legend(Rollup.LATE_ADDITION_NOTE);
        }
        if (notReported) {
            legend("Dòng chữ nghiêng màu xám: đơn vị chưa gửi báo cáo, chưa có số liệu.");
        }
        workbook.write(out);
    }

    /** Deletes the temporary file the rows were flushed to. */
    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }

    private void heading(Heading heading) {
        Plan plan = heading.plan();
        texts.write(sheet.createRow(0), 0, "PHỤ LỤC SỐ LIỆU", styles.title);
        texts.write(sheet.createRow(1), 0,
                "Kế hoạch số " + plan.number() + " (phiên bản " + plan.version() + "): " + plan.title(), styles.plain);
        texts.write(sheet.createRow(2), 0, "Đợt: " + heading.campaignTitle() + ", năm " + heading.campaignYear(),
                styles.plain);
        texts.write(sheet.createRow(3), 0,
                "Đơn vị: " + heading.unitName() + (heading.withSubordinates() ? " và các đơn vị trực thuộc" : ""), styles.plain);
        texts.write(sheet.createRow(4), 0, "Số liệu tính đến " + DeadlineFormat.label(heading.cutOff())
                + " (giờ Việt Nam); chỉ tính các báo cáo đã gửi.", styles.plain);
        nextRow = HEADING_ROWS;
    }

    /** Two rows: the plan's groups over their figures; parts of a figure read "trong đó: …", with what they count. */
    private void columnHeaders(Plan plan) {
        Row groups = sheet.createRow(nextRow);
        Row labels = sheet.createRow(nextRow + 1);
        String[] fixed = {"Đơn vị", "Mã đơn vị", "Cấp", "Tình trạng"};
        for (int column = 0; column < fixed.length; column++) {
            headerCell(groups, column, fixed[column]);
            headerCell(labels, column, "");
            sheet.addMergedRegion(new CellRangeAddress(nextRow, nextRow + 1, column, column));
        }
        int column = FIRST_FIGURE_COLUMN;
        for (Plan.Group group : plan.annex().groups()) {
            int first = column;
            for (Plan.Indicator indicator : group.indicators()) {
                headerCell(groups, column, group.title());
                headerCell(labels, column, partLabel(indicator) + (indicator.unit() == null ? "" : " (" + indicator.unit() + ")"));
                sheet.setColumnWidth(column, 16 * 256);
                column++;
            }
            if (column - first > 1) {
                sheet.addMergedRegion(new CellRangeAddress(nextRow, nextRow, first, column - 1));
            }
        }
        headerCell(groups, noteColumn, "Ghi chú");
        headerCell(labels, noteColumn, "");
        sheet.addMergedRegion(new CellRangeAddress(nextRow, nextRow + 1, noteColumn, noteColumn));
        labels.setHeightInPoints(75);
        sheet.setColumnWidth(0, 60 * 256);
        sheet.setColumnWidth(1, 14 * 256);
        sheet.setColumnWidth(2, 18 * 256);
        sheet.setColumnWidth(3, 24 * 256);
        sheet.setColumnWidth(noteColumn, 70 * 256);
        nextRow += 2;
        sheet.createFreezePane(1, nextRow);
    }

    /** A part reads "trong đó: …" under its whole, unless the plan's label already says so ("Trong đó: đảng bộ"). */
    private static String partLabel(Plan.Indicator indicator) {
        boolean saysSo = indicator.label().toLowerCase(VIETNAMESE).startsWith(PART);
        return indicator.partOf() != null && !saysSo ? PART + indicator.label() : indicator.label();
    }

    private void legend(String text) {
        texts.write(sheet.createRow(nextRow++), 0, text, styles.legend);
    }

    private void headerCell(Row row, int column, String value) {
        texts.write(row, column, value, styles.header);
    }

    private enum Kind { PLAIN, MUTED, SUBTOTAL }

    /** Every style once: a workbook holds a limited number of them, and a row per unit must not add one. */
    private final class Styles {

        final CellStyle title = style(font(true, false, 14, null), false);
        final CellStyle plain = style(font(false, false, 12, null), false);
        final CellStyle legend = style(font(false, true, 11, null), false);
        final CellStyle header = header();
        final CellStyle text = style(font(false, false, 11, null), true);
        final CellStyle mutedText = style(font(false, true, 11, IndexedColors.GREY_50_PERCENT), true);
        final CellStyle subtotalText = filled(style(font(true, true, 11, null), true), IndexedColors.GREY_25_PERCENT);
        final CellStyle number = numeric(style(font(false, false, 11, null), true));
        final CellStyle subtotalNumber = numeric(filled(style(font(true, true, 11, null), true), IndexedColors.GREY_25_PERCENT));
        final CellStyle differenceNumber = numeric(filled(style(font(true, false, 11, IndexedColors.DARK_RED), true),
                IndexedColors.LIGHT_YELLOW));
        private final Map<String, CellStyle> names = new HashMap<>();

        CellStyle name(int depth, Kind kind) {
            int indent = Math.min(depth, MAX_INDENT);
            return names.computeIfAbsent(kind + "/" + indent, key -> {
                CellStyle style = workbook.createCellStyle();
                style.cloneStyleFrom(kind == Kind.MUTED ? mutedText : kind == Kind.SUBTOTAL ? subtotalText : text);
                style.setIndention((short) indent);
                return style;
            });
        }

        private CellStyle header() {
            CellStyle style = filled(style(font(true, false, 11, null), true), IndexedColors.GREY_25_PERCENT);
            style.setAlignment(HorizontalAlignment.CENTER);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(true);
            return style;
        }

        private Font font(boolean bold, boolean italic, int points, IndexedColors color) {
            Font font = workbook.createFont();
            font.setFontName("Times New Roman");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            font.setItalic(italic);
            if (color != null) {
                font.setColor(color.getIndex());
            }
            return font;
        }

        private CellStyle style(Font font, boolean bordered) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            if (bordered) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            return style;
        }

        private CellStyle filled(CellStyle style, IndexedColors color) {
            style.setFillForegroundColor(color.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }

        private CellStyle numeric(CellStyle style) {
            style.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            return style;
        }
    }
}
