package vn.reviewcascade.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.Limits;
import vn.reviewcascade.TestDocuments;
import vn.reviewcascade.campaign.Campaign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input a user or a client can send — figures, sections, report bodies, task completions,
 * campaigns, documents, user imports, addresses — is refused with a 4xx whose Vietnamese message names the wrong
 * field, and nothing is stored: the counts of every table a request could write are the same after it as before.
 */
class BadInputTest extends CascadeTestSupport {

    private static final String PASSWORD = "Sai-Du-Lieu-2030";
    private static final String ADMIN = "admin";

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private Campaign drafting;
    private Campaign reviewing;
    private Campaign guiding;
    private String draftTask;
    private String reviewTask;

    /** A request, the status it must get, the field the answer must name (or null) and words its message must hold. */
    private record Case(String name, Supplier<ResponseEntity<String>> request, int status, String field, String words) {
    }

    /** What any request of these could write; a refused one leaves all of it as it was. */
    private record Snapshot(List<Long> counts) {
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsRefusedInVietnameseNamingTheFieldAndStoresNothing() {
        prepare();
        List<Case> cases = new ArrayList<>();
        figures(cases);
        sections(cases);
        reportBodies(cases);
        taskCompletions(cases);
        campaigns(cases);
        documents(cases);
        guidance(cases);
        imports(cases);
        plans(cases);
        engineCompletions(cases);
        addresses(cases);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        return cases.stream().map(check -> DynamicTest.dynamicTest(check.name(), () -> run(check)));
    }

    private void prepare() {
        user("bi.cc.dt", "bi.cc.dt@thu.test", PASSWORD, "CC.drafters");
        user("bi.a.dt", "bi.a.dt@thu.test", PASSWORD, "VL-A.drafters");
        user("bi.a.td", "bi.a.td@thu.test", PASSWORD, "VL-A.reviewers");
        drafting = start("CC");
        draftTask = task(drafting, "CC", "DraftDocument").getId();
        // One save, so the report's version is 1 and a save based on version 0 is outdated.
        assertThat(send("bi.cc.dt", HttpMethod.PUT, report(drafting, "CC"), "{\"sections\": {\"section1\": \"Trước Đề án.\"}}")
                .getStatusCode().value()).isEqualTo(200);
        reviewing = start("VL");
        issueGuidance(reviewing, "VL");
        complete(reviewing, "VL-A", "DraftDocument", draft(1));
        reviewTask = task(reviewing, "VL-A", "ReviewDraft").getId();
        guiding = start("TU");
        // The campaign the duplicate case sends again.
        assertThat(send(ADMIN, HttpMethod.POST, "/api/campaigns", duplicateCampaign()).getStatusCode().value()).isEqualTo(201);
    }

    private void run(Case check) throws IOException {
        Snapshot before = snapshot();
        ResponseEntity<String> response = check.request().get();
        String body = response.getBody() == null ? "" : response.getBody();
        assertThat(response.getStatusCode().value()).as("%s: %s", check.name(), body).isEqualTo(check.status());
        JsonNode answer = json.readTree(body);
        StringBuilder text = new StringBuilder(answer.path("message").asText());
        List<String> named = new ArrayList<>();
        for (JsonNode error : answer.path("errors")) {
            text.append(" | ").append(error.path("message").asText());
            named.add(error.has("field") ? error.path("field").asText() : error.path("line").asText());
        }
        assertThat(text.toString()).as("%s: the message", check.name()).contains(check.words())
                .matches(message -> message.codePoints().anyMatch(c -> c >= 0x00C0 && c <= 0x1EF9), "is Vietnamese");
        if (check.field() != null) {
            assertThat(named).as("%s: the fields named", check.name()).contains(check.field());
        }
        assertThat(snapshot()).as("%s: nothing stored", check.name()).isEqualTo(before);
    }

    private Snapshot snapshot() {
        return new Snapshot(List.of("select count(*) from campaign", "select coalesce(sum(version), 0) from campaign_document",
                "select count(*) from document_section",
                "select count(*) from report_figure", "select count(*) from unit_document", "select count(*) from review_comment",
                "select count(*) from ACT_ID_USER", "select count(*) from ACT_ID_MEMBERSHIP", "select count(*) from mail_outbox",
                "select count(*) from ACT_RU_VARIABLE", "select count(*) from ACT_RU_TASK", "select count(*) from ACT_HI_DETAIL")
                .stream().map(sql -> jdbc.queryForObject(sql, Long.class)).toList());
    }

    // ------------------------------------------------------------------------------------------------------------

