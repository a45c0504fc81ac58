package vn.reviewcascade.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.reviewcascade.report.UnitDocuments;

/**
 * A document as a download, under its own name (Vietnamese letters kept, RFC 6266). Always an attachment, never shown
 * in the browser's tab: an uploaded file (a PDF with scripts, HTML named .pdf) is the user's, not this origin's page.
 * Every response also carries nosniff and a policy that runs nothing ({@link SecurityHeaders}).
 */
public final class Downloads {

    private Downloads() {
    }

    public static ResponseEntity<byte[]> of(UnitDocuments.StoredDocument document) {
        return of(document.fileName(), document.contentType(), document.content());
    }

    public static ResponseEntity<byte[]> of(String fileName, String contentType, byte[] content) {
        return attachment(fileName, contentType).body(content);
    }

    /** A download written while it is sent, without ever being whole in memory. */
    public static ResponseEntity<StreamingResponseBody> streamed(String fileName, String contentType, StreamingResponseBody body) {
        return attachment(fileName, contentType).body(body);
    }

    private static ResponseEntity.BodyBuilder attachment(String fileName, String contentType) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(contentType));
    }
}
