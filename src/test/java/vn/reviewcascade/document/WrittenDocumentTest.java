package vn.reviewcascade.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.UnitReport;

import static org.assertj.core.api.Assertions.assertThat;

/** The guidance and reports of KH 117 written as documents, read back from the PDF as a reader would. */
class WrittenDocumentTest extends CascadeTestSupport {

    @Autowired WrittenDocuments documents;
    @Autowired PdfRendering pdf;

    @Test
    void aDistrictsConsolidatedReportReadsAsTheDocumentThePlanAsksFor() throws IOException {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        submitReport(campaign, "VL-B", draft(2));
        submitReport(campaign, "VL-C", draft(3));
        runJobs(campaign);
        Map<String, Object> district = new HashMap<>(sections());
        district.put("partyMembers", 65);
        submitReport(campaign, "VL", district);
        UnitReport vl = reports.find(campaign.id(), "VL").orElseThrow();

        WrittenDocument document = documents.compose(campaign.id(), "VL", DocumentKind.REPORT, vl.documentNumber(), now());
        byte[] file = pdf.pdf(document, "test");
        Path out = Path.of("target", "documents");
        Files.createDirectories(out);
        Files.write(out.resolve("vl-report.pdf"), file);
        try (PDDocument read = Loader.loadPDF(file)) {
            String text = new PDFTextStripper().getText(read);
            for (int page = 0; page < read.getNumberOfPages(); page++) {
                javax.imageio.ImageIO.write(new PDFRenderer(read).renderImageWithDPI(page, 60), "png",
                        out.resolve("vl-report-" + (page + 1) + ".png").toFile());
            }
            assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "HUYỆN ỦY VĨNH LINH", "Số " + vl.documentNumber(), "BÁO CÁO",
                    "T/M BAN THƯỜNG VỤ", "Nơi nhận:", "Đảng ủy xã Vĩnh Thái");
        }
    }
}