    private void figures(List<Case> cases) {
        Object[][] values = {
                {"-1", "không được là số âm (-1)"}, {"1.5", "không được có phần lẻ (1.5)"}, {"\"12a\"", "không phải \"12a\""},
                {"\"\"", "đang để trống"}, {"\"   \"", "đang để trống"}, {"true", "phải là số nguyên"},
                {"[]", "phải là số nguyên"}, {"{}", "phải là số nguyên"}, {"1e400", "quá lớn"}, {"\"NaN\"", "không phải \"NaN\""},
                {"\"Infinity\"", "không phải \"Infinity\""}, {"2000000000", "quá lớn (tối đa 1,000,000,000)"},
                {"\"1000000001\"", "quá lớn"}, {"\"١٢\"", "không phải"}, {"\"１２\"", "không phải"}, {"\"0x10\"", "không phải"},
                {"\"1,000\"", "không phải"}, {"\"1.000\"", "không phải"}, {"\"1e3\"", "không phải"},
                {"99999999999999999999999999", "quá lớn"}, {"-0.5", "phần lẻ"}, {"\"+5\"", "không phải"}};
        for (Object[] value : values) {
            cases.add(putReport("figure partyMembers = " + value[0], "{\"figures\": {\"partyMembers\": " + value[0] + "}}",
                    "partyMembers", (String) value[1]));
        }
        for (String figure : List.of("enterprises", "youthMembers", "womenMembers", "veteranMembers")) {
            for (Object[] value : new Object[][] {{"-3", "số âm"}, {"2.25", "phần lẻ"}, {"\"ba\"", "không phải \"ba\""},
                    {"\"\"", "để trống"}, {"false", "số nguyên"}, {"1e400", "quá lớn"}, {"3000000000", "quá lớn"}}) {
                cases.add(putReport("figure " + figure + " = " + value[0], "{\"figures\": {\"" + figure + "\": " + value[0] + "}}",
                        figure, (String) value[1]));
            }
        }
        cases.add(putReport("unknown figure", "{\"figures\": {\"partyMemberz\": 1}}", "partyMemberz", "Không có chỉ tiêu 'partyMemberz'"));
        cases.add(putReport("a part above its whole", "{\"figures\": {\"partyMembers\": 10, \"newPartyMembers\": 12}}",
                "newPartyMembers", "không được lớn hơn"));
    }

    private void sections(List<Case> cases) {
        Object[][] texts = {
                {"\"a\\u0000b\"", "ký tự NUL ở vị trí 2"}, {"\"a\\u0001b\"", "ký tự điều khiển U+0001"},
                {"\"a\\u0007b\"", "U+0007"}, {"\"a\\u001bb\"", "U+001B"}, {"\"a\\u007fb\"", "U+007F"}, {"\"a\\u0085b\"", "U+0085"},
                {"\"a\\ud800b\"", "nửa cặp surrogate"}, {"\"a\\udc00b\"", "nửa cặp surrogate"},
                {"\"a\\udc00\\ud800b\"", "nửa cặp surrogate"}, {"\"a\\ufffeb\"", "U+FFFE"}, {"\"a\\uffffb\"", "U+FFFF"},
                {"\"a\\ufdd0b\"", "U+FDD0"}, {"\"a\\ud83f\\udffeb\"", "U+1FFFE"},
                {"\"" + "x".repeat(100_001) + "\"", "dài 100,001 ký tự"}, {"42", "phải là văn bản"}, {"true", "phải là văn bản"},
                {"[\"a\"]", "phải là văn bản"}, {"{\"a\": 1}", "phải là văn bản"}};
        for (Object[] text : texts) {
            String label = ((String) text[0]).length() > 30 ? "100,001 characters" : (String) text[0];
            cases.add(putReport("section1 = " + label, "{\"sections\": {\"section1\": " + text[0] + "}}", "section1", (String) text[1]));
        }
        for (String key : List.of("section7", "section0", "Section1", "")) {
            cases.add(putReport("section key '" + key + "'", "{\"sections\": {\"" + key + "\": \"x\"}}", key, "Không có mục"));
        }
    }

    private void reportBodies(List<Case> cases) {
        cases.add(putReport("unknown key of the body", "{\"figure\": {}}", "figure", "Không có trường 'figure'"));
        cases.add(putReport("sections as a list", "{\"sections\": []}", "sections", "phải là một đối tượng JSON"));
        cases.add(putReport("figures as text", "{\"figures\": \"12\"}", "figures", "phải là một đối tượng JSON"));
        cases.add(putReport("negative version", "{\"version\": -1}", "version", "không âm"));
        cases.add(putReport("version as text", "{\"version\": \"1\"}", "version", "không âm"));
        cases.add(putReport("fractional version", "{\"version\": 1.5}", "version", "không âm"));
        cases.add(new Case("a save on an outdated version", () -> send("bi.cc.dt", HttpMethod.PUT, report(drafting, "CC"),
                "{\"version\": 0, \"sections\": {\"section2\": \"Ghi đè\"}}"), 409, null, "đã được lưu lại sau khi bạn mở"));
        cases.add(putReport("figure partyMembers = NaN", "{\"figures\": {\"partyMembers\": NaN}}", "figures.partyMembers",
                "không phải số"));
        cases.add(putReport("figure partyMembers = -Infinity", "{\"figures\": {\"partyMembers\": -Infinity}}", "figures.partyMembers",
                "không phải số"));
        cases.add(new Case("a section that is not UTF-8", () -> putBytes("bi.cc.dt", report(drafting, "CC"),
                latin1("{\"sections\": {\"section1\": \"Tr\u01b0\u1edbc \u0110\u1ec1 \u00e1n\"}}")), 400, "sections.section1", "UTF-8"));
        cases.add(new Case("a body that is not JSON", () -> send("bi.cc.dt", HttpMethod.PUT, report(drafting, "CC"), "{\"sections\":"),
                400, null, "không phải JSON hợp lệ"));
        cases.add(new Case("a JSON list for a body", () -> send("bi.cc.dt", HttpMethod.PUT, report(drafting, "CC"), "[1, 2]"),
                400, null, "phải là một đối tượng JSON"));
        cases.add(new Case("no body", () -> send("bi.cc.dt", HttpMethod.PUT, report(drafting, "CC"), ""), 400, null, "không đọc được"));
        cases.add(new Case("text instead of JSON", () -> sendAs("bi.cc.dt", HttpMethod.PUT, report(drafting, "CC"),
                "sections=x", MediaType.TEXT_PLAIN), 415, null, "không được nhận"));
        cases.add(new Case("a reviewer saving the draft", () -> send("bi.a.td", HttpMethod.PUT, report(reviewing, "VL-A"),
                "{\"figures\": {\"partyMembers\": 1}}"), 403, null, "Chỉ chuyên viên dự thảo"));
        cases.add(new Case("a report under review", () -> send("bi.a.dt", HttpMethod.PUT, report(reviewing, "VL-A"),
                "{\"figures\": {\"partyMembers\": 1}}"), 409, null, "không thể sửa"));
    }

