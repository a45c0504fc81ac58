package vn.reviewcascade.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.reviewcascade.TestPlans;
import vn.reviewcascade.Vietnam;
import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.UnitReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KH 117 reports of a base unit and of a district as issued: the signed PDF and the DOCX read back as a reader would
 * (PDFBox text extraction, POI), each carrying what the plan and the unit hold. Pages are also rendered to PNG under
 * target/documents/ to be looked at.
 */
class WrittenDocumentTest extends CascadeTestSupport {

    private static final Path OUT = Path.of("target", "documents");
    /** The longest section a report may hold (ReportValidator). */
    private static final int SECTION_LIMIT = 100_000;

    @Autowired IssuedDocuments issued;

    private final Plan plan = TestPlans.kh117();

    @BeforeEach
    void leaders() {
        for (String unit : List.of("VL-A", "VL-B", "VL-C", "VL")) {
            if (identityService.createUserQuery().userId("user." + unit).count() == 0) {
                User user = identityService.newUser("user." + unit);
                // As the user import stores a name: the given name first, the family and middle names last.
                user.setFirstName(unit.equals("VL") ? "Đức" : "Thái");
                user.setLastName(unit.equals("VL") ? "Trần Minh" : "Lê Văn");
                user.setPassword("Mat-Khau-2030!");
                identityService.saveUser(user);
            }
        }
    }

