package vn.reviewcascade.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads are attachments the browser may not sniff, so a PDF with JavaScript that a unit uploaded is saved, never
 * opened in this origin; the dashboard runs under a policy that lets only its own files run, and the page holds
 * nothing that policy would block; Camunda's webapps keep their own policy.
 */
class SecurityHeadersTest extends CascadeTestSupport {

    private static final String PASSWORD = "Tieu-De-An-Toan-2030";

    @Autowired TestRestTemplate anonymous;
    @LocalServerPort int port;

    @Test
    void anUploadedPdfWithJavaScriptIsDownloadedAsAnAttachmentNeverSniffedNorRun() throws IOException {
        user("sh.cc.dt", "sh.cc.dt@thu.test", PASSWORD, "CC.drafters");
        Campaign campaign = start("CC");
        String document = "/api/campaigns/" + campaign.id() + "/units/CC/report/document";
        TestRestTemplate drafter = anonymous.withBasicAuth("sh.cc.dt", PASSWORD);
        assertThat(drafter.exchange(document, HttpMethod.PUT, fileUpload("bao-cao.pdf", pdfWithJavaScript()), String.class)
                .getStatusCode().value()).isEqualTo(200);

        ResponseEntity<byte[]> download = drafter.getForEntity(document, byte[].class);

        assertThat(download.getStatusCode().value()).isEqualTo(200);
        HttpHeaders headers = download.getHeaders();
        assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(SecurityHeaders.NO_PAGE_POLICY).contains("sandbox");
        ResponseEntity<byte[]> written = drafter.getForEntity("/api/campaigns/" + campaign.id() + "/units/CC/report/written.pdf",
                byte[].class);
        assertThat(written.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
        assertThat(written.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theDashboardRunsUnderItsPolicyAndHoldsNothingItWouldBlock() throws IOException {
        ResponseEntity<String> page = anonymous.getForEntity("/dashboard/index.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(SecurityHeaders.DASHBOARD_POLICY);
        assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        String html = page.getBody();
        assertThat(html).as("no inline script, style element, style attribute or event handler")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain("<style")
                .doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=").doesNotContain("javascript:");
        Matcher sources = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html);
        int loaded = 0;
        while (sources.find()) {
            String source = sources.group(1);
            if (source.endsWith(".js") || source.endsWith(".css")) {
                assertThat(source).as("served from this origin").startsWith("/").doesNotStartWith("//");
                assertThat(anonymous.getForEntity(source, String.class).getStatusCode().value()).as(source).isEqualTo(200);
                loaded++;
            }
        }
        assertThat(loaded).as("ECharts, the page's script and its style sheet").isEqualTo(3);
        String script = anonymous.getForObject("/dashboard/dashboard.js", String.class);
        assertThat(script).doesNotContain("eval(").doesNotContain("new Function").doesNotContain("setAttribute('style'")
                .doesNotContainPattern("style=\\\\?[\"']");

        assertThat(raw("GET /dashboard HTTP/1.1")).as("the way to the login, for a visitor without one").startsWith("HTTP/1.1 302")
                .containsIgnoringCase("Content-Security-Policy: " + SecurityHeaders.DASHBOARD_POLICY);
    }

    /** The registers' page is one of the application's pages: the same policy, nothing in it the policy would block. */
    @Test
    void theRegistersPageRunsUnderThePagesPolicy() throws IOException {
        ResponseEntity<String> page = anonymous.getForEntity("/registers/index.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(SecurityHeaders.DASHBOARD_POLICY);
        assertThat(page.getBody()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain("<style")
                .doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=").doesNotContain("javascript:");
        assertThat(anonymous.getForEntity("/registers/registers.js", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(anonymous.getForObject("/registers/registers.js", String.class)).doesNotContain("eval(")
                .doesNotContain("new Function").doesNotContainPattern("style=\\\\?[\"']");
        assertThat(raw("GET /registers HTTP/1.1")).as("the way to the login, for a visitor without one")
                .startsWith("HTTP/1.1 302").containsIgnoringCase("Content-Security-Policy: " + SecurityHeaders.DASHBOARD_POLICY);
    }

    @Test
    void errorsOfTheApplicationAndOfTheContainerCarryTheHeadersAndCamundasWebappsKeepTheirOwn() throws IOException {
        ResponseEntity<String> notFound = anonymous.withBasicAuth("admin", "Thu-Nghiem-2030").getForEntity("/api/khong-co", String.class);
        assertThat(notFound.getStatusCode().value()).isEqualTo(404);
        assertThat(notFound.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(SecurityHeaders.NO_PAGE_POLICY);
        assertThat(notFound.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        String refused = raw("GET /api/campaigns/%zz HTTP/1.1");
        assertThat(refused).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Security-Policy: " + SecurityHeaders.NO_PAGE_POLICY)
                .containsIgnoringCase("X-Content-Type-Options: nosniff");

        ResponseEntity<String> tasklist = anonymous.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
        List<String> policies = tasklist.getHeaders().getOrEmpty("Content-Security-Policy");
        assertThat(policies).as("Camunda's own, written for its scripts").singleElement().asString()
                .isNotEqualTo(SecurityHeaders.DASHBOARD_POLICY).isNotEqualTo(SecurityHeaders.NO_PAGE_POLICY).contains("script-src");
        assertThat(tasklist.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A PDF that runs a script when a reader opens it, as a forged or careless upload may. */
    private static byte[] pdfWithJavaScript() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('xin chao');"));
            document.save(out);
            return out.toByteArray();
        }
    }
}
