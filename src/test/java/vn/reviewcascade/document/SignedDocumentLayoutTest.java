package vn.reviewcascade.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.document.WrittenDocument.Column;
import vn.reviewcascade.document.WrittenDocument.Row;
import vn.reviewcascade.document.WrittenDocument.RowKind;
import vn.reviewcascade.signature.OrganisationKeys;
import vn.reviewcascade.signature.PadesSigner;
import vn.reviewcascade.signature.PdfSignatureValidator;
import vn.reviewcascade.signature.RevocationChecker;
import vn.reviewcascade.signature.RevocationProperties;
import vn.reviewcascade.signature.SignatureCheck;
import vn.reviewcascade.signature.SignedRevisions;
import vn.reviewcascade.signature.SigningKey;
import vn.reviewcascade.signature.SigningProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, item 4: the signed report shows its signature where a leader signs — a stamp naming the leader, the unit
 * and the time, between the title and the leader's name — and the signature block ends the text on the page of its
 * last lines, never alone on a page of its own. Reports whose text runs to 1, 2 and 20 pages are rendered at the
 * length where the block would just spill onto a new page, signed as issuing signs them, and read back with PDFBox.
 * The signed files are written under target/signed-documents/ to be looked at.
 */
class SignedDocumentLayoutTest {

    private static final Path OUT = Path.of("target", "signed-documents");
    private static final String LEADER = "Nguyễn Thị Thu Hà";
    private static final String UNIT = "Đảng ủy thị trấn Hồ Xá";
    private static final String LAST_WORDS = "Đây là câu cuối cùng của phần nội dung báo cáo.";
    private static final Instant SIGNED_AT = Instant.parse("2031-10-02T07:08:09Z");

    private static final PdfRendering RENDERING = new PdfRendering();
    private static OrganisationKeys keys;
    private static PadesSigner signer;
    private static PdfSignatureValidator validator;

    @BeforeAll
    static void signing() throws IOException {
        SigningProperties properties = new SigningProperties(null, null, null, "test", null, null, Path.of("target/test-ca"));
        keys = new OrganisationKeys(properties);
        RevocationProperties revocation = new RevocationProperties(false, Duration.ofSeconds(5), Duration.ofDays(7));
        EngineClock clock = new EngineClock() {
            @Override
            public Instant now() {
                return SIGNED_AT.plus(Duration.ofMinutes(5));
            }
        };
        RevocationChecker checker = new RevocationChecker(keys, revocation, clock);
        signer = new PadesSigner(properties, checker, keys);
        validator = new PdfSignatureValidator(keys, clock, checker, revocation);
        Files.createDirectories(OUT);
    }

    @Test
    void aOnePageReportIsSignedInItsBlock() throws IOException {
        assertSignedInTheBlockAfterTheText(1, "1-trang");
    }

    @Test
    void aTwoPageReportKeepsItsLastParagraphWithTheBlock() throws IOException {
        assertSignedInTheBlockAfterTheText(2, "2-trang");
    }

    @Test
    void aTwentyPageReportKeepsItsLastParagraphWithTheBlock() throws IOException {
        assertSignedInTheBlockAfterTheText(20, "20-trang");
    }

    /**
     * A last paragraph longer than a page cannot go whole with the block to a new page: its last lines still do, and
     * the block is never alone.
     */
    @Test
    void aLastParagraphLongerThanAPageEndsOnTheBlocksPage() throws IOException {
        for (int lastLength : List.of(14, 15, 16, 17, 18, 19)) {
            byte[] file = RENDERING.pdf(report(3, lastLength), "thử");
            Files.write(OUT.resolve("doan-cuoi-" + lastLength + "-cau.pdf"), file);
            try (PDDocument pdf = Loader.loadPDF(file)) {
                List<String> texts = pageTexts(pdf);
                assertThat(pageOf(texts, "BÍ THƯ")).as("a last paragraph %d sentences long", lastLength)
                        .isEqualTo(pageOf(texts, LAST_WORDS));
            }
        }
    }

