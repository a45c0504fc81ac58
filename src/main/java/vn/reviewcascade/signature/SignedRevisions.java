package vn.reviewcascade.signature;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * An issued document with signatures added to it, as a leader's token signs it: the file the system issued, byte for
 * byte, then incremental updates, each ending at a signature that covers the file up to there, that add nothing but
 * signatures — the same pages with the same content and resources, no annotation but signature widgets, no new
 * action, script or attachment. Each revision is compared with the one before as a reader renders it, object by
 * object from the catalog down, so whatever the bytes of an update hold, only what a reader would show counts.
 * Whether each signature holds cryptographically is {@link PdfSignatureValidator}'s to say.
 */
public final class SignedRevisions {

    private static final String NOT_ONLY_SIGNATURES = "Phần thêm sau văn bản đã ban hành không chỉ là chữ ký số: ";

    /**
     * What signing may add to the catalog: the form (checked on its own), XMP metadata, validation data (LTV) and the
     * extensions the signing software declares — none of them rendered.
     */
    private static final Set<COSName> SIGNING_CATALOG_ENTRIES = Set.of(COSName.ACRO_FORM, COSName.METADATA, COSName.DSS,
            COSName.EXTENSIONS);
    /** What signing may set in the form: its fields (checked on their own), the signature flags, field defaults. */
    private static final Set<COSName> SIGNING_FORM_ENTRIES = Set.of(COSName.FIELDS, COSName.SIG_FLAGS, COSName.DR,
            COSName.DA);
    private static final Map<COSName, String> CATALOG_ENTRY_NAMES = Map.of(
            COSName.OPEN_ACTION, "hành động tự chạy khi mở tệp (/OpenAction)",
            COSName.AA, "hành động tự động của tài liệu (/AA)",
            COSName.NAMES, "danh mục tên của tệp (/Names: JavaScript, tệp đính kèm)",
            COSName.PAGES, "cây trang (/Pages)");
    private static final Map<COSName, String> PAGE_ENTRY_NAMES = Map.of(
            COSName.CONTENTS, "nội dung (/Contents)",
            COSName.RESOURCES, "tài nguyên: phông chữ, hình ảnh (/Resources)",
            COSName.AA, "hành động tự động (/AA)");

    private SignedRevisions() {
    }

    /**
     * The certificates of the signatures added to the issued document, in the order they were added; the upload is
     * refused, with what is wrong in Vietnamese, unless it is that document with signatures added and nothing else.
     *
     * @param issued the issued PDF as kept (already checked against its SHA-256)
     * @param number the issued document's number, for the messages
     */
    public static List<X509Certificate> addedSigners(byte[] issued, byte[] upload, String number) {
        // The kept file matches its hash, so the same bytes at the head of the upload hash to the stored SHA-256:
        // the issued document is the upload's first revision, untouched.
        if (upload.length < issued.length || !Arrays.equals(upload, 0, issued.length, issued, 0, issued.length)) {
            throw new InvalidSignatureException("Tệp tải lên không phải văn bản số " + number + " đã ban hành: phần đầu "
                    + "tệp phải trùng từng byte với tệp hệ thống đã ký khi ban hành. Hãy tải về đúng văn bản này, ký số "
                    + "bổ sung vào chính tệp đó (không in, không lưu thành tệp mới) rồi tải lên.");
        }
        if (upload.length == issued.length) {
            throw new InvalidSignatureException("Tệp tải lên chính là văn bản số " + number + " đã ban hành, chưa được "
                    + "ký thêm chữ ký số nào.");
        }
        try (PDDocument original = Loader.loadPDF(issued); PDDocument signed = Loader.loadPDF(upload)) {
            List<PDSignature> added = added(original, signed);
            List<Integer> ends = revisionEnds(added, issued.length, upload, signed);
            int start = issued.length;
            for (int end : ends) {
                try (PDDocument before = Loader.loadPDF(Arrays.copyOf(upload, start));
                     PDDocument after = Loader.loadPDF(Arrays.copyOf(upload, end))) {
                    compare(before, after);
                }
                start = end;
            }
            List<X509Certificate> signers = new ArrayList<>();
            for (PDSignature signature : added) {
                signers.add(signer(signature));
            }
            return signers;
        } catch (IOException e) {
            throw new InvalidSignatureException("Tệp PDF bị hỏng, không đọc được (" + e.getMessage() + ").");
        }
    }

