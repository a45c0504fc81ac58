package vn.reviewcascade.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The Document Security Store (ISO 32000-2 §12.8.4.3, PAdES baseline LT): certificates, OCSP responses and CRLs
 * kept in the PDF, in an incremental update after the signature, so the signature can be validated when the
 * authority's services are gone. The update adds the /DSS entry to the catalog and nothing else, which is what
 * {@link #onlyAddsValidationData} allows after the last signature.
 */
final class DocumentSecurityStore {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName CERTS = COSName.getPDFName("Certs");
    private static final COSName OCSPS = COSName.getPDFName("OCSPs");
    private static final COSName CRLS = COSName.getPDFName("CRLs");
    private static final COSName VRI = COSName.getPDFName("VRI");
    private static final Set<COSName> DSS_ENTRIES = Set.of(COSName.TYPE, CERTS, OCSPS, CRLS, VRI);
    /** The end of a revision: its xref's offset and the end-of-file marker, with the line ends PDF writers use. */
    private static final Pattern REVISION_END = Pattern.compile("startxref[\\r\\n]+(\\d+)[\\r\\n]+%%EOF[\\r\\n]*\\z");

    private DocumentSecurityStore() {
    }

    /** What the document's DSS holds; nothing when it has none. A stream that is not what it claims is skipped. */
    static ValidationData read(PDDocument document) throws IOException {
        COSBase store = document.getDocumentCatalog().getCOSObject().getDictionaryObject(DSS);
        if (!(store instanceof COSDictionary dss)) {
            return ValidationData.NONE;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (byte[] encoded : streams(dss, CERTS)) {
            try {
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(encoded)));
            } catch (CertificateException e) {
                // Not a certificate: it cannot help build a path, and the signature does not depend on it.
            }
        }
        return new ValidationData(certificates, streams(dss, OCSPS), streams(dss, CRLS));
    }

    /**
     * The signed PDF with the validation data added in an incremental update: the catalog gains (or extends) its
     * /DSS, whose streams are new objects; nothing the signature covers changes.
     */
    static byte[] append(byte[] signedPdf, ValidationData data) throws IOException {
        try (PDDocument document = Loader.loadPDF(signedPdf)) {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            COSDictionary dss = new COSDictionary();
            if (catalog.getDictionaryObject(DSS) instanceof COSDictionary existing) {
                // Keep what an earlier update stored: a later signer's data adds to it.
                existing.entrySet().forEach(entry -> dss.setItem(entry.getKey(), entry.getValue()));
            }
            List<byte[]> certificates = new ArrayList<>();
            for (X509Certificate certificate : data.certificates()) {
                try {
                    certificates.add(certificate.getEncoded());
                } catch (CertificateEncodingException e) {
                    throw new IOException("certificate cannot be encoded: " + e.getMessage(), e);
                }
            }
            add(document, dss, CERTS, certificates);
            add(document, dss, OCSPS, data.ocspResponses());
            add(document, dss, CRLS, data.crls());
            catalog.setItem(DSS, dss);
            ByteArrayOutputStream out = new ByteArrayOutputStream(signedPdf.length + 16 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /**
     * Whether everything after {@code signedEnd} is incremental updates that only add validation data: the file
     * ends a revision properly, no object the signed revision defines is redefined except the catalog, and the
     * catalog differs only by its /DSS. Anything else — a page, a form field, a comment appended — is content added
     * after signing.
     */
    static boolean onlyAddsValidationData(byte[] file, PDDocument whole, int signedEnd) throws IOException {
        String tail = new String(file, signedEnd, file.length - signedEnd, StandardCharsets.ISO_8859_1);
        Matcher end = REVISION_END.matcher(tail);
        if (!end.find() || !startsXref(file, Long.parseLong(end.group(1)), signedEnd)) {
            return false;
        }
        try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(file, signedEnd))) {
            COSDictionary signedTrailer = signed.getDocument().getTrailer();
            COSDictionary trailer = whole.getDocument().getTrailer();
            COSObjectKey root = key(trailer.getItem(COSName.ROOT));
            if (root == null || !root.equals(key(signedTrailer.getItem(COSName.ROOT)))
                    || !Objects.equals(key(trailer.getItem(COSName.INFO)), key(signedTrailer.getItem(COSName.INFO)))
                    || trailer.containsKey(COSName.ENCRYPT)) {
                return false;
            }
            Map<COSObjectKey, Long> before = signed.getDocument().getXrefTable();
            Map<COSObjectKey, Long> after = whole.getDocument().getXrefTable();
            for (Map.Entry<COSObjectKey, Long> entry : before.entrySet()) {
                Long now = after.get(entry.getKey());
                if (now == null || (!now.equals(entry.getValue()) && !entry.getKey().equals(root))) {
                    return false;
                }
            }
            for (Map.Entry<COSObjectKey, Long> entry : after.entrySet()) {
                Long offset = entry.getValue();
                // A new object written plainly must be where the xref says: a repaired file is not taken as is.
                if (!before.containsKey(entry.getKey()) && offset != null && offset > 0
                        && (offset < signedEnd || !startsObject(file, offset, entry.getKey()))) {
                    return false;
                }
            }
            return sameExceptDss(signed.getDocumentCatalog().getCOSObject(), whole.getDocumentCatalog().getCOSObject())
                    && onlyValidationEntries(whole.getDocumentCatalog().getCOSObject().getDictionaryObject(DSS));
        }
    }

    private static boolean startsXref(byte[] file, long offset, int signedEnd) {
        if (offset < signedEnd || offset >= file.length) {
            return false;
        }
        String at = new String(file, (int) offset, (int) Math.min(40, file.length - offset), StandardCharsets.ISO_8859_1);
        return at.startsWith("xref") || at.matches("(?s)\\d+\\s+\\d+\\s+obj.*");
    }

    private static boolean startsObject(byte[] file, long offset, COSObjectKey key) {
        if (offset >= file.length) {
            return false;
        }
        String at = new String(file, (int) offset, (int) Math.min(40, file.length - offset), StandardCharsets.ISO_8859_1);
        return at.matches("(?s)" + key.getNumber() + "\\s+" + key.getGeneration() + "\\s+obj.*");
    }

    private static boolean sameExceptDss(COSDictionary signed, COSDictionary now) {
        Set<COSName> names = new HashSet<>(signed.keySet());
        names.addAll(now.keySet());
        names.remove(DSS);
        if (signed.getItem(DSS) != null && now.getItem(DSS) == null) {
            return false;
        }
        return names.stream().allMatch(name -> same(signed.getItem(name), now.getItem(name)));
    }

    private static boolean onlyValidationEntries(COSBase dss) {
        return dss == null || dss instanceof COSDictionary dictionary && DSS_ENTRIES.containsAll(dictionary.keySet());
    }

    /** The same value: the same indirect object, or equal direct values. */
    private static boolean same(COSBase a, COSBase b) {
        if (a instanceof COSObject || b instanceof COSObject) {
            return a instanceof COSObject && b instanceof COSObject && Objects.equals(a.getKey(), b.getKey());
        }
        if (a instanceof COSDictionary first && b instanceof COSDictionary second) {
            return !(a instanceof COSStream) && !(b instanceof COSStream) && first.keySet().equals(second.keySet())
                    && first.keySet().stream().allMatch(name -> same(first.getItem(name), second.getItem(name)));
        }
        if (a instanceof COSArray first && b instanceof COSArray second) {
            if (first.size() != second.size()) {
                return false;
            }
            for (int i = 0; i < first.size(); i++) {
                if (!same(first.get(i), second.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static COSObjectKey key(COSBase value) {
        return value == null ? null : value.getKey();
    }

    private static List<byte[]> streams(COSDictionary dss, COSName name) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        if (dss.getDictionaryObject(name) instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSStream stream) {
                    try (InputStream in = stream.createInputStream()) {
                        contents.add(in.readAllBytes());
                    }
                }
            }
        }
        return contents;
    }

    private static void add(PDDocument document, COSDictionary dss, COSName name, List<byte[]> contents)
            throws IOException {
        COSArray array = new COSArray();
        if (dss.getDictionaryObject(name) instanceof COSArray existing) {
            for (int i = 0; i < existing.size(); i++) {
                array.add(existing.get(i));
            }
        }
        for (byte[] content : contents) {
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(content);
            }
            array.add(stream);
        }
        if (array.size() > 0) {
            dss.setItem(name, array);
        }
    }
}
