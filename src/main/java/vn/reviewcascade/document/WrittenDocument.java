package vn.reviewcascade.document;

import java.util.List;

/**
 * A guidance or report laid out as Hướng dẫn 36-HD/VPTW has Party documents laid out, independent of the file it is
 * written to (PDF, DOCX): the issuing committee under the one above it, number and symbol, place and date, the
 * document's name and subject, its parts, the annex of figures, the signature block and "Nơi nhận".
 *
 * @param superior   the committee directly above the issuer, upper case, or null at the top
 * @param number     "12-BC/HU", or null while it is a draft
 * @param dateLine   "Vĩnh Linh, ngày 02 tháng 10 năm 2031"; a draft's day and month are left blank
 * @param heading    the kind of document: "BÁO CÁO", "HƯỚNG DẪN"
 * @param subject    the trích yếu: "sơ kết 3 năm thực hiện Đề án …"
 * @param annex      the figures, or null for a document without an annex (guidance)
 * @param draft      not issued: marked "DỰ THẢO", without number or date
 */
public record WrittenDocument(String superior, String issuer, String symbolLine, String number, String dateLine,
                              String heading, String subject, List<Part> parts, Annex annex, Signature signature,
                              List<String> recipients, boolean draft) {

    public WrittenDocument {
        parts = List.copyOf(parts);
        recipients = List.copyOf(recipients);
    }

    /** "Số 12-BC/HU", or "Số      -BC/HU" for a draft, as the number is written above the date line. */
    public String numberLine() {
        return number != null ? "Số " + number : "Số      " + symbolLine;
    }

    /** A part of the text: a section of the plan's outline ("1." and its title), or the whole text of guidance. */
    public record Part(String number, String title, String text) {
    }

    /**
     * The annex: one table per group of the plan's figures, so a wide annex stays readable on a page.
     *
     * @param rolledUp whether its rows are the unit's subordinates, their total and the unit's own figures
     * @param notes    what the marks in its rows mean (late additions)
     */
    public record Annex(String title, List<Table> tables, boolean rolledUp, List<String> notes) {

        public Annex {
            tables = List.copyOf(tables);
            notes = List.copyOf(notes);
        }
    }

    public record Table(String title, List<Column> columns, List<Row> rows) {

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** @param part whether the figure is part of another in the table (shown as "trong đó") */
    public record Column(String label, String unit, boolean part) {
    }

    /** @param values one per column; null where no figure was given */
    public record Row(String label, List<Long> values, RowKind kind) {

        public Row {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    public enum RowKind { SUBORDINATE, TOTAL, OWN, DIFFERENCE }

    /** "T/M BAN THƯỜNG VỤ" over "BÍ THƯ", and the name of the leader who signed, once signed. */
    public record Signature(String onBehalfOf, String position, String signerName) {
    }
}