    /** The upload's signatures that are not the issued document's own, in the order they were made. */
    private static List<PDSignature> added(PDDocument original, PDDocument signed) throws IOException {
        List<byte[]> own = new ArrayList<>();
        for (PDSignature signature : original.getSignatureDictionaries()) {
            own.add(signature.getContents());
        }
        List<PDSignature> added = new ArrayList<>();
        for (PDSignature signature : signed.getSignatureDictionaries()) {
            if (own.stream().noneMatch(contents -> Arrays.equals(contents, signature.getContents()))) {
                added.add(signature);
            }
        }
        added.sort(Comparator.comparingLong(signature -> PdfSignatureValidator.end(signature.getByteRange())));
        return added;
    }

    /**
     * Where each added revision ends: at an added signature's ByteRange, which must reach past the issued document,
     * end at the end of an update (%%EOF), and, for the last, at the end of the file — or be followed only by the
     * validation data (a DSS) that signing software adds for long-term validation, as this application's own does.
     */
    private static List<Integer> revisionEnds(List<PDSignature> added, int issuedLength, byte[] upload,
                                              PDDocument signed) throws IOException {
        if (added.isEmpty()) {
            throw new InvalidSignatureException(NOT_ONLY_SIGNATURES + "tệp không có chữ ký số nào được thêm sau khi ban "
                    + "hành.");
        }
        TreeSet<Integer> ends = new TreeSet<>();
        for (PDSignature signature : added) {
            long end = PdfSignatureValidator.end(signature.getByteRange());
            if (end <= issuedLength || end > upload.length || !endsAnUpdate(upload, (int) end)) {
                throw new InvalidSignatureException(NOT_ONLY_SIGNATURES + "có chữ ký số thêm vào không ký trọn một lần "
                        + "cập nhật nối sau văn bản đã ban hành.");
            }
            ends.add((int) end);
        }
        if (ends.last() != upload.length && !DocumentSecurityStore.onlyAddsValidationData(upload, signed, ends.last())) {
            throw new InvalidSignatureException(NOT_ONLY_SIGNATURES + "phần cuối tệp không được chữ ký số nào bao trùm.");
        }
        return List.copyOf(ends);
    }

    /** Whether the bytes before {@code end} close an update: "%%EOF", then at most its line ending. */
    private static boolean endsAnUpdate(byte[] file, int end) {
        int last = end;
        while (last > 0 && (file[last - 1] == '\n' || file[last - 1] == '\r') && end - last < 2) {
            last--;
        }
        byte[] eof = {'%', '%', 'E', 'O', 'F'};
        return last >= eof.length && Arrays.equals(file, last - eof.length, last, eof, 0, eof.length);
    }