    /** A long last paragraph is cut after a sentence, else at a space, else between letters but never inside one. */
    @Test
    void aLongLastParagraphIsCutWhereTheTextAllows() {
        String sentences = "Câu thứ nhất của đoạn. ".repeat(40) + "Câu cuối.";
        int cut = PdfRendering.closingCut(sentences);
        assertThat(sentences.substring(0, cut)).endsWith(".");
        assertThat(sentences.length() - cut).isBetween(200, PdfRendering.CLOSING_TAIL + 30);

        String words = "chữ ".repeat(200);
        assertThat(words.charAt(PdfRendering.closingCut(words))).isEqualTo(' ');

        // Decomposed letters without a space: a tone mark stays with its vowel.
        String run = Normalizer.normalize("Đảngủyxã".repeat(80), Normalizer.Form.NFD);
        for (int shift = 0; shift < 6; shift++) {
            String text = "x".repeat(shift) + run;
            int at = PdfRendering.closingCut(text);
            assertThat(at).isPositive();
            assertThat(Character.getType(text.codePointAt(at))).isNotEqualTo((int) Character.NON_SPACING_MARK);
        }
        assertThat(PdfRendering.closingCut("Một đoạn ngắn.")).isZero();
    }

    /**
     * The shortest text whose report has {@code pages} pages before its annex: its end has just spilled over, where
     * the block used to stand alone.
     */
    private static void assertSignedInTheBlockAfterTheText(int pages, String name) throws IOException {
        int paragraphs = shortestTextOf(pages);
        WrittenDocument document = report(paragraphs);
        PdfRendering.Rendered rendered = RENDERING.render(document, name);
        SigningKey key = keys.keyOf("TEST-HOXA", UNIT);
        PdfRendering.Area area = rendered.stampArea();
        byte[] signed = signer.sign(rendered.pdf(), key, "Ban hành văn bản số 1-BC/ĐU", "Vĩnh Linh", SIGNED_AT,
                new PadesSigner.Stamp(area.page(), area.x(), area.y(), area.width(), area.height(), LEADER, UNIT)).pdf();
        Files.write(OUT.resolve("bao-cao-" + name + ".pdf"), signed);

        try (PDDocument pdf = Loader.loadPDF(signed)) {
            List<Line> lines = lines(pdf);
            List<String> texts = pageTexts(pdf);
            int textEnd = pageOf(texts, LAST_WORDS);
            int title = pageOf(texts, "T/M ĐẢNG ỦY");
            int leader = pageOf(texts, LEADER);
            int recipients = pageOf(texts, "Nơi nhận:");
            assertThat(textEnd).as("the text ends on the last page before the annex").isEqualTo(pages - 1);
            assertThat(List.of(title, leader, recipients)).as("the block's title, name and recipients")
                    .containsOnly(textEnd);
            assertThat(pdf.getNumberOfPages()).as("the annex follows on a page of its own").isEqualTo(pages + 1);

            DocumentText.SignatureStamp stamp = DocumentText.signatureStamp(pdf);
            assertThat(stamp.page()).as("the stamp's page").isEqualTo(textEnd);
            PDRectangle box = stamp.box();
            float titleY = line(lines, "BÍ THƯ").y();
            float nameY = line(lines, LEADER).y();
            assertThat(box.getLowerLeftY()).as("the stamp stands above the leader's name").isGreaterThan(nameY);
            assertThat(box.getUpperRightY()).as("and below the title").isLessThan(titleY);
            assertThat(box.getWidth()).isGreaterThan(150);
            assertThat(box.getHeight()).isGreaterThan(40);
            assertThat(stamp.printed()).as("printed with the page").isTrue();
            assertThat(stamp.text()).contains("Ký số bởi: " + LEADER, UNIT, "Thời gian: 02/10/2031 14:08:09 (giờ Việt Nam)");
        }

        SignatureCheck check = validator.check(signed);
        assertThat(check.signer()).isEqualTo(UNIT);
        // A leader's token may still add its signature to the issued file: the stamp is the issued file's own.
        byte[] countersigned = signer.sign(signed, key, "Ký bằng thiết bị ký số", "Vĩnh Linh",
                SIGNED_AT.plus(Duration.ofMinutes(1))).pdf();
        assertThat(SignedRevisions.addedSigners(signed, countersigned, "1-BC/ĐU")).hasSize(1);
        validator.check(countersigned);
    }

    /**
     * The fewest paragraphs whose text and block take {@code pages} pages (the annex not counted). A long text is laid
     * out once: the first paragraph that starts on the last page bounds the answer, then shorter texts are tried
     * until one takes a page less.
     */
    private static int shortestTextOf(int pages) throws IOException {
        if (pages == 1) {
            return 1;
        }
        int paragraphs;
        try (PDDocument pdf = Loader.loadPDF(RENDERING.pdf(report(pages * 12 + 12), "thử"))) {
            assertThat(pdf.getNumberOfPages() - 1).as("the long text's pages").isGreaterThan(pages);
            List<String> texts = pageTexts(pdf);
            paragraphs = 1;
            while (pageOf(texts, "Đoạn " + paragraphs + ":") < pages - 1) {
                paragraphs++;
            }
        }
        assertThat(textPages(paragraphs)).as("a text of %d paragraphs", paragraphs).isEqualTo(pages);
        while (textPages(paragraphs - 1) == pages) {
            paragraphs--;
        }
        return paragraphs;
    }

