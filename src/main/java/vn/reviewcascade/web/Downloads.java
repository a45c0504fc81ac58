package vn.reviewcascade.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.report.UnitDocuments;

/** A stored document as a download, under its own name (Vietnamese letters kept, RFC 6266). */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(UnitDocuments.StoredDocument document) {
        return of(document.fileName(), document.contentType(), document.content());
    }

    static ResponseEntity<byte[]> of(String fileName, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(contentType))
                .body(content);
    }
}
