package vn.reviewcascade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Text people type: stored in Unicode NFC (Vietnamese keyboards send both composed and decomposed letters, which
 * must compare and print alike), with no character a document cannot carry — NUL, control characters other than
 * tab and line breaks, lone surrogates, noncharacters, and characters the written document's font has no glyph for
 * (an emoji, a Chinese character), which the signed PDF would otherwise show as '#' instead of what was typed.
 */
public final class PlainText {

    private PlainText() {
    }

    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Why the text cannot be stored, in Vietnamese, naming the first bad character's position; empty if it can. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i);
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    return Optional.of(at(i, "ký tự không hợp lệ U+" + Integer.toHexString(codePoint).toUpperCase()));
                }
                if (!Glyphs.PRINTABLE.get(codePoint)) {
                    return Optional.of(unprintable(i, codePoint));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of(at(i, "ký tự Unicode bị hỏng (nửa cặp surrogate)"));
            }
            if (c == 0) {
                return Optional.of(at(i, "ký tự NUL"));
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return Optional.of(at(i, "ký tự điều khiển U+%04X".formatted((int) c)));
            }
            if (c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) {
                return Optional.of(at(i, "ký tự không hợp lệ U+%04X".formatted((int) c)));
            }
            if (!Character.isISOControl(c) && !Glyphs.PRINTABLE.get(c)) {
                return Optional.of(unprintable(i, c));
            }
        }
        return Optional.empty();
    }

    private static String unprintable(int index, int codePoint) {
        return at(index, "ký tự '%s' (U+%04X) mà phông chữ của văn bản không có, văn bản in ra sẽ mất ký tự này"
                .formatted(Character.toString(codePoint), codePoint));
    }

    /**
     * The characters every face of the document font (Liberation Serif, shipped in {@code fonts/}) draws: a text
     * may end up in any of them — a section in regular, a heading in bold, a note in italic.
     */
    private static final class Glyphs {

        static final BitSet PRINTABLE = read(List.of("Regular", "Bold", "Italic", "BoldItalic"));

        private static BitSet read(List<String> faces) {
            BitSet all = null;
            for (String face : faces) {
                BitSet drawn = new BitSet();
                try (InputStream in = PlainText.class.getResourceAsStream("/fonts/LiberationSerif-" + face + ".ttf");
                     TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
                    var cmap = font.getUnicodeCmapLookup();
                    for (int codePoint = 0x20; codePoint <= 0x10FFFF; codePoint++) {
                        if (cmap.getGlyphId(codePoint) > 0) {
                            drawn.set(codePoint);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("The document font " + face + " cannot be read", e);
                }
                if (all == null) {
                    all = drawn;
                } else {
                    all.and(drawn);
                }
            }
            return all;
        }
    }

    /**
     * Bean Validation of a text field: it must be {@link #problem plain text}. The message is the field's name as a
     * sentence starts with it ("Tên đợt"), or empty where the reader names the field itself; the problem follows.
     */
    @Documented
    @Constraint(validatedBy = Check.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Clean {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The check of {@link Clean}. */
    public static final class Check implements ConstraintValidator<Clean, String> {

        private String name;

        @Override
        public void initialize(Clean annotation) {
            name = annotation.message();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Optional<String> problem = value == null ? Optional.empty() : problem(normalize(value));
            problem.ifPresent(found -> {
                context.disableDefaultConstraintViolation();
                // The problem names characters and positions only: nothing in it reads as a message parameter.
                context.buildConstraintViolationWithTemplate(name.isEmpty() ? found : name + " " + found)
                        .addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }

    private static String at(int index, String what) {
        return "có " + what + " ở vị trí " + (index + 1);
    }
}