    @Test
    void aBaseUnitsReportReadsAsTheSignedDocumentThePlanAsksFor() throws IOException {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        UnitReport unit = reports.find(campaign.id(), "VL-A").orElseThrow();
        IssuedDocuments.Issued document = issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow();

        for (String text : List.of(pdfText(document.pdf(), "vl-a-report"), docxText(document.docx()))) {
            assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "HUYỆN ỦY VĨNH LINH", "ĐẢNG ỦY XÃ VĨNH THÁI",
                    "Số " + unit.documentNumber(), dateLine(unit), "BÁO CÁO", "T/M ĐẢNG ỦY", "BÍ THƯ", "Lê Văn Thái",
                    "Nơi nhận:", "Huyện ủy Vĩnh Linh (b/c)");
            for (Plan.Section section : plan.sections()) {
                assertThat(text).contains(section.title(), "Nội dung mục " + section.number());
            }
        }
        // The signature shows where the leader signs: the stamp names the leader who completed the sign-off and the
        // unit, on the page of the signature block.
        DocumentText.SignatureStamp stamp = DocumentText.signatureStamp(document.pdf());
        assertThat(stamp.text()).contains("Ký số bởi: Lê Văn Thái", "Đảng ủy xã Vĩnh Thái", "(giờ Việt Nam)");
        try (PDDocument pdf = Loader.loadPDF(document.pdf())) {
            PDFTextStripper page = new PDFTextStripper();
            page.setStartPage(stamp.page() + 1);
            page.setEndPage(stamp.page() + 1);
            assertThat(page.getText(pdf)).contains("BÍ THƯ", "Lê Văn Thái");
        }
    }

    @Test
    void aDistrictsConsolidatedReportCarriesItsAnnexRolledUpFromItsSubordinates() throws IOException {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        submitReport(campaign, "VL-B", draft(2));
        submitReport(campaign, "VL-C", draft(3));
        runJobs(campaign);
        Map<String, Object> district = new HashMap<>(sections());
        district.put("partyMembers", 65);
        submitReport(campaign, "VL", district);
        UnitReport unit = reports.find(campaign.id(), "VL").orElseThrow();
        IssuedDocuments.Issued document = issued.find(campaign.id(), "VL", DocumentKind.REPORT).orElseThrow();

        String pdf = pdfText(document.pdf(), "vl-report");
        assertThat(pdf).contains("HUYỆN ỦY VĨNH LINH", "Số " + unit.documentNumber(), dateLine(unit), "T/M BAN THƯỜNG VỤ",
                "Trần Minh Đức", "Đảng ủy xã Vĩnh Thái", "Đảng ủy xã Vĩnh Tú", "Đảng ủy xã Vĩnh Chấp",
                "Cộng các đơn vị trực thuộc");

        Map<String, Long> rolledUp = reportService.view(campaign.id(), "VL").subordinateTotals();
        Map<String, String> totals = annexRow(document.docx(), "Cộng các đơn vị trực thuộc");
        assertThat(totals).as("every figure of the plan has a total").hasSize(plan.annex().indicators().size());
        plan.annex().indicators().forEach(indicator -> assertThat(totals.get(indicator.label()))
                .as(indicator.key()).isEqualTo(formatted(rolledUp.getOrDefault(indicator.key(), 0L))));
        assertThat(pdf).contains(String.join(" ", totals.values().stream().limit(3).toList()));
    }

    /**
     * Issue 16: a run of characters without a space longer than a line was cut at the page's edge, so the signed
     * record no longer said what the drafter wrote. Every section here is as long as a section may be, 100,000
     * characters, mostly one unbroken run, after URLs and paths, figures joined by commas, tabs and line breaks,
     * decomposed Vietnamese and every Vietnamese letter. The issued PDF and DOCX read back are the saved text,
     * character for character.
     */
    @Test
    void theIssuedDocumentCarriesEverySectionWholeAsSaved() throws IOException {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        List<String> pieces = List.of(
                "Văn bản đăng tại https://quangtri.dcs.vn/van-ban/2030/ke-hoach-so-117-KH-TU-ve-so-ket-3-nam-thuc-hien"
                        + "-de-an?tep=phu-luc-so-lieu.xlsx&trang=1#muc-2.3, lưu ở \\\\may-chu\\Văn_phòng\\2030\\Báo_cáo"
                        + "_sơ_kết\\Phụ_lục_số_liệu_Đảng_ủy_xã_Vĩnh_Thái.xlsx và /srv/luu-tru/2030/bao-cao/VL-A/phu-luc.pdf.",
                "Số đảng viên theo chi bộ: " + String.join(",", IntStream.rangeClosed(1, 3000)
                        .mapToObj(Integer::toString).toList()) + ".",
                "Tổng số:\t120 đảng viên;\tnữ:\t45.\n\tChi bộ 1:\t\t30\r\nChi bộ 2:\t25\n\n\nHai  dấu cách,   ba dấu cách.",
                Normalizer.normalize("Đảng bộ xã Vĩnh Thái lãnh đạo thực hiện thắng lợi Nghị quyết; kết nạp 12 đảng viên mới,"
                        + " củng cố tổ chức cơ sở đảng vững mạnh.", Normalizer.Form.NFD)
                        + " Dấu không ghép được: q\u0309 đ\u0301 x\u0323 Ư\u0306.",
                DocumentText.vietnameseLetters() + " " + String.join(" ", DocumentText.vietnameseLetters().split("")),
                "Liền một dòng:");
        String unbroken = DocumentText.vietnameseLetters() + "0123456789";
        Map<String, Object> draft = new HashMap<>(draft(1));
        for (int s = 0; s < plan.sections().size(); s++) {
            String piece = pieces.get(s % pieces.size());
            int room = SECTION_LIMIT - Normalizer.normalize(piece, Normalizer.Form.NFC).length() - 1;
            String run = unbroken.repeat(room / unbroken.length() + 1).substring(0, room);
            draft.put(plan.sections().get(s).key(), piece + "\n" + run);
        }
        submitReport(campaign, "VL-A", draft);
        Map<String, String> saved = reportService.view(campaign.id(), "VL-A").sections();
        IssuedDocuments.Issued document = issued.find(campaign.id(), "VL-A", DocumentKind.REPORT).orElseThrow();

        Files.createDirectories(OUT);
        Files.write(OUT.resolve("vl-a-long-text.pdf"), document.pdf());
        String pdf = DocumentText.pdf(document.pdf());
        for (int s = 0; s < plan.sections().size(); s++) {
            Plan.Section section = plan.sections().get(s);
            String text = saved.get(section.key());
            assertThat(text).as("saved composed, as the drafter's keyboard may not have")
                    .isEqualTo(Normalizer.normalize((String) draft.get(section.key()), Normalizer.Form.NFC))
                    .hasSize(SECTION_LIMIT);
            String next = s + 1 < plan.sections().size() ? heading(plan.sections().get(s + 1)) : "Nơi nhận:";
            DocumentText.assertPrintedAsWritten(text, between(pdf, heading(section), next));
            // Word keeps each line a paragraph of its own, tabs as tabs; lines left blank make no paragraph.
            String lines = text.lines().filter(line -> !line.isBlank()).map(String::strip).collect(Collectors.joining("\n"));
            DocumentText.assertSameText(lines, String.join("\n", docxParagraphs(document.docx(), heading(section), next)));
        }
    }

    private static String heading(Plan.Section section) {
        return section.number() + ". " + section.title();
    }

    /** The PDF's text after the line {@code from} and before the line {@code to}, either wrapped anywhere. */
    private static String between(String pdf, String from, String to) {
        Matcher start = wrapped(from).matcher(pdf);
        assertThat(start.find()).as(from).isTrue();
        Matcher end = wrapped(to).matcher(pdf);
        assertThat(end.find(start.end())).as(to).isTrue();
        return pdf.substring(start.end(), end.start());
    }

    private static Pattern wrapped(String line) {
        return Pattern.compile(Arrays.stream(line.split(" ")).map(Pattern::quote).collect(Collectors.joining("\\s+")));
    }

    /** The text of the DOCX's paragraphs after the paragraph {@code from}, up to the paragraph {@code to} or a table. */
    private static List<String> docxParagraphs(byte[] docx, String from, String to) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            boolean inside = false;
            for (IBodyElement element : document.getBodyElements()) {
                String text = element instanceof XWPFParagraph paragraph ? paragraph.getText() : null;
                if (inside && (text == null || text.equals(to))) {
                    return paragraphs;
                }
                if (inside) {
                    paragraphs.add(text);
                }
                inside |= from.equals(text);
            }
        }
        throw new AssertionError("No paragraph " + from);
    }

    private static String dateLine(UnitReport unit) {
        LocalDate day = unit.submittedAt().atZone(Vietnam.ZONE).toLocalDate();
        return "ngày %02d tháng %02d năm %d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    private static String formatted(long value) {
        return String.format(Locale.GERMANY, "%,d", value);
    }

    private static String pdfText(byte[] file, String name) throws IOException {
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".pdf"), file);
        try (PDDocument document = Loader.loadPDF(file)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                ImageIO.write(renderer.renderImageWithDPI(page, 80), "png", OUT.resolve(name + "-" + (page + 1) + ".png").toFile());
            }
        }
        // Lines wrap where the page ends them: compare words, not lines.
        return DocumentText.pdf(file).replaceAll("\\s+", " ");
    }

    private static String docxText(byte[] file) throws IOException {
        return DocumentText.docx(file).replaceAll("\\s+", " ");
    }

    /** The annex row with this label, its cells keyed by their column's label (without the unit), across tables. */
    private static Map<String, String> annexRow(byte[] docx, String label) throws IOException {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (XWPFTable table : document.getTables()) {
                XWPFTableRow header = table.getRow(0);
                for (XWPFTableRow row : table.getRows()) {
                    if (row.getCell(0).getText().strip().equals(label)) {
                        List<String> values = new ArrayList<>();
                        for (int c = 1; c < row.getTableCells().size(); c++) {
                            String column = header.getCell(c).getText().replaceAll(" \\([^)]*\\)$", "").strip();
                            cells.put(column, row.getCell(c).getText().strip());
                            values.add(row.getCell(c).getText().strip());
                        }
                    }
                }
            }
        }
        return cells;
    }
}
