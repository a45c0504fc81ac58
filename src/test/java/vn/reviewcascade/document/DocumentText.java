package vn.reviewcascade.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The text of a written document as a reader gets it: from the PDF what PDFBox extracts of the glyphs drawn on the
 * page (a glyph drawn beyond the page's edge is text nobody sees, so it fails the test rather than count as kept),
 * from the DOCX what POI extracts.
 */
final class DocumentText {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private DocumentText() {
    }

    /** The PDF's text in the order it is drawn, lines as PDFBox breaks them. */
    static String pdf(byte[] file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file)) {
            OnThePage stripper = new OnThePage();
            String text = stripper.getText(document);
            if (!stripper.offThePage.isEmpty()) {
                throw new AssertionError(stripper.offThePage.size() + " characters are drawn off the page, from: "
                        + String.join("", stripper.offThePage.subList(0, Math.min(80, stripper.offThePage.size()))));
            }
            return text;
        }
    }

    static String docx(byte[] file) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    /**
     * Asserts that a PDF's extracted text is the text as written, character for character. Whitespace is compared as
     * whitespace (a run of spaces, tabs or line breaks written is printed as a space, a wider gap or a new line), and
     * a line break may stand where nothing was written, for a run of characters the line ends in the middle of. A
     * character dropped, added or changed, or a space lost or invented, fails with where it happened.
     */
    static void assertPrintedAsWritten(String written, String printed) {
        String expected = written.strip().replaceAll("\\s+", " ");
        String actual = printed.strip();
        int i = 0;
        int j = 0;
        while (i < expected.length() && j < actual.length()) {
            if (Character.isWhitespace(actual.charAt(j))) {
                int end = j;
                boolean lineBreaksOnly = true;
                while (end < actual.length() && Character.isWhitespace(actual.charAt(end))) {
                    lineBreaksOnly &= actual.charAt(end) == '\n' || actual.charAt(end) == '\r';
                    end++;
                }
                if (expected.charAt(i) == ' ') {
                    i++;
                } else if (!lineBreaksOnly) {
                    throw difference("a space where none was written", expected, i, actual, j);
                }
                j = end;
            } else if (expected.charAt(i) == ' ') {
                throw difference("a space lost", expected, i, actual, j);
            } else if (expected.charAt(i) != actual.charAt(j)) {
                throw difference("another character", expected, i, actual, j);
            } else {
                i++;
                j++;
            }
        }
        if (i < expected.length() || j < actual.length()) {
            throw difference(i < expected.length() ? "the text cut short" : "text beyond what was written", expected, i,
                    actual, j);
        }
    }

    /**
     * Every letter of Vietnamese, lower and upper case: each vowel (a ă â e ê i o ô ơ u ư y) bare and with each of the
     * five tone marks, composed as a keyboard that sends composed letters writes it, and đ, Đ; then the consonants.
     */
    static String vietnameseLetters() {
        StringBuilder letters = new StringBuilder();
        for (String vowel : List.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")) {
            for (String tone : List.of("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")) {
                String letter = Normalizer.normalize(vowel + tone, Normalizer.Form.NFC);
                letters.append(letter).append(letter.toUpperCase(VIETNAMESE));
            }
        }
        letters.append("đĐ");
        for (char consonant : "bcdghklmnpqrstvx".toCharArray()) {
            letters.append(consonant).append(Character.toUpperCase(consonant));
        }
        return letters.toString();
    }

    /** Asserts two texts are equal, failing with where they first differ rather than with both whole. */
    static void assertSameText(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        if (i < expected.length() || i < actual.length()) {
            throw difference("a difference", expected, i, actual, i);
        }
    }

    private static AssertionError difference(String what, String expected, int i, String actual, int j) {
        return new AssertionError("%s at character %,d of %,d written:%n  written: %s%n  printed: %s".formatted(what, i + 1,
                expected.length(), around(expected, i), around(actual, j)));
    }

    /** The text around a position, with its code points, so a lost combining mark or tab shows. */
    private static String around(String text, int at) {
        String part = text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30));
        StringBuilder codes = new StringBuilder();
        part.codePoints().forEach(c -> codes.append(" U+%04X".formatted(c)));
        return "«" + part.replace("\t", "→").replace("\n", "↵") + "»" + codes;
    }

    /**
     * The visible stamp of a PDF's one signature, as a reader sees it.
     *
     * @param page    the page (from 0) whose annotations hold the signature's widget
     * @param box     the widget's rectangle on that page
     * @param printed whether the widget prints with the page
     * @param text    the text its normal appearance draws, whitespace made single spaces
     */
    record SignatureStamp(int page, PDRectangle box, boolean printed, String text) {
    }

    static SignatureStamp signatureStamp(byte[] file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file)) {
            return signatureStamp(pdf);
        }
    }

    static SignatureStamp signatureStamp(PDDocument pdf) throws IOException {
        List<PDField> fields = pdf.getDocumentCatalog().getAcroForm().getFields();
        if (fields.size() != 1 || !(fields.get(0) instanceof PDSignatureField field)) {
            throw new AssertionError("Not one signature field: " + fields);
        }
        PDAnnotationWidget widget = field.getWidgets().get(0);
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
            for (PDAnnotation annotation : pdf.getPage(i).getAnnotations()) {
                if (annotation.getCOSObject() == widget.getCOSObject()) {
                    return new SignatureStamp(i, widget.getRectangle(), widget.isPrinted(), appearanceText(widget));
                }
            }
        }
        throw new AssertionError("The signature's widget is on no page");
    }

    /** The text of the widget's appearance as a reader draws it: the appearance set on a page of its own and read. */
    private static String appearanceText(PDAnnotationWidget widget) throws IOException {
        PDAppearanceStream appearance = widget.getAppearance() == null || widget.getAppearance().getNormalAppearance() == null
                ? null : widget.getAppearance().getNormalAppearance().getAppearanceStream();
        if (appearance == null) {
            return "";
        }
        try (PDDocument scratch = new PDDocument()) {
            PDRectangle box = appearance.getBBox();
            PDPage page = new PDPage(new PDRectangle(box.getWidth(), box.getHeight()));
            scratch.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(scratch, page)) {
                content.drawForm(appearance);
            }
            return new PDFTextStripper().getText(scratch).replaceAll("\\s+", " ").strip();
        }
    }

    /**
     * Extracts the glyphs inside the page's crop box, keeping those outside apart, and leaves out the page number in
     * the bottom margin, which belongs to the page, not to the text (it would stand inside a paragraph running over
     * to the next page).
     */
    private static final class OnThePage extends PDFTextStripper {

        /** The template's bottom margin, 20 mm in points: the text ends above it. */
        private static final float BOTTOM_MARGIN = 20 / 25.4f * 72;

        private final List<String> offThePage = new ArrayList<>();
        private PDRectangle page;

        @Override
        public void processPage(PDPage current) throws IOException {
            page = current.getCropBox();
            super.processPage(current);
        }

        @Override
        protected void processTextPosition(TextPosition glyph) {
            float left = glyph.getXDirAdj();
            float top = glyph.getYDirAdj();
            if (left < 0 || left + glyph.getWidthDirAdj() > page.getWidth() || top < 0 || top > page.getHeight()) {
                offThePage.add(glyph.getUnicode());
            } else if (top <= page.getHeight() - BOTTOM_MARGIN) {
                super.processTextPosition(glyph);
            }
        }
    }
}
