package vn.reviewcascade.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a {@link WrittenDocument} as PDF: laid out in HTML ({@code documents/written-document.html}) and set with
 * the fonts shipped in {@code fonts/} (Liberation Serif, embedded and subset), so every Vietnamese letter shows in
 * any reader, whatever fonts its machine has.
 */
@Component
public class PdfRendering {

    static final String FONT = "Liberation Serif";
    /** The id of the empty box the template keeps in the signature block, between the title and the name. */
    static final String STAMP_AREA_ID = "signature-stamp";
    /** The id of the text's last paragraph, the one kept on a page with the signature block. */
    static final String CLOSING_TEXT_ID = "closing-text";
    /** About how many characters of a long last paragraph go with the signature block: three or four lines. */
    static final int CLOSING_TAIL = 300;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final TemplateEngine templates;

    public PdfRendering() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates = new TemplateEngine();
        templates.setTemplateResolver(resolver);
    }

    /**
     * A document laid out, with where its signature block left room for the signature's visible stamp.
     *
     * @param stampArea null when the layout has no such room (it always has: the template draws it)
     */
    public record Rendered(byte[] pdf, Area stampArea) {
    }

    /**
     * A rectangle on a page of the PDF, in PDF points from the page's lower left corner, as a signature widget is
     * placed.
     *
     * @param page the page's index, from 0
     */
    public record Area(int page, float x, float y, float width, float height) {
    }

    public byte[] pdf(WrittenDocument document, String title) {
        return render(document, title).pdf();
    }

    /**
     * The PDF and where the template put the room for the signature's stamp, read from the layout itself: the stamp
     * then sits in the signature block on whatever page the block ended on, whatever the text's length.
     *
     * <p>The last paragraph is kept on one page with the block, so the block never opens a page alone. A last paragraph
     * longer than a page cannot be kept whole with it: when the first layout shows the block on a page after the text's
     * end, the paragraph's last sentences are set as a paragraph of their own that goes with the block, and the
     * document laid out again.
     */
    public Rendered render(WrittenDocument document, String title) {
        Layout layout = layout(html(document, false), title);
        if (layout.stampArea() != null && layout.textEndPage() >= 0 && layout.textEndPage() != layout.stampArea().page()) {
            layout = layout(html(document, true), title);
        }
        return new Rendered(layout.pdf(), layout.stampArea());
    }

    /** @param textEndPage the page the closing paragraph ends on, or -1 when the text has none */
    private record Layout(byte[] pdf, Area stampArea, int textEndPage) {
    }

    private Layout layout(String html, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        font(builder, "LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL);
        font(builder, "LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL);
        font(builder, "LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC);
        font(builder, "LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC);
        builder.withHtmlContent(html, null);
        builder.withProducer("review-cascade");
        builder.toStream(out);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDF();
            // Boxes are found by id once the PDF is written, when the output device knows the pages; a box gets a
            // position on each page it reaches. The block never breaks across pages, so the stamp's room has one.
            List<PagePosition<Box>> stamp = renderer.findPagePositionsByID(Pattern.compile(Pattern.quote(STAMP_AREA_ID)));
            List<PagePosition<Box>> textEnd = renderer.findPagePositionsByID(Pattern.compile(Pattern.quote(CLOSING_TEXT_ID)));
            return new Layout(out.toByteArray(), stamp.isEmpty() ? null : area(stamp.get(stamp.size() - 1)),
                    textEnd.stream().mapToInt(PagePosition::getPageNo).max().orElse(-1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out the document " + title, e);
        }
    }

    private static Area area(PagePosition<Box> box) {
        return new Area(box.getPageNo(), box.getX(), box.getY(), box.getWidth(), box.getHeight());
    }

    /** The document as the XHTML the PDF is laid out from. */
    String html(WrittenDocument document) {
        return html(document, false);
    }

    /**
     * @param splitClosing whether the last paragraph's last sentences go with the signature block as a paragraph of
     *                     their own, the rest staying before it: for a last paragraph too long to go whole
     */
    private String html(WrittenDocument document, boolean splitClosing) {
        // Each part's text as its paragraphs: one per line the unit wrote, blank lines dropped.
        Map<WrittenDocument.Part, List<String>> paragraphs = new IdentityHashMap<>();
        for (WrittenDocument.Part part : document.parts()) {
            paragraphs.put(part, Arrays.stream(part.text().split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList());
        }
        // The last paragraph goes with the signature block, in one box the renderer keeps on one page, so the block
        // never stands alone on a page after the text; the last part's title goes too when nothing else of it is left.
        String closing = null;
        String closingHead = null;
        boolean closingTitle = false;
        if (!document.parts().isEmpty()) {
            WrittenDocument.Part last = document.parts().get(document.parts().size() - 1);
            List<String> lines = paragraphs.get(last);
            if (!lines.isEmpty()) {
                closing = lines.get(lines.size() - 1);
                paragraphs.put(last, lines.subList(0, lines.size() - 1));
                int cut = splitClosing ? closingCut(closing) : 0;
                if (cut > 0) {
                    closingHead = closing.substring(0, cut).stripTrailing();
                    closing = closing.substring(cut).stripLeading();
                }
            }
            closingTitle = last.title() != null && paragraphs.get(last).isEmpty();
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("doc", document);
        variables.put("paragraphs", paragraphs);
        variables.put("closing", closing);
        variables.put("closingHead", closingHead);
        variables.put("titleInClosing", closingTitle && closingHead == null);
        variables.put("closingTextId", CLOSING_TEXT_ID);
        variables.put("stampAreaId", STAMP_AREA_ID);
        Context context = new Context(VIETNAMESE, variables);
        return templates.process("written-document", context);
    }

    /**
     * Where a long last paragraph is cut so that about {@value #CLOSING_TAIL} characters, a few lines, go with the
     * signature block: after the last sentence that ends before that, or else at a space, or else — a run without
     * spaces — between two letters, never between a letter and its combining mark; 0, no cut, for a short paragraph.
     */
    static int closingCut(String paragraph) {
        int target = Math.max(0, paragraph.length() - CLOSING_TAIL);
        for (int i = target; i > Math.max(0, target - CLOSING_TAIL); i--) {
            if (paragraph.charAt(i) == ' ' && i > 0 && ".!?;:".indexOf(paragraph.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        for (int i = target; i > Math.max(0, target - CLOSING_TAIL / 2); i--) {
            if (paragraph.charAt(i) == ' ') {
                return i;
            }
        }
        int cut = target;
        while (cut > 0 && (Character.isLowSurrogate(paragraph.charAt(cut))
                || Character.getType(paragraph.codePointAt(cut)) == Character.NON_SPACING_MARK)) {
            cut--;
        }
        return cut;
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
        builder.useFont(() -> {
            try {
                InputStream font = new ClassPathResource("fonts/" + file).getInputStream();
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException("The font " + file + " is missing from the application", e);
            }
        }, FONT, weight, style, true);
    }
}
