package vn.reviewcascade;

import java.util.ArrayList;
import java.util.List;

/** One line of a CSV file (RFC 4180): cells separated by commas, a cell may be quoted with doubled quotes inside. */
public final class CsvLine {

    private CsvLine() {
    }

    public static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** A file's first line without the byte-order mark spreadsheet programs write before UTF-8 text. */
    public static String withoutBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
