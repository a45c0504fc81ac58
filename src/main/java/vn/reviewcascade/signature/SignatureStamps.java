package vn.reviewcascade.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import vn.reviewcascade.Vietnam;

/**
 * The visible stamp of a signature: the lines a reader sees where the leader signs — "Ký số bởi: <full name>", the
 * organisation, "Thời gian: …" in Vietnam's time — drawn in a box in the appearance stream of the signature's widget.
 * PDFBox takes a visible signature as a one-page template PDF holding the signature field, its widget and its
 * appearance; it copies the widget onto the signed document's page, in the same incremental update as the signature,
 * so the stamp is part of what the signature covers. The text is set in Liberation Serif, the documents' own font,
 * embedded as a subset: every Vietnamese letter shows in any reader.
 */
final class SignatureStamps {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(Vietnam.ZONE);
    private static final String FONT = "fonts/LiberationSerif-Regular.ttf";
    /**
     * The size the text is set in when it fits; the smallest it shrinks to before a line is wrapped; the smallest at
     * all, for a very long name or organisation.
     */
    private static final float LARGEST = 11f;
    private static final float READABLE = 8f;
    private static final float SMALLEST = 5f;
    private static final float LEADING = 1.2f;
    private static final float PADDING = 4f;
    private static final float BORDER = 0.8f;
    /** Dark red, the colour readers know a seal and a "ký số" mark by. */
    private static final float[] INK = {0.65f, 0f, 0f};

    private SignatureStamps() {
    }

    /** The lines the stamp shows, in the order they are drawn. */
    static List<String> lines(PadesSigner.Stamp stamp, Instant signedAt) {
        List<String> lines = new ArrayList<>();
        if (stamp.signerName() != null && !stamp.signerName().isBlank()) {
            lines.add("Ký số bởi: " + stamp.signerName().strip());
            lines.add(stamp.organisation());
        } else {
            lines.add("Ký số bởi: " + stamp.organisation());
        }
        lines.add("Thời gian: " + TIME.format(signedAt) + " (giờ Việt Nam)");
        return lines.stream().map(line -> Normalizer.normalize(line, Normalizer.Form.NFC)).toList();
    }

    /** The template PDF PDFBox's {@code SignatureOptions.setVisualSignature} reads, its page as large as the signed one. */
    static byte[] widgetTemplate(PDRectangle pageSize, PadesSigner.Stamp stamp, Instant signedAt) throws IOException {
        try (PDDocument template = new PDDocument()) {
            template.addPage(new PDPage(pageSize));
            PDAcroForm form = new PDAcroForm(template);
            template.getDocumentCatalog().setAcroForm(form);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            // PDFBox merges this form into the document's own: held directly, it is copied rather than referenced.
            form.getCOSObject().setDirect(true);
            PDSignatureField field = new PDSignatureField(form);
            form.getFields().add(field);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            PDRectangle box = new PDRectangle(stamp.x(), stamp.y(), stamp.width(), stamp.height());
            widget.setRectangle(box);
            // Printed, so a paper copy carries the mark too; a widget without the flag is shown on screen only.
            widget.setPrinted(true);

            PDFormXObject xObject = new PDFormXObject(new PDStream(template));
            xObject.setResources(new PDResources());
            xObject.setFormType(1);
            xObject.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
            PDAppearanceStream appearanceStream = new PDAppearanceStream(xObject.getCOSObject());
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            appearance.setNormalAppearance(appearanceStream);
            widget.setAppearance(appearance);

            PDFont font;
            try (InputStream in = SignatureStamps.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("The font " + FONT + " is missing from the application");
                }
                font = PDType0Font.load(template, in, true);
            }
            try (PDPageContentStream content = new PDPageContentStream(template, appearanceStream)) {
                draw(content, font, box.getWidth(), box.getHeight(), lines(stamp, signedAt));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            template.save(out);
            return out.toByteArray();
        }
    }

    /** A framed box, the lines inside it centred, set as large as fits: long names wrap, then the text shrinks. */
    private static void draw(PDPageContentStream content, PDFont font, float width, float height, List<String> lines)
            throws IOException {
        content.setStrokingColor(INK[0], INK[1], INK[2]);
        content.setNonStrokingColor(INK[0], INK[1], INK[2]);
        content.setLineWidth(BORDER);
        content.addRect(BORDER / 2, BORDER / 2, width - BORDER, height - BORDER);
        content.stroke();

        float innerWidth = width - 2 * PADDING;
        float innerHeight = height - 2 * PADDING;
        // Each line whole at a readable size if it can be; a name or organisation too long for that wraps, then the
        // text shrinks until it fits the box.
        float size = LARGEST;
        List<String> wrapped = wrap(lines, font, size, innerWidth);
        while ((wrapped.size() > lines.size() || wrapped.size() * size * LEADING > innerHeight) && size > READABLE) {
            size -= 0.5f;
            wrapped = wrap(lines, font, size, innerWidth);
        }
        if (wrapped.size() > lines.size()) {
            size = LARGEST;
            wrapped = wrap(lines, font, size, innerWidth);
        }
        while (wrapped.size() * size * LEADING > innerHeight && size > SMALLEST) {
            size -= 0.5f;
            wrapped = wrap(lines, font, size, innerWidth);
        }
        float leading = size * LEADING;
        // The block of lines centred vertically; a line's baseline sits its descent above the bottom of its slot.
        float top = height / 2 + wrapped.size() * leading / 2;
        float descent = -font.getFontDescriptor().getDescent() / 1000 * size;
        content.beginText();
        content.setFont(font, size);
        float previousX = 0;
        float previousY = 0;
        for (int i = 0; i < wrapped.size(); i++) {
            String line = wrapped.get(i);
            float x = Math.max(PADDING, (width - textWidth(font, size, line)) / 2);
            float y = top - (i + 1) * leading + (leading - size) / 2 + descent;
            content.newLineAtOffset(x - previousX, y - previousY);
            content.showText(line);
            previousX = x;
            previousY = y;
        }
        content.endText();
    }

    /** The lines broken at spaces to the width; a word wider than the width alone is broken between letters. */
    static List<String> wrap(List<String> lines, PDFont font, float size, float width) throws IOException {
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (textWidth(font, size, candidate) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    wrapped.add(current.toString());
                    current.setLength(0);
                }
                for (int offset = 0; offset < word.length(); ) {
                    int end = offset + Character.charCount(word.codePointAt(offset));
                    current.appendCodePoint(word.codePointAt(offset));
                    if (end < word.length() && textWidth(font, size,
                            current + word.substring(end, end + Character.charCount(word.codePointAt(end)))) > width) {
                        wrapped.add(current.toString());
                        current.setLength(0);
                    }
                    offset = end;
                }
            }
            if (!current.isEmpty()) {
                wrapped.add(current.toString());
            }
        }
        return wrapped;
    }

    private static float textWidth(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }
}
