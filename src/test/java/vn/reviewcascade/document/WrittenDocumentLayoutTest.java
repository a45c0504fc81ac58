package vn.reviewcascade.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

import vn.reviewcascade.document.WrittenDocument.Column;
import vn.reviewcascade.document.WrittenDocument.Row;
import vn.reviewcascade.document.WrittenDocument.RowKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every place of the written document holds text longer than its line or its table cell without losing any of it: the
 * committee's names, the subject, a section's title, the annex's titles, column labels and unit names, "Nơi nhận" and
 * the signer, each here one unbroken run with every Vietnamese letter, in the regular, bold, italic and bold italic
 * faces the places are set in.
 */
class WrittenDocumentLayoutTest {

    @Test
    void runsLongerThanTheirLineOrCellArePrintedWhole() throws IOException {
        List<String> runs = List.of(run("CẤP-TRÊN-"), run("ĐƠN-VỊ-BAN-HÀNH-"), run("trích-yếu-"), run("Tên-mục-"),
                run("nội-dung-"), run("Nhóm-chỉ-tiêu-"), run("Chỉ-tiêu-"), run("trong-đó-"), run("Đảng-ủy-xã-"),
                run("Cộng-"), run("Chênh-lệch-"), run("ghi-chú-"), run("Nơi-nhận-"), run("NGƯỜI-KÝ-"));
        // Issued, not a draft: a draft's watermark would stand inside a text running over to the next page.
        WrittenDocument document = new WrittenDocument(runs.get(0), runs.get(1), "BC/DU", "1-BC/DU", "ngày", "BÁO CÁO",
                runs.get(2), List.of(new WrittenDocument.Part("1.", runs.get(3), runs.get(4))),
                new WrittenDocument.Annex("PHỤ LỤC SỐ LIỆU", List.of(new WrittenDocument.Table(runs.get(5),
                        List.of(new Column(runs.get(6), "người", false), new Column(runs.get(7), null, true)),
                        List.of(new Row(runs.get(8), List.of(1L, 2L), RowKind.SUBORDINATE),
                                new Row(runs.get(9), List.of(1L, 2L), RowKind.TOTAL),
                                new Row(runs.get(10), List.of(-1L, 0L), RowKind.DIFFERENCE)))), true, List.of(runs.get(11))),
                new WrittenDocument.Signature("T/M ĐẢNG ỦY", "BÍ THƯ", runs.get(13)), List.of(runs.get(12)), false);

        String pdf = withoutWhitespace(DocumentText.pdf(new PdfRendering().pdf(document, "thử")));
        String docx = withoutWhitespace(DocumentText.docx(new DocxRendering().docx(document)));
        for (String run : runs) {
            // A run has no space: whatever whitespace the extraction shows inside it is where a line ended.
            assertThat(pdf).as("PDF").contains(run);
            assertThat(docx).as("DOCX").contains(run);
        }
    }

    @Test
    void tabsAreWordTabsAndSpacesStayAsWritten() throws IOException {
        WrittenDocument document = new WrittenDocument(null, "ĐẢNG ỦY", "BC/DU", null, "ngày", "BÁO CÁO", "thử",
                List.of(new WrittenDocument.Part("1.", "Số liệu", "Tổng số:\t120;\tnữ:\t\t45.  Hai dấu cách.")), null,
                new WrittenDocument.Signature(null, null, null), List.of("Lưu"), true);

        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(new DocxRendering().docx(document)))) {
            XWPFParagraph paragraph = word.getParagraphs().stream()
                    .filter(candidate -> candidate.getText().startsWith("Tổng số:")).findFirst().orElseThrow();
            assertThat(paragraph.getText()).isEqualTo("Tổng số:\t120;\tnữ:\t\t45.  Hai dấu cách.");
            XWPFRun run = paragraph.getRuns().get(0);
            assertThat(run.getCTR().getTabList()).as("w:tab elements").hasSize(4);
            assertThat(run.getCTR().getTList()).noneMatch(text -> text.getStringValue().contains("\t"));
        }
        // The PDF draws a tab as a gap of several spaces, and two spaces as two.
        assertThat(DocumentText.pdf(new PdfRendering().pdf(document, "thử")))
                .containsPattern("Tổng số: {2,}120; {2,}nữ: {2,}45\\.  Hai dấu cách\\.");
    }

    /** 300 characters without a space, several lines of a table cell, every Vietnamese letter among them. */
    private static String run(String start) {
        return (start + DocumentText.vietnameseLetters()).repeat(3).substring(0, 300);
    }

    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
