package vn.reviewcascade;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes the text cells of a workbook so that none becomes a formula (OWASP, CSV injection, which holds for any
 * spreadsheet): a text beginning with {@code = + - @}, a tab or a carriage return — a unit's name, a plan's label, a
 * campaign's title, typed by whoever set them up — is a string cell already, but a reader who edits it in Excel or
 * LibreOffice and presses Enter turns it into the formula it spells ({@code =HYPERLINK(…)}, a DDE call). Such a cell
 * gets a style with the quote prefix, Excel's own mark of a text typed after an apostrophe: the reader sees the text
 * unchanged, the cell's value stays the text as written (a leading apostrophe written into it would show and travel
 * wherever the text is copied or read back), and an edit keeps it text. Other cells keep their style, so a reader
 * may still type a formula into a blank cell or over a figure.
 */
public final class WorkbookText {

    private final Workbook workbook;
    /** The quote-prefixed copy of each style used for such a text, made once: a workbook's styles are limited. */
    private final Map<Short, CellStyle> quoted = new HashMap<>();

    public WorkbookText(Workbook workbook) {
        this.workbook = workbook;
    }

    /** A string cell with the text and the style, quote-prefixed if the text begins as a formula would. */
    public Cell write(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(beginsAsFormula(text) ? quoted(style) : style);
        return cell;
    }

    /** Whether a spreadsheet would read the text, typed into a cell, as a formula: OWASP's list of first characters. */
    private static boolean beginsAsFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    private CellStyle quoted(CellStyle style) {
        return quoted.computeIfAbsent(style.getIndex(), index -> {
            CellStyle copy = workbook.createCellStyle();
            copy.cloneStyleFrom(style);
            copy.setQuotePrefixed(true);
            return copy;
        });
    }
}