    /** Refuses a revision that changed anything but signatures, saying what it changed. */
    private static void compare(PDDocument before, PDDocument after) throws IOException {
        Comparison same = new Comparison();
        if (before.getNumberOfPages() != after.getNumberOfPages()) {
            throw notOnlySignatures("số trang đã đổi từ " + before.getNumberOfPages() + " thành "
                    + after.getNumberOfPages() + ".");
        }
        for (int i = 0; i < before.getNumberOfPages(); i++) {
            COSDictionary was = before.getPage(i).getCOSObject();
            COSDictionary is = after.getPage(i).getCOSObject();
            // The page tree is compared with the catalog: here only what is the page's own, to name the page.
            for (COSName key : keys(was, is, Set.of(COSName.PARENT, COSName.ANNOTS))) {
                if (!same.equal(was.getDictionaryObject(key), is.getDictionaryObject(key))) {
                    throw notOnlySignatures("trang " + (i + 1) + " đã bị sửa: "
                            + PAGE_ENTRY_NAMES.getOrDefault(key, "mục /" + key.getName()) + ".");
                }
            }
            compareAnnotations(i + 1, array(was.getDictionaryObject(COSName.ANNOTS)),
                    array(is.getDictionaryObject(COSName.ANNOTS)), same);
        }
        COSDictionary catalogBefore = before.getDocumentCatalog().getCOSObject();
        COSDictionary catalogAfter = after.getDocumentCatalog().getCOSObject();
        for (COSName key : keys(catalogBefore, catalogAfter, SIGNING_CATALOG_ENTRIES)) {
            if (!same.equal(catalogBefore.getDictionaryObject(key), catalogAfter.getDictionaryObject(key))) {
                throw notOnlySignatures("tệp có thêm hoặc sửa "
                        + CATALOG_ENTRY_NAMES.getOrDefault(key, "mục /" + key.getName() + " của tài liệu") + ".");
            }
        }
        compareForm(dictionary(catalogBefore.getDictionaryObject(COSName.ACRO_FORM)),
                dictionary(catalogAfter.getDictionaryObject(COSName.ACRO_FORM)), same);
    }