    private static int textPages(int paragraphs) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERING.pdf(report(paragraphs), "thử"))) {
            return pdf.getNumberOfPages() - 1;
        }
    }

    /**
     * A base unit's report: six sections sharing the paragraphs of three to four lines, the last one always in the
     * last section, and its annex.
     */
    private static WrittenDocument report(int paragraphs) {
        return report(paragraphs, 1);
    }

    /** The same, its last paragraph {@code lastLength} times as long as the others. */
    private static WrittenDocument report(int paragraphs, int lastLength) {
        String sentence = "Đảng ủy thị trấn lãnh đạo, chỉ đạo quán triệt Đề án đến các chi bộ, phối hợp với Mặt trận "
                + "và các đoàn thể vận động doanh nghiệp ngoài nhà nước thành lập tổ chức đảng, kết nạp "
                + "đảng viên mới, củng cố công đoàn cơ sở và chi đoàn thanh niên trong doanh nghiệp. ";
        List<StringBuilder> sections = IntStream.range(0, 6).mapToObj(i -> new StringBuilder()).toList();
        for (int i = 0; i < paragraphs; i++) {
            boolean last = i == paragraphs - 1;
            // The first five sections a paragraph each, the last one the rest: a longer text begins as a shorter one.
            sections.get(last ? 5 : Math.min(i, 5)).append("Đoạn ").append(i + 1).append(": ")
                    .append(sentence.repeat(last ? lastLength : 1))
                    .append(last ? LAST_WORDS : "Kết quả được tổng hợp ở phụ lục kèm theo.")
                    .append('\n');
        }
        List<WrittenDocument.Part> parts = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            parts.add(new WrittenDocument.Part((i + 1) + ".", "Mục thứ " + (i + 1) + " của đề cương", sections.get(i).toString()));
        }
        WrittenDocument.Annex annex = new WrittenDocument.Annex("PHỤ LỤC SỐ LIỆU", List.of(new WrittenDocument.Table(
                "Tổ chức đảng", List.of(new Column("Tổ chức cơ sở đảng", "tổ chức", false),
                        new Column("Đảng viên", "người", false)),
                List.of(new Row(UNIT, List.of(3L, 45L), RowKind.OWN)))), false, List.of());
        return new WrittenDocument("HUYỆN ỦY VĨNH LINH", "ĐẢNG ỦY THỊ TRẤN HỒ XÁ", "BC/ĐU", "1-BC/ĐU",
                "Hồ Xá, ngày 02 tháng 10 năm 2031", "BÁO CÁO", "sơ kết 3 năm thực hiện Đề án", parts, annex,
                new WrittenDocument.Signature("T/M ĐẢNG ỦY", "BÍ THƯ", LEADER),
                List.of("Huyện ủy Vĩnh Linh (b/c)", "Lưu văn phòng"), false);
    }

    /** A line of text as drawn: its page (from 0) and its baseline, in PDF points from the page's bottom. */
    private record Line(int page, float y, String text) {
    }

    private static List<Line> lines(PDDocument pdf) throws IOException {
        List<Line> lines = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                TextPosition first = positions.get(0);
                lines.add(new Line(getCurrentPageNo() - 1, first.getPageHeight() - first.getYDirAdj(), text));
                super.writeString(text, positions);
            }
        };
        stripper.getText(pdf);
        return lines;
    }

    private static Line line(List<Line> lines, String text) {
        return lines.stream().filter(line -> line.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("No line holds " + text));
    }

    /** Each page's text, lines joined: a sentence may wrap. */
    private static List<String> pageTexts(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        List<String> texts = new ArrayList<>();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            texts.add(stripper.getText(pdf).replaceAll("\\s+", " "));
        }
        return texts;
    }

    /** The first page (from 0) whose text holds this. */
    private static int pageOf(List<String> pageTexts, String text) {
        for (int page = 0; page < pageTexts.size(); page++) {
            if (pageTexts.get(page).contains(text)) {
                return page;
            }
        }
        throw new AssertionError("No page holds " + text);
    }
}
