package vn.reviewcascade;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Text people type: stored in Unicode NFC (Vietnamese keyboards send both composed and decomposed letters, which
 * must compare and print alike), with no character a document cannot carry — NUL, control characters other than
 * tab and line breaks, lone surrogates, noncharacters.
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
        }
        return Optional.empty();
    }

    private static String at(int index, String what) {
        return "có " + what + " ở vị trí " + (index + 1);
    }
}