    /** A page keeps its annotations unchanged and in place; what it gains can only be signature widgets. */
    private static void compareAnnotations(int page, COSArray before, COSArray after, Comparison same) {
        if (after.size() < before.size()) {
            throw notOnlySignatures("trang " + page + " đã bị bỏ bớt chú thích.");
        }
        for (int i = 0; i < before.size(); i++) {
            if (!same.equal(before.getObject(i), after.getObject(i))) {
                throw notOnlySignatures("chú thích có sẵn ở trang " + page + " đã bị sửa.");
            }
        }
        for (int i = before.size(); i < after.size(); i++) {
            COSDictionary annotation = dictionary(after.getObject(i));
            if (!COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE)) || !isSignatureField(annotation)) {
                COSName subtype = annotation.getCOSName(COSName.SUBTYPE);
                throw notOnlySignatures("trang " + page + " có thêm chú thích "
                        + (subtype == null ? "" : "/" + subtype.getName() + " ") + "không phải ô chữ ký số.");
            }
            if (annotation.containsKey(COSName.A) || annotation.containsKey(COSName.AA)) {
                throw notOnlySignatures("ô chữ ký số thêm vào trang " + page + " có kèm hành động (/A, /AA).");
            }
        }
    }

    /** The form keeps its fields unchanged; the fields it gains can only be signature fields. */
    private static void compareForm(COSDictionary before, COSDictionary after, Comparison same) {
        for (COSName key : keys(before, after, SIGNING_FORM_ENTRIES)) {
            if (!same.equal(before.getDictionaryObject(key), after.getDictionaryObject(key))) {
                throw notOnlySignatures("biểu mẫu của tệp có thêm hoặc sửa mục /" + key.getName() + ".");
            }
        }
        COSArray fieldsBefore = array(before.getDictionaryObject(COSName.FIELDS));
        COSArray fieldsAfter = array(after.getDictionaryObject(COSName.FIELDS));
        if (fieldsAfter.size() < fieldsBefore.size()) {
            throw notOnlySignatures("biểu mẫu của tệp đã bị bỏ bớt trường.");
        }
        for (int i = 0; i < fieldsBefore.size(); i++) {
            if (!same.equal(fieldsBefore.getObject(i), fieldsAfter.getObject(i))) {
                throw notOnlySignatures("trường có sẵn của biểu mẫu (chữ ký đã có) đã bị sửa.");
            }
        }
        for (int i = fieldsBefore.size(); i < fieldsAfter.size(); i++) {
            if (!isSignatureField(dictionary(fieldsAfter.getObject(i)))) {
                throw notOnlySignatures("biểu mẫu của tệp có thêm trường không phải chữ ký số.");
            }
        }
    }

    /** A field, or a widget of one, whose type (its own or its parent's) is a signature. */
    private static boolean isSignatureField(COSDictionary field) {
        COSName type = field.getCOSName(COSName.FT);
        if (type == null && field.getDictionaryObject(COSName.PARENT) instanceof COSDictionary parent) {
            type = parent.getCOSName(COSName.FT);
        }
        return COSName.SIG.equals(type);
    }

    private static Set<COSName> keys(COSDictionary before, COSDictionary after, Set<COSName> ignored) {
        Set<COSName> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeAll(ignored);
        return keys;
    }

    private static COSArray array(COSBase value) {
        return value instanceof COSArray array ? array : new COSArray();
    }

    private static COSDictionary dictionary(COSBase value) {
        return value instanceof COSDictionary dictionary ? dictionary : new COSDictionary();
    }

    private static InvalidSignatureException notOnlySignatures(String what) {
        return new InvalidSignatureException(NOT_ONLY_SIGNATURES + what);
    }

    private static X509Certificate signer(PDSignature signature) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(signature.getContents())) {
            CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked") // SignerId is a raw Selector
            Collection<X509CertificateHolder> certificates = cms.getCertificates().getMatches(signer.getSID());
            X509CertificateHolder certificate = certificates.stream().findFirst()
                    .orElseThrow(() -> new InvalidSignatureException("Chữ ký số không kèm chứng thư số của người ký."));
            return new JcaX509CertificateConverter().getCertificate(certificate);
        } catch (CMSException | CertificateException | IllegalArgumentException e) {
            throw new InvalidSignatureException("Chữ ký số hỏng, không đọc được (" + e.getMessage() + ").");
        }
    }


    /**
     * Deep equality of two revisions' objects, indirect references followed, streams compared byte for byte as
     * stored. A pair already being compared counts as equal, so cycles (a page's /Parent, its tree's /Kids) end.
     * Annotations a page holds are left out: they are compared on their own, where a new signature widget may appear.
     */
    private static final class Comparison {

        private final Map<COSBase, Set<COSBase>> visited = new IdentityHashMap<>();

        boolean equal(COSBase before, COSBase after) {
            COSBase was = resolve(before);
            COSBase is = resolve(after);
            if (was instanceof COSDictionary || was instanceof COSArray) {
                if (!visited.computeIfAbsent(was, key -> Collections.newSetFromMap(new IdentityHashMap<>())).add(is)) {
                    return true;
                }
            }
            if (was instanceof COSStream a && is instanceof COSStream b) {
                return equalEntries(a, b) && sameBytes(a, b);
            }
            if (was instanceof COSStream || is instanceof COSStream) {
                return false;
            }
            if (was instanceof COSDictionary a && is instanceof COSDictionary b) {
                return equalEntries(a, b);
            }
            if (was instanceof COSArray a && is instanceof COSArray b) {
                if (a.size() != b.size()) {
                    return false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (!equal(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            if (was instanceof COSName a && is instanceof COSName b) {
                return a.getName().equals(b.getName());
            }
            return was.getClass() == is.getClass() && (was == is || was.equals(is));
        }

        private boolean equalEntries(COSDictionary a, COSDictionary b) {
            Set<COSName> ignored = COSName.PAGE.equals(a.getCOSName(COSName.TYPE)) ? Set.of(COSName.ANNOTS) : Set.of();
            for (COSName key : keys(a, b, ignored)) {
                if (!equal(a.getItem(key), b.getItem(key))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameBytes(COSStream a, COSStream b) {
            try (InputStream was = a.createRawInputStream(); InputStream is = b.createRawInputStream()) {
                return Arrays.equals(was.readAllBytes(), is.readAllBytes());
            } catch (IOException e) {
                return false;
            }
        }

        private static COSBase resolve(COSBase value) {
            COSBase resolved = value instanceof COSObject indirect ? indirect.getObject() : value;
            return resolved == null ? COSNull.NULL : resolved;
        }
    }
}