    private void taskCompletions(List<Case> cases) {
        for (String name : List.of("unitCode", "campaignId", "documentKind", "reviewers", "dueDate", "planNumber")) {
            cases.add(new Case("draft completed with " + name, () -> send("bi.cc.dt", HttpMethod.POST, completion(draftTask),
                    "{\"" + name + "\": \"VL\"}"), 400, name, "Không có trường '" + name + "'"));
        }
        cases.add(new Case("draft with an unknown section", () -> send("bi.cc.dt", HttpMethod.POST, completion(draftTask),
                "{\"sections\": {\"section7\": \"x\"}}"), 400, "section7", "Không có mục 'section7'"));
        cases.add(new Case("draft with a negative figure", () -> send("bi.cc.dt", HttpMethod.POST, completion(draftTask),
                "{\"figures\": {\"partyMembers\": -5}}"), 400, "partyMembers", "không được là số âm (-5)"));
        cases.add(new Case("draft with sections as text", () -> send("bi.cc.dt", HttpMethod.POST, completion(draftTask),
                "{\"sections\": \"abc\"}"), 400, "sections", "phải là một đối tượng JSON"));
        cases.add(new Case("draft on an outdated version", () -> send("bi.cc.dt", HttpMethod.POST, completion(draftTask),
                "{\"version\": 0}"), 409, null, "đã được lưu lại sau khi bạn mở"));
        cases.add(new Case("draft left incomplete", () -> send("bi.cc.dt", HttpMethod.POST, completion(draftTask), "{}"),
                400, "section2", "chưa được viết"));
        Object[][] decisions = {
                {"{\"approved\": \"có\"}", "approved", "Hãy chọn Đồng ý hoặc Trả lại để sửa"},
                {"{}", "approved", "Hãy chọn Đồng ý hoặc Trả lại để sửa"},
                {"{\"approved\": [true]}", "approved", "Hãy chọn Đồng ý hoặc Trả lại để sửa"},
                {"{\"approved\": \"true\"}", "approved", "Hãy chọn Đồng ý hoặc Trả lại để sửa"},
                {"{\"approved\": false}", "comment", "phải ghi rõ ý kiến cần sửa"},
                {"{\"approved\": false, \"comment\": \"   \"}", "comment", "phải ghi rõ ý kiến cần sửa"},
                {"{\"approved\": false, \"comment\": \"" + "ý".repeat(10_001) + "\"}", "comment", "dài 10,001 ký tự"},
                {"{\"approved\": true, \"comment\": \"a\\u0000b\"}", "comment", "ký tự NUL"},
                {"{\"approved\": true, \"comment\": 5}", "comment", "phải là văn bản"},
                {"{\"approved\": true, \"unitCode\": \"VL-B\"}", "unitCode", "Không có trường 'unitCode'"},
                {"{\"approved\": true, \"signers\": \"VL-A.reviewers\"}", "signers", "Không có trường 'signers'"}};
        for (Object[] decision : decisions) {
            String label = ((String) decision[0]).length() > 60 ? "a 10,001-character comment" : (String) decision[0];
            cases.add(new Case("review " + label, () -> send("bi.a.td", HttpMethod.POST, completion(reviewTask), (String) decision[0]),
                    400, (String) decision[1], (String) decision[2]));
        }
        cases.add(new Case("an unknown task", () -> send("bi.cc.dt", HttpMethod.POST, completion("khong-co"), "{}"), 404, null,
                "Không có việc 'khong-co'"));
        cases.add(new Case("another unit's task", () -> send("bi.a.td", HttpMethod.POST, completion(draftTask), "{}"), 404, null,
                "không được xem việc này"));
        cases.add(new Case("reading another unit's task", () -> send("bi.a.td", HttpMethod.GET, "/api/tasks/" + draftTask, null),
                404, null, "không được xem việc này"));
    }

