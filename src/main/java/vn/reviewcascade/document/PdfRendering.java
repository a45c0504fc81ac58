package vn.reviewcascade.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
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

    public byte[] pdf(WrittenDocument document, String title) {
        String html = html(document);
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
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out the document " + title, e);
        }
        return out.toByteArray();
    }

    /** The document as the XHTML the PDF is laid out from. */
    String html(WrittenDocument document) {
        // Each part's text as its paragraphs: one per line the unit wrote, blank lines dropped.
        Map<WrittenDocument.Part, List<String>> paragraphs = new IdentityHashMap<>();
        for (WrittenDocument.Part part : document.parts()) {
            paragraphs.put(part, Arrays.stream(part.text().split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList());
        }
        Context context = new Context(VIETNAMESE, Map.of("doc", document, "paragraphs", paragraphs));
        return templates.process("written-document", context);
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
