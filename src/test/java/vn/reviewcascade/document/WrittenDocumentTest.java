package vn.reviewcascade.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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

    @Autowired IssuedDocuments issued;

    private final Plan plan = TestPlans.kh117();

    @BeforeEach
    void leaders() {
        for (String unit : List.of("VL-A", "VL-B", "VL-C", "VL")) {
            if (identityService.createUserQuery().userId("user." + unit).count() == 0) {
                User user = identityService.newUser("user." + unit);
                user.setFirstName(unit.equals("VL") ? "Trần Minh" : "Lê Văn");
                user.setLastName(unit.equals("VL") ? "Đức" : "Thái");
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

        Map<String, Long> rolledUp = reports.sumSubmittedSubordinateFigures(campaign.id(), "VL");
        Map<String, String> totals = annexRow(document.docx(), "Cộng các đơn vị trực thuộc");
        assertThat(totals).as("every figure of the plan has a total").hasSize(plan.annex().indicators().size());
        plan.annex().indicators().forEach(indicator -> assertThat(totals.get(indicator.label()))
                .as(indicator.key()).isEqualTo(formatted(rolledUp.getOrDefault(indicator.key(), 0L))));
        assertThat(pdf).contains(String.join(" ", totals.values().stream().limit(3).toList()));
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
            // Lines wrap where the page ends them: compare words, not lines.
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String docxText(byte[] file) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText().replaceAll("\\s+", " ");
        }
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