    private void campaigns(List<Case> cases) {
        int year = YEAR + 3;
        int lastYear = java.time.Year.now().getValue() - 1;
        Object[][] bodies = {
                {"{}", "plan", "Thiếu số hiệu kế hoạch"},
                {"{\"plan\": \"\", \"rootUnit\": \"VL\", \"year\": " + year + "}", "plan", "Thiếu số hiệu kế hoạch"},
                {"{\"plan\": \"999-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + "}", "plan", "Không có kế hoạch '999-KH/TU'"},
                {"{\"plan\": 117, \"rootUnit\": \"VL\", \"year\": " + year + "}", "plan", "phải là văn bản"},
                {"{\"plan\": \"117-KH/TU\", \"year\": " + year + "}", "rootUnit", "Thiếu mã đơn vị"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"NOPE\", \"year\": " + year + "}", "rootUnit", "Không có đơn vị 'NOPE'"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": 5, \"year\": " + year + "}", "rootUnit", "phải là văn bản"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\"}", "year", "Thiếu năm thực hiện"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": null}", "year", "Thiếu năm thực hiện"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": 1999}", "year", "Năm 1999 không hợp lệ"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": 2101}", "year", "Năm 2101 không hợp lệ"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": 2027.9}", "year", "phải là số nguyên"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": \"2031\"}", "year", "phải là số nguyên"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": true}", "year", "phải là số nguyên"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": 1e400}", "year", "phải là số nguyên"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": 2147483648}", "year", "phải là số nguyên"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": -99999999999999999999}", "year", "phải là số nguyên"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": {\"BASE\": {\"report\": \"+999999999-12-31T23:59:59Z\"}}}", "deadlines.BASE.report", "trong năm " + year + " hoặc " + (year + 1)},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": {\"DISTRICT\": {\"report\": \"2099-12-31\"}}}", "deadlines.DISTRICT.report", "trong năm " + year + " hoặc " + (year + 1)},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"reminders\": {\"BASE\": [\"P99999999999D\"]}}", "reminders.BASE", "tối đa 365 ngày"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"reminders\": {\"BASE\": [\"P366D\"]}}", "reminders.BASE", "tối đa 365 ngày"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"dedlines\": {}}", "dedlines", "Không có trường 'dedlines'"},
                {"{\"plan\": \"117-KH/TU\", \"rootunit\": \"VL\", \"year\": " + year + "}", "rootunit", "Không có trường 'rootunit'"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": []}", "deadlines", "một đối tượng JSON"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": {\"BASE\": 5}}", "deadlines.BASE", "một đối tượng JSON"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": {\"BASE\": {\"report\": 5}}}", "deadlines.BASE.report", "phải là văn bản"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": {\"BASE\": {\"report\": \"30/09/" + year + "\"}}}", "deadlines.BASE.report", "không phải ngày"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": {\"BASE\": {\"report\": \"" + year + "-02-30\"}}}", "deadlines.BASE.report", "không phải ngày"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": {\"BASE\": {\"final\": \"" + year + "-12-01\"}}}", "deadlines.BASE.final", "Cấp BASE không có hạn 'final'; chỉ có: report"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": {\"BASE\": {\"guidance\": \"" + year + "-03-01\"}}}", "deadlines.BASE.guidance", "Cấp BASE không có hạn 'guidance'"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": {\"PROVINCE\": {\"report\": \"" + year + "-12-01\"}}}", "deadlines.PROVINCE", "Đợt này không có cấp 'PROVINCE'; chỉ có: DISTRICT, BASE"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"deadlines\": {\"BASE\": {\"report\": \"" + year + "-11-05\"}}}", "deadlines.DISTRICT.subordinates", "không được sớm hơn hạn báo cáo của cấp cơ sở"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": 2020}", "deadlines.DISTRICT.guidance", "đã qua"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + lastYear + ", \"deadlines\": {\"DISTRICT\": {\"report\": \"" + lastYear + "-01-01T00:00:00+07:00\"}}}", "deadlines.DISTRICT.report", "đã qua"},
                {"{\"plan\": \"117-KH/TU\", \"planVersion\": 99, \"rootUnit\": \"VL\", \"year\": " + year + "}", "planVersion", "không có phiên bản 99"},
                {"{\"plan\": \"900-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + "}", "rootUnit", "kế hoạch 900-KH/TU không đến cấp này"},
                {"{\"plan\": \"900-KH/TU\", \"rootUnit\": \"TU\", \"year\": " + year + "}", "plan", "có cấp COMMUNE ngay dưới cấp PROVINCE, nhưng cây đơn vị"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"title\": \"\"}", "title", "từ 1 đến 500 ký tự"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"title\": \"   \"}", "title", "từ 1 đến 500 ký tự"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"title\": \"" + "đ".repeat(501) + "\"}", "title", "từ 1 đến 500 ký tự"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"title\": \"a\\u0000b\"}", "title", "ký tự NUL"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"title\": 5}", "title", "phải là văn bản"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"reminders\": {\"TINH\": [\"P1D\"]}}", "reminders.TINH", "Đợt này không có cấp 'TINH'"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"reminders\": {\"BASE\": [\"P-1D\"]}}", "reminders.BASE", "khoảng thời gian dương"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"reminders\": {\"BASE\": [\"abc\"]}}", "reminders.BASE", "khoảng thời gian dương"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"reminders\": {\"BASE\": \"P1D\"}}", "reminders.BASE", "một danh sách JSON"},
                {"{\"plan\": \"117-KH/TU\", \"rootUnit\": \"VL\", \"year\": " + year + ", \"reminders\": {\"BASE\": [5]}}", "reminders.BASE.0", "phải là văn bản"}};
        for (Object[] body : bodies) {
            String label = ((String) body[0]).length() > 110 ? ((String) body[0]).substring(0, 110) + "…" : (String) body[0];
            cases.add(new Case("campaign " + label, () -> send(ADMIN, HttpMethod.POST, "/api/campaigns", (String) body[0]), 400,
                    (String) body[1], (String) body[2]));
        }
        cases.add(new Case("the same campaign twice", () -> send(ADMIN, HttpMethod.POST, "/api/campaigns", duplicateCampaign()),
                409, null, "Đợt này đã được mở"));
        cases.add(new Case("a campaign as a JSON list", () -> send(ADMIN, HttpMethod.POST, "/api/campaigns", "[]"), 400, null,
                "phải là một đối tượng JSON"));
        cases.add(new Case("a campaign started by a base unit", () -> send("bi.cc.dt", HttpMethod.POST, "/api/campaigns",
                duplicateCampaign()), 403, null, "Chỉ quản trị viên và các ban theo dõi mọi đơn vị"));
    }

    private void documents(List<Case> cases) {
        byte[] pdf = TestDocuments.pdf();
        byte[] docx = TestDocuments.docx("Báo cáo sơ kết");
        cases.add(upload("a text file", "CC", "bi.cc.dt", "bao-cao.txt", "Báo cáo".getBytes(StandardCharsets.UTF_8), 400, "document", "Chỉ nhận tệp PDF"));
        cases.add(upload("a broken PDF", "CC", "bi.cc.dt", "gia-mao.pdf", "%PDF-1.4\nhỏng".getBytes(StandardCharsets.UTF_8), 400, "document", "không phải tệp PDF đọc được"));
        cases.add(upload("any zip as Word", "CC", "bi.cc.dt", "gia-mao.docx", zip(), 400, "document", "không phải văn bản Word"));
        cases.add(upload("Word named PDF", "CC", "bi.cc.dt", "bao-cao.pdf", docx, 400, "document", "Chỉ nhận tệp PDF"));
        cases.add(upload("PDF named Word", "CC", "bi.cc.dt", "bao-cao.docx", pdf, 400, "document", "Chỉ nhận tệp PDF"));
        cases.add(upload("an empty file", "CC", "bi.cc.dt", "bao-cao.pdf", new byte[0], 400, "document", "rỗng"));
        cases.add(upload("a control character in the name", "CC", "bi.cc.dt", "bao\u0001cao.pdf", pdf, 400, "document", "ký tự điều khiển"));
        cases.add(upload("a name of 256 characters", "CC", "bi.cc.dt", "b".repeat(252) + ".pdf", pdf, 400, "document", "Tên tệp dài 256 ký tự"));
        cases.add(upload("an encrypted PDF", "CC", "bi.cc.dt", "mat-khau.pdf", encryptedPdf(), 400, "document", "có mật khẩu"));
        cases.add(upload("a PDF without pages", "CC", "bi.cc.dt", "trong.pdf", emptyPdf(), 400, "document", "không có trang nào"));
        cases.add(upload("more than 10 MB", "CC", "bi.cc.dt", "lon.pdf", padded(pdf, 10 * 1024 * 1024 + 512), 400, "document", "quá lớn"));
        cases.add(upload("more than the upload limit", "CC", "bi.cc.dt", "rat-lon.pdf", padded(pdf, 13 * 1024 * 1024), 413, "file", "quá lớn"));
        cases.add(upload("a report under review", "VL-A", "bi.a.dt", "bao-cao.pdf", pdf, 409, null, "không thể sửa"));
        cases.add(upload("by a reviewer", "VL-A", "bi.a.td", "bao-cao.pdf", pdf, 403, null, "Chỉ chuyên viên dự thảo"));
        cases.add(new Case("no file part", () -> {
            LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("tep", "x");
            return put("bi.cc.dt", report(drafting, "CC") + "/document", multipart(form));
        }, 400, "file", "Chưa chọn tệp"));
    }

    private void guidance(List<Case> cases) {
        String drafted = "/api/campaigns/" + guiding.id() + "/units/TU/guidance";
        Object[][] bodies = {{"{\"text\": \"a\\u0000b\"}", "guidanceText", "ký tự NUL"},
                {"{\"text\": \"" + "h".repeat(100_001) + "\"}", "guidanceText", "dài 100,001 ký tự"},
                {"{\"text\": 5}", "guidanceText", "phải là văn bản"},
                {"{\"text\": \"x\", \"number\": \"9-HD/TU\"}", "number", "Không có trường 'number'"},
                {"{\"version\": \"0\"}", "version", "không âm"}};
        for (Object[] body : bodies) {
            String label = ((String) body[0]).length() > 60 ? "a text of 100,001 characters" : (String) body[0];
            cases.add(new Case("guidance " + label, () -> send(ADMIN, HttpMethod.PUT, drafted, (String) body[0]), 400,
                    (String) body[1], (String) body[2]));
        }
        cases.add(new Case("guidance saved on an outdated version", () -> send(ADMIN, HttpMethod.PUT, drafted,
                "{\"version\": 7, \"text\": \"Ghi đè\"}"), 409, null, "đã được lưu lại sau khi bạn mở"));
        cases.add(new Case("guidance already issued", () -> send(ADMIN, HttpMethod.PUT,
                "/api/campaigns/" + reviewing.id() + "/units/VL/guidance", "{\"text\": \"Sửa\"}"), 409, null, "đã ban hành số"));
        cases.add(new Case("guidance written by a unit below", () -> send("bi.a.dt", HttpMethod.PUT,
                "/api/campaigns/" + reviewing.id() + "/units/VL/guidance", "{\"text\": \"Sửa\"}"), 403, null,
                "Chỉ người dự thảo hướng dẫn"));
        cases.add(new Case("guidance of a sibling read", () -> send("bi.cc.dt", HttpMethod.GET,
                "/api/campaigns/" + reviewing.id() + "/units/VL/guidance", null), 403, null, "không có quyền xem kế hoạch hướng dẫn"));
    }

    private void imports(List<Case> cases) {
        String header = "email,full_name,unit,role\n";
        cases.add(importCase("a wrong header", ("ten,email\nx@y.vn,A\n").getBytes(StandardCharsets.UTF_8), "text/csv", ADMIN, 400, "file", "tiêu đề phải là"));
        cases.add(importCase("an empty file", new byte[0], "text/csv", ADMIN, 400, "file", "Tệp rỗng"));
        cases.add(importCase("UTF-16", (header + "a@b.vn,Á,VL,DRAFTER\n").getBytes(StandardCharsets.UTF_16), "text/csv", ADMIN, 400, "file", "UTF-16"));
        cases.add(importCase("Latin-1", (header + "le.van@thu.test,L\u00ea V\u00e2n,VL,DRAFTER\n").getBytes(StandardCharsets.ISO_8859_1),
                "text/csv", ADMIN, 400, "file", "không phải UTF-8 (dòng 2"));
        cases.add(importCase("a declared Vietnamese code page", (header).getBytes(StandardCharsets.UTF_8), "text/csv;charset=windows-1258",
                ADMIN, 400, "file", "chỉ nhận CSV UTF-8"));
        cases.add(importCase("JSON instead of CSV", "{}".getBytes(StandardCharsets.UTF_8), "application/json", ADMIN, 415, null, "không được nhận"));
        cases.add(importCase("by a drafter", (header).getBytes(StandardCharsets.UTF_8), "text/csv", "bi.cc.dt", 403, null, "Chỉ quản trị viên"));
        StringBuilder many = new StringBuilder(header);
        for (int i = 0; i <= Limits.MAX_IMPORT_LINES; i++) {
            many.append("nhieu.").append(i).append("@thu.test,Người ").append(i).append(",VL,DRAFTER\n");
        }
        cases.add(importCase("more lines than the limit", many.toString().getBytes(StandardCharsets.UTF_8), "text/csv", ADMIN, 400,
                "file", "quá giới hạn %,d dòng".formatted(Limits.MAX_IMPORT_LINES)));
        Object[][] lines = {
                {"a@,Nguyễn A,VL,DRAFTER", "địa chỉ thư 'a@' không hợp lệ"}, {"@thu.test,Nguyễn A,VL,DRAFTER", "không hợp lệ"},
                {"a b@thu.test,Nguyễn A,VL,DRAFTER", "không hợp lệ"}, {"x".repeat(250) + "@thu.test,Nguyễn A,VL,DRAFTER", "không hợp lệ"},
                {"ten.trong@thu.test,,VL,DRAFTER", "thiếu họ tên"}, {"dieu.khien@thu.test,Nguyễn\u0001A,VL,DRAFTER", "ký tự điều khiển"},
                {"don.vi@thu.test,Nguyễn A,VL-X,DRAFTER", "không có đơn vị 'VL-X'"}, {"vai.tro@thu.test,Nguyễn A,VL,BOSS", "vai trò 'BOSS'"},
                {"ba.cot@thu.test,Nguyễn A,VL", "cần 4 cột"}, {"nam.cot@thu.test,Nguyễn A,VL,DRAFTER,X", "cần 4 cột"}};
        for (Object[] line : lines) {
            String label = ((String) line[0]).length() > 60 ? "an address of 259 characters" : (String) line[0];
            cases.add(importCase("import line " + label, (header + line[0] + "\n").getBytes(StandardCharsets.UTF_8), "text/csv",
                    ADMIN, 200, "2", (String) line[1]));
        }
    }

    private void plans(List<Case> cases) {
        cases.add(new Case("plan: an empty YAML body", () -> sendAs(ADMIN, HttpMethod.POST, "/api/plans", "",
                MediaType.parseMediaType("application/yaml")), 400, "file", "Tệp kế hoạch rỗng"));
        cases.add(new Case("plan: an empty upload", () -> as(ADMIN).exchange("/api/plans", HttpMethod.POST,
                fileUpload("ke-hoach.yaml", new byte[0]), String.class), 400, "file", "Tệp kế hoạch rỗng"));
        String longPlan = "number: 1-KH/TU\n# " + "ý".repeat(600_000) + "\n";
        cases.add(new Case("plan: more than the character limit", () -> sendAs(ADMIN, HttpMethod.POST, "/api/plans", longPlan,
                MediaType.parseMediaType("application/yaml")), 400, "plan", "tối đa 500,000 ký tự"));
        String hugePlan = "# " + "ý".repeat(1_100_000) + "\n";
        cases.add(new Case("plan: more bytes than any plan within the limit", () -> sendAs(ADMIN, HttpMethod.POST, "/api/plans",
                hugePlan, MediaType.parseMediaType("application/yaml")), 400, "file", "tối đa 500,000 ký tự"));
    }

    /**
     * Completions through the engine's REST API: any variable, of any type, transient or not, is refused (the input
     * is saved through the application), and so is a completion whose draft is not complete as saved; not JSON, an
     * unknown task, as before.
     */
    private void engineCompletions(List<Case> cases) {
        Object[][] values = {
                {"an Object in JSON", "{\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": "
                        + "\"java.util.HashMap\", \"serializationDataFormat\": \"application/json\", \"transient\": true}}"},
                {"a serialized Java object", "{\"value\": \"rO0ABXQAAWE=\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": "
                        + "\"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\", "
                        + "\"transient\": true}}"},
                {"'abc' as a Long", "{\"value\": \"abc\", \"type\": \"Long\", \"valueInfo\": {\"transient\": true}}"},
                {"a File value", "{\"value\": \"YQ==\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"a.txt\", "
                        + "\"transient\": true}}"},
                {"a well-formed transient figure", "{\"value\": 12, \"type\": \"Long\", \"valueInfo\": {\"transient\": true}}"},
                {"a figure kept as a variable", "{\"value\": 12}"}};
        for (Object[] value : values) {
            cases.add(new Case("engine completion: " + value[0], () -> send("bi.cc.dt", HttpMethod.POST,
                    "/engine-rest/task/" + draftTask + "/complete", "{\"variables\": {\"partyMembers\": " + value[1] + "}}"),
                    400, "partyMembers", "hoàn thành qua biểu mẫu của hệ thống"));
        }
        cases.add(new Case("engine completion: a version as text", () -> send("bi.cc.dt", HttpMethod.POST,
                "/engine-rest/task/" + draftTask + "/complete", "{\"variables\": {\"reportVersion\": {\"value\": \"1\", "
                        + "\"type\": \"String\", \"valueInfo\": {\"transient\": true}}}}"), 400, "reportVersion",
                "Không nhận biến 'reportVersion'"));
        cases.add(new Case("engine resolution with a variable", () -> send(ADMIN, HttpMethod.POST,
                "/engine-rest/task/" + draftTask + "/resolve", "{\"variables\": {\"section1\": {\"value\": \"x\"}}}"), 400,
                "section1", "hoàn thành qua biểu mẫu của hệ thống"));
        cases.add(new Case("engine completion: variables as a list", () -> send("bi.cc.dt", HttpMethod.POST,
                "/engine-rest/task/" + draftTask + "/complete", "{\"variables\": []}"), 400, "variables", "đối tượng JSON"));
        cases.add(new Case("engine completion: not JSON", () -> send("bi.cc.dt", HttpMethod.POST,
                "/engine-rest/task/" + draftTask + "/complete", "{\"variables\":"), 400, null, "không phải JSON hợp lệ"));
        cases.add(new Case("engine completion: an unknown task", () -> send("bi.cc.dt", HttpMethod.POST,
                "/engine-rest/task/khong-co/complete", "{\"variables\": {}}"), 404, null, "Không có việc 'khong-co'"));
        cases.add(new Case("engine completion: a draft incomplete as saved", () -> send("bi.cc.dt", HttpMethod.POST,
                "/engine-rest/task/" + draftTask + "/complete", ""), 400, "section2", "chưa được viết"));
        cases.add(new Case("engine completion: a review without a recorded decision", () -> send("bi.a.td", HttpMethod.POST,
                "/engine-rest/task/" + reviewTask + "/complete", "{}"), 400, "approved", "Chưa có ý kiến thẩm định"));
    }

    private void addresses(List<Case> cases) {
        String unit = "/api/campaigns/" + drafting.id() + "/units/";
        cases.add(new Case("a campaign number that is not a number", () -> send(ADMIN, HttpMethod.GET, "/api/campaigns/abc", null),
                400, "id", "phải là số nguyên"));
        cases.add(new Case("a campaign number too large", () -> send(ADMIN, HttpMethod.GET, "/api/campaigns/99999999999999999999", null),
                400, "id", "phải là số nguyên"));
        cases.add(new Case("an unknown campaign", () -> send(ADMIN, HttpMethod.GET, "/api/campaigns/999999", null), 404, null,
                "Không có đợt số 999999"));
        cases.add(new Case("an encoded slash in a unit", () -> raw("GET " + unit + "a%2Fb/report"), 404, null, "Không có đơn vị"));
        cases.add(new Case("an unknown unit", () -> send(ADMIN, HttpMethod.GET, unit + "NOPE/report", null), 404, null, "Không có đơn vị 'NOPE'"));
        cases.add(new Case("a unit code of 300 characters", () -> send(ADMIN, HttpMethod.GET, unit + "X".repeat(300) + "/report", null),
                404, null, "Không có đơn vị"));
        cases.add(new Case("a unit in Vietnamese letters", () -> send(ADMIN, HttpMethod.GET, unit + "Hồ Xá/report", null), 404, null,
                "Không có đơn vị 'Hồ Xá'"));
        cases.add(new Case("an unknown address", () -> send(ADMIN, HttpMethod.GET, "/api/khong-co", null), 404, null, "Không có địa chỉ"));
        cases.add(new Case("a method the address does not take", () -> send(ADMIN, HttpMethod.DELETE, "/api/campaigns", null), 405,
                null, "không nhận phương thức DELETE"));
        cases.add(new Case("an unknown task", () -> send(ADMIN, HttpMethod.GET, "/api/tasks/khong-co", null), 404, null, "Không có việc"));
        cases.add(new Case("an address Tomcat cannot decode", () -> raw("GET /api/campaigns/%zz"), 400, null, "Yêu cầu không hợp lệ"));
    }

    // ------------------------------------------------------------------------------------------------------------

    private Case putReport(String name, String body, String field, String words) {
        return new Case(name, () -> send("bi.cc.dt", HttpMethod.PUT, report(drafting, "CC"), body), 400, field, words);
    }

    private Case upload(String name, String unit, String user, String fileName, byte[] content, int status, String field, String words) {
        return new Case("document: " + name, () -> {
            Campaign campaign = "CC".equals(unit) ? drafting : reviewing;
            return put(user, report(campaign, unit) + "/document", fileUpload(fileName, content));
        }, status, field, words);
    }

    private Case importCase(String name, byte[] body, String type, String user, int status, String field, String words) {
        return new Case("import: " + name, () -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType(type));
            return as(user).exchange("/api/users/import", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        }, status, field, words);
    }

    private ResponseEntity<String> put(String user, String path, HttpEntity<Object> request) {
        return as(user).exchange(path, HttpMethod.PUT, request, String.class);
    }

    private ResponseEntity<String> putBytes(String user, String path, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    /** JSON written in Latin-1, as an old editor saves it: every Vietnamese letter outside Latin-1 a '?', the rest not UTF-8. */
    private static byte[] latin1(String json) {
        return json.getBytes(StandardCharsets.ISO_8859_1);
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
        return sendAs(user, method, path, body, MediaType.APPLICATION_JSON);
    }

    private ResponseEntity<String> sendAs(String user, HttpMethod method, String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return as(user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** A request written by hand, for addresses a client library would refuse to send. */
    private ResponseEntity<String> raw(String requestLine) {
        try (Socket socket = new Socket("localhost", port)) {
            String auth = java.util.Base64.getEncoder().encodeToString((ADMIN + ":Thu-Nghiem-2030").getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (response.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return ResponseEntity.status(status).body(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        String rest = chunked;
        while (true) {
            int end = rest.indexOf("\r\n");
            int size = Integer.parseInt(rest.substring(0, end).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            byte[] bytes = rest.substring(end + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(bytes, 0, size, StandardCharsets.UTF_8);
            body.append(chunk);
            rest = rest.substring(end + 2 + chunk.length() + 2);
        }
    }

    private TestRestTemplate as(String user) {
        return ADMIN.equals(user) ? anonymous.withBasicAuth(ADMIN, "Thu-Nghiem-2030") : anonymous.withBasicAuth(user, PASSWORD);
    }

    private static String report(Campaign campaign, String unit) {
        return "/api/campaigns/" + campaign.id() + "/units/" + unit + "/report";
    }

    private static String completion(String taskId) {
        return "/api/tasks/" + taskId + "/complete";
    }

    private static String duplicateCampaign() {
        return "{\"plan\": \"117-KH/TU\", \"rootUnit\": \"CC\", \"year\": " + (YEAR + 5) + ", \"title\": \"Đợt gửi hai lần\"}";
    }

    private static byte[] zip() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("noi-dung.txt"));
            zip.write("không phải Word".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encryptedPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("chu-so-huu", "nguoi-doc", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] emptyPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document grown to the given size by a PDF comment after its end, as scanners' files sometimes are. */
    private static byte[] padded(byte[] pdf, int size) {
        byte[] padded = java.util.Arrays.copyOf(pdf, size);
        java.util.Arrays.fill(padded, pdf.length, size, (byte) ' ');
        return padded;
    }
}
