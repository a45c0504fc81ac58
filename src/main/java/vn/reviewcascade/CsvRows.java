package vn.reviewcascade;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The rows of a CSV text (RFC 4180), read by Jackson's CSV parser: a quoted cell may hold commas, doubled quotes and
 * line breaks, so a row may span several lines of the file. Each row keeps the line it starts on, which is what an
 * error message names. Blank lines (and rows of blank cells) are skipped, and so are lines starting with {@code #} where comments are allowed.
 */
public final class CsvRows {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    /** A row and the line of the file it starts on, counting from 1. */
    public record Row(int line, List<String> cells) {
    }

    private CsvRows() {
    }

    /**
     * Reads every row. {@code firstLine} is the number of the text's first line in its file, for a caller that read
     * lines before handing the rest over; a byte-order mark that spreadsheet programs write is dropped.
     *
     * @throws InvalidCsvException for a quote left open, naming the line where the broken row starts
     */
    public static List<Row> read(Reader text, int firstLine, boolean comments) {
        CsvSchema schema = comments ? CsvSchema.emptySchema().withComments() : CsvSchema.emptySchema().withoutComments();
        List<Row> rows = new ArrayList<>();
        int rowLine = firstLine;
        try (CsvParser parser = (CsvParser) MAPPER.reader(schema).createParser(text)) {
            List<String> cells = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    cells = new ArrayList<>();
                } else if (token == JsonToken.VALUE_STRING && cells != null) {
                    if (cells.isEmpty()) {
                        // The row's first cell tells the line it starts on; the array's start is placed before it.
                        rowLine = firstLine - 1 + parser.currentTokenLocation().getLineNr();
                    }
                    String cell = parser.getText();
                    cells.add(rows.isEmpty() && cells.isEmpty() ? withoutBom(cell) : cell);
                } else if (token == JsonToken.END_ARRAY && cells != null) {
                    if (!cells.stream().allMatch(String::isBlank)) {
                        rows.add(new Row(rowLine, List.copyOf(cells)));
                    }
                    cells = null;
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidCsvException(rowLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** A file's first line without the byte-order mark spreadsheet programs write before UTF-8 text. */
    public static String withoutBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** A CSV text that cannot be split into rows, such as a quote that is never closed. */
    public static final class InvalidCsvException extends RuntimeException {

        private final int line;

        InvalidCsvException(int line) {
            super(("Dòng %d: không đọc được dòng CSV: một ô mở bằng dấu \" phải đóng bằng dấu \", "
                    + "và dấu \" trong ô phải viết đôi (\"\")").formatted(line));
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
