package vn.reviewcascade;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The text of an uploaded file (a plan, a tree, a reorganisation): strict UTF-8, without a byte order mark. */
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
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", what + " phải là văn bản mã hóa UTF-8");
        }
    }
}
