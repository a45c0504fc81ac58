package vn.reviewcascade;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded file (a plan, a tree, a reorganisation, a list of people): strict UTF-8, without a byte order
 * mark. Any other encoding is refused, saying where it shows, never read as garbled letters.
 */
public final class UploadedText {

    private UploadedText() {
    }

    /**
     * @param what     the file as the refusals name it ("Tệp kế hoạch")
     * @param maxBytes refused beyond this size
     * @param limit    the limit in the user's words ("tối đa 500,000 ký tự")
     */
    public static String decode(byte[] body, String what, int maxBytes, String limit) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("file", what + " rỗng");
        }
        if (body.length > maxBytes) {
            throw new InvalidInputException("file", "%s quá lớn (%,d byte); %s".formatted(what, body.length, limit));
        }
        if (body.length >= 2 && ((body[0] == (byte) 0xFF && body[1] == (byte) 0xFE)
                || (body[0] == (byte) 0xFE && body[1] == (byte) 0xFF))) {
            throw new InvalidInputException("file", what + " được lưu dạng UTF-16; hãy lưu lại dạng UTF-8");
        }
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            // The decoder stops at the first byte it cannot read: its line tells the user where to look.
            int line = 1;
            for (int i = 0; i < bytes.position() && i < body.length; i++) {
                if (body[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidInputException("file", ("%s không phải UTF-8 (dòng %d có ký tự không đọc được, có thể tệp lưu "
                    + "bằng bảng mã cũ như TCVN3 hay Windows-1258); hãy lưu lại dạng UTF-8").formatted(what, line));
        }
    }
}
