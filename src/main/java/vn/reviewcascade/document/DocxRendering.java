package vn.reviewcascade.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link WrittenDocument} as a Word document (DOCX) with Apache POI, for the văn thư who keeps documents in
 * Word: the same parts as the PDF, in Times New Roman 14 on A4 with the margins of Hướng dẫn 36-HD/VPTW.
 */
@Component
public class DocxRendering {

    private static final String FONT = "Times New Roman";
    private static final int SIZE = 14;
    /** Twentieths of a point per millimetre, Word's unit for page measures. */
    private static final double TWIPS_PER_MM = 56.7;

    public byte[] docx(WrittenDocument document) {
        try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(word);
            if (document.draft()) {
                XWPFParagraph banner = paragraph(word, ParagraphAlignment.CENTER);
                run(banner, "DỰ THẢO – chưa ban hành, không có giá trị pháp lý", 12, true, false).setColor("B00000");
            }
            head(word, document);
            XWPFParagraph heading = paragraph(word, ParagraphAlignment.CENTER);
            heading.setSpacingBefore(240);
            run(heading, document.heading(), 15, true, false);
            run(paragraph(word, ParagraphAlignment.CENTER), document.subject(), SIZE, true, false);
            run(paragraph(word, ParagraphAlignment.CENTER), "-----", SIZE, false, false);
            for (WrittenDocument.Part part : document.parts()) {
                if (part.title() != null) {
                    XWPFParagraph title = paragraph(word, ParagraphAlignment.BOTH);
                    title.setSpacingBefore(120);
                    run(title, part.number() + " " + part.title(), SIZE, true, false);
                }
                for (String line : part.text().split("\\R")) {
                    if (!line.isBlank()) {
                        XWPFParagraph text = paragraph(word, ParagraphAlignment.BOTH);
                        text.setIndentationFirstLine(567);
                        run(text, line.strip(), SIZE, false, false);
                    }
                }
            }
            end(word, document);
            if (document.annex() != null) {
                annex(word, document);
            }
            word.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Word document", e);
        }
    }

    /** A4, 20 mm top and bottom, 30 mm left, 15 mm right. */
    private static void page(XWPFDocument word) {
        CTSectPr section = word.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(Math.round(210 * TWIPS_PER_MM)));
        size.setH(BigInteger.valueOf(Math.round(297 * TWIPS_PER_MM)));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(Math.round(20 * TWIPS_PER_MM)));
        margins.setBottom(BigInteger.valueOf(Math.round(20 * TWIPS_PER_MM)));
        margins.setLeft(BigInteger.valueOf(Math.round(30 * TWIPS_PER_MM)));
        margins.setRight(BigInteger.valueOf(Math.round(15 * TWIPS_PER_MM)));
    }

    /** Issuing committee and number on the left; the Party's name and the date line on the right. */
    private static void head(XWPFDocument word, WrittenDocument document) {
        XWPFTable table = borderless(word.createTable(1, 2));
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        left.setWidth("42%");
        right.setWidth("58%");
        XWPFParagraph issuer = cellParagraph(left, ParagraphAlignment.CENTER);
        if (document.superior() != null) {
            run(issuer, document.superior(), 13, false, false);
            issuer = centredParagraph(left);
        }
        run(issuer, document.issuer(), 13, true, false);
        run(centredParagraph(left), "*", 13, false, false);
        run(centredParagraph(left), document.numberLine(), 13, false, false);
        XWPFRun party = run(cellParagraph(right, ParagraphAlignment.CENTER), "ĐẢNG CỘNG SẢN VIỆT NAM", 15, true, false);
        party.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
        run(centredParagraph(right), document.dateLine(), SIZE, false, true);
    }

    /** "Nơi nhận" on the left, the signature block on the right. */
    private static void end(XWPFDocument word, WrittenDocument document) {
        XWPFTable table = borderless(word.createTable(1, 2));
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        left.setWidth("45%");
        right.setWidth("55%");
        XWPFRun title = run(cellParagraph(left, ParagraphAlignment.LEFT), "Nơi nhận:", 12, true, true);
        title.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
        List<String> recipients = document.recipients();
        for (int i = 0; i < recipients.size(); i++) {
            run(left.addParagraph(), "- " + recipients.get(i) + (i == recipients.size() - 1 ? "." : ","), 12, false, false);
        }
        WrittenDocument.Signature signature = document.signature();
        XWPFParagraph first = cellParagraph(right, ParagraphAlignment.CENTER);
        run(first, signature.onBehalfOf() == null ? "" : signature.onBehalfOf(), SIZE, true, false);
        if (signature.position() != null) {
            run(centredParagraph(right), signature.position(), SIZE, true, false);
        }
        XWPFParagraph name = centredParagraph(right);
        name.setSpacingBefore(1400);
        run(name, signature.signerName() == null ? "" : signature.signerName(), SIZE, true, false);
    }

    private static void annex(XWPFDocument word, WrittenDocument document) {
        XWPFParagraph title = paragraph(word, ParagraphAlignment.CENTER);
        title.setPageBreak(true);
        run(title, document.annex().title(), 13, true, false);
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
        for (WrittenDocument.Table group : document.annex().tables()) {
            XWPFParagraph heading = paragraph(word, ParagraphAlignment.LEFT);
            heading.setSpacingBefore(160);
            run(heading, group.title(), 12, true, false);
            XWPFTable table = word.createTable(group.rows().size() + 1, group.columns().size() + 1);
            table.setWidth("100%");
            table.setWidthType(TableWidthType.PCT);
            run(cellParagraph(table.getRow(0).getCell(0), ParagraphAlignment.CENTER), "Đơn vị", 11, true, false);
            for (int c = 0; c < group.columns().size(); c++) {
                WrittenDocument.Column column = group.columns().get(c);
                run(cellParagraph(table.getRow(0).getCell(c + 1), ParagraphAlignment.CENTER),
                        column.label() + (column.unit() == null ? "" : " (" + column.unit() + ")"), 11, true, column.part());
            }
            for (int r = 0; r < group.rows().size(); r++) {
                WrittenDocument.Row row = group.rows().get(r);
                boolean bold = row.kind() == WrittenDocument.RowKind.TOTAL || row.kind() == WrittenDocument.RowKind.OWN;
                boolean italic = row.kind() == WrittenDocument.RowKind.DIFFERENCE;
                run(cellParagraph(table.getRow(r + 1).getCell(0), ParagraphAlignment.LEFT), row.label(), 11, bold, italic);
                for (int c = 0; c < row.values().size(); c++) {
                    Long value = row.values().get(c);
                    String text = value == null ? "" : (italic && value > 0 ? "+" : "") + numbers.format(value);
                    run(cellParagraph(table.getRow(r + 1).getCell(c + 1), ParagraphAlignment.RIGHT), text, 11, bold, italic);
                }
            }
        }
        for (String note : document.annex().notes()) {
            run(paragraph(word, ParagraphAlignment.LEFT), note, 10, false, true);
        }
    }

    private static XWPFTable borderless(XWPFTable table) {
        table.setWidth("100%");
        table.setWidthType(TableWidthType.PCT);
        table.removeBorders();
        return table;
    }

    private static XWPFParagraph paragraph(XWPFDocument word, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = word.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(60);
        return paragraph;
    }

    /** The cell's first paragraph (a new cell has one, empty). */
    private static XWPFParagraph cellParagraph(XWPFTableCell cell, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        return paragraph;
    }

    /** A new centred paragraph below the cell's others. */
    private static XWPFParagraph centredParagraph(XWPFTableCell cell) {
        XWPFParagraph paragraph = cell.addParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        return paragraph;
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        // WordprocessingML writes a tab as its own element (w:tab); a tab character inside the text (w:t) is not
        // one Word must show as a tab.
        String[] pieces = text.split("\t", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                run.addTab();
            }
            run.setText(pieces[i]);
        }
        return run;
    }
}
