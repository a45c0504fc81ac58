package vn.reviewcascade.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.reviewcascade.CascadeTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class UserImportTest extends CascadeTestSupport {

    @Autowired TestRestTemplate anonymous;

    @Test
    void goodLinesAreImportedAndBadOnesReportedByLineWithNothingHalfWritten() {
        String csv = """
                email,full_name,unit,role
                nguyen.van.a@vinhlinh.test,Nguyễn Văn A,VL,DRAFTER
                khong-phai-email,Trần Thị B,VL,REVIEWER
                le.c@vinhlinh.test,Lê Văn C,VL-X,SIGNER
                pham.d@vinhlinh.test,Phạm Thị D,VL-A,BOSS
                hoang.e@vinhlinh.test,Hoàng E
                vo.f@vinhlinh.test,Võ Thị F,VL-A,clerk
                nguyen.van.a@vinhlinh.test,Nguyễn Văn A,VL-A,REVIEWER
                """;

        ResponseEntity<Map<String, Object>> response = post(anonymous.withBasicAuth("admin", "Thu-Nghiem-2030"), csv);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        List<Map<String, Object>> imported = list(response.getBody().get("imported"));
        assertThat(imported).extracting(row -> row.get("line") + ":" + row.get("userId") + ":" + row.get("group")).containsExactly(
                "2:nguyen.van.a@vinhlinh.test:VL.drafters", "7:vo.f@vinhlinh.test:VL-A.clerks",
                "8:nguyen.van.a@vinhlinh.test:VL-A.reviewers");
        assertThat(imported.get(0).get("temporaryPassword")).asString().hasSizeGreaterThanOrEqualTo(12);
        assertThat(imported.get(2).get("temporaryPassword")).as("an existing user keeps their password").isNull();
        assertThat(list(response.getBody().get("errors"))).extracting(row -> row.get("line") + ": " + row.get("message")).containsExactly(
                "3: địa chỉ thư 'khong-phai-email' không hợp lệ",
                "4: không có đơn vị 'VL-X'",
                "5: vai trò 'BOSS' không hợp lệ (DRAFTER, REVIEWER, SIGNER, GUIDANCE_DRAFTER, CLERK)",
                "6: cần 4 cột (email,full_name,unit,role), có 2");

        assertThat(identityService.createUserQuery().userId("nguyen.van.a@vinhlinh.test").singleResult().getFirstName()).isEqualTo("A");
        assertThat(identityService.createUserQuery().userId("nguyen.van.a@vinhlinh.test").singleResult().getLastName()).isEqualTo("Nguyễn Văn");
        assertThat(identityService.createGroupQuery().groupMember("nguyen.van.a@vinhlinh.test").list())
                .extracting(group -> group.getId()).containsExactlyInAnyOrder("VL.drafters", "VL-A.reviewers");
        assertThat(identityService.createUserQuery().userIdIn("le.c@vinhlinh.test", "pham.d@vinhlinh.test", "hoang.e@vinhlinh.test").count())
                .as("refused lines write nothing").isZero();
        String password = (String) imported.get(0).get("temporaryPassword");
        assertThat(anonymous.withBasicAuth("nguyen.van.a@vinhlinh.test", password).getForEntity("/api/units", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aLineWhoseIdBelongsToAnotherAddressIsRefusedWhileTheOthersOfItsChunkAreWritten() {
        user("trung.ma@vinhlinh.test", "nguoi.khac@vinhlinh.test", "Trung-Ma-2030", "VL.drafters");
        String csv = "email,full_name,unit,role\n"
                + "truoc.do@vinhlinh.test,Lê Thị Trước,VL,CLERK\n"
                + "trung.ma@vinhlinh.test,Trần Văn Trùng,VL,REVIEWER\n"
                + "sau.do@vinhlinh.test,Lê Văn Sau,VL,CLERK\n";

        ResponseEntity<Map<String, Object>> response = post(anonymous.withBasicAuth("admin", "Thu-Nghiem-2030"), csv);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(list(response.getBody().get("imported"))).extracting(row -> row.get("line") + ":" + row.get("userId"))
                .containsExactly("2:truoc.do@vinhlinh.test", "4:sau.do@vinhlinh.test");
        assertThat(list(response.getBody().get("errors"))).extracting(row -> row.get("line") + ": " + row.get("message"))
                .containsExactly("3: mã người dùng 'trung.ma@vinhlinh.test' đã thuộc về địa chỉ khác (nguoi.khac@vinhlinh.test)");
        assertThat(identityService.createGroupQuery().groupMember("trung.ma@vinhlinh.test").list())
                .extracting(group -> group.getId()).as("the refused line wrote nothing").containsExactly("VL.drafters");
    }

    @Test
    void aQuotedNameWithACommaOrALineBreakIsOneCell() {
        String csv = "email,full_name,unit,role\n"
                + "\"mot.dong@vinhlinh.test\",\"Nguyễn Văn, Một\",VL,DRAFTER\n"
                + "hai.dong@vinhlinh.test,\"Trần\nThị Hai\",VL,DRAFTER\n"
                + "ba@vinhlinh.test,Ba,VL-X,DRAFTER\n";

        ResponseEntity<Map<String, Object>> response = post(anonymous.withBasicAuth("admin", "Thu-Nghiem-2030"), csv);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(list(response.getBody().get("imported"))).extracting(row -> row.get("line") + ":" + row.get("userId"))
                .containsExactly("2:mot.dong@vinhlinh.test", "3:hai.dong@vinhlinh.test");
        assertThat(list(response.getBody().get("errors"))).extracting(row -> row.get("line") + ": " + row.get("message"))
                .as("the line after a two-line row keeps its number in the file").containsExactly("5: không có đơn vị 'VL-X'");
        assertThat(identityService.createUserQuery().userId("mot.dong@vinhlinh.test").singleResult().getLastName())
                .isEqualTo("Nguyễn Văn,");
    }

    @Test
    void onlyAdministratorsImportAndAWrongHeaderIsRefused() {
        ResponseEntity<Map<String, Object>> refused = post(anonymous.withBasicAuth("admin", "Thu-Nghiem-2030"), "ten,email\n");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors")).asString().contains("Dòng 1: tiêu đề phải là email,full_name,unit,role");
        assertThat(post(anonymous, "email,full_name,unit,role\n").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void everyAddressTheStandardsAllowIsImportedAndNothingElseIsLost() {
        String longAddress = "nguyen.thi.thu.huong.van.phong.dang.uy.khoi.co.quan.tinh" + "@quangtri.dcs.test";
        String csv = String.join("\n", HEADER_LINE,
                "tran.b+so-ket@vinhlinh.test,Trần Văn B,VL,DRAFTER",
                "o'brien@vinhlinh.test,Ô Bờ Ri,VL,REVIEWER",
                longAddress + ",Nguyễn Thị Thu Hương,VL,SIGNER",
                "ten.dai@vinhlinh.test," + "Nguyễn ".repeat(60) + "A,VL,DRAFTER",
                "sau.cung@vinhlinh.test,Người Cuối,VL,CLERK");

        ResponseEntity<Map<String, Object>> response = post(anonymous.withBasicAuth("admin", "Thu-Nghiem-2030"), csv);

        List<Map<String, Object>> imported = list(response.getBody().get("imported"));
        assertThat(imported).extracting(row -> row.get("email")).containsExactly("tran.b+so-ket@vinhlinh.test",
                "o'brien@vinhlinh.test", longAddress, "sau.cung@vinhlinh.test");
        assertThat(list(response.getBody().get("errors"))).extracting(row -> row.get("line") + ": " + row.get("message"))
                .singleElement().asString().startsWith("5: họ tên dài 421 ký tự");
        for (Map<String, Object> row : imported) {
            String userId = (String) row.get("userId");
            assertThat(userId).hasSizeLessThanOrEqualTo(64).matches("[a-z0-9._@-]+");
            assertThat(identityService.createUserQuery().userId(userId).singleResult().getEmail()).isEqualTo(row.get("email"));
            assertThat(anonymous.withBasicAuth(userId, (String) row.get("temporaryPassword")).getForEntity("/api/units", String.class)
                    .getStatusCode().value()).as("%s logs in with the password returned", userId).isEqualTo(200);
        }
        assertThat(post(anonymous.withBasicAuth("admin", "Thu-Nghiem-2030"), csv).getBody().get("imported")).asString()
                .as("importing again finds the same users").doesNotContain("Tm-");
    }

    @Test
    void aFileInAnotherEncodingIsRefusedAndNothingIsImported() {
        // "Lê Vân" as a spreadsheet saves it in a one-byte Western encoding: ê and â are single bytes, not UTF-8.
        byte[] latin1 = (HEADER_LINE + "\nle.van@vinhlinh.test,L\u00ea V\u00e2n,VL,DRAFTER\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<Map<String, Object>> refused = anonymous.withBasicAuth("admin", "Thu-Nghiem-2030").exchange("/api/users/import",
                HttpMethod.POST, new HttpEntity<>(latin1, headers), new ParameterizedTypeReference<>() {
                });
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors")).asString().contains("Tệp không phải UTF-8 (dòng 2");
        assertThat(identityService.createUserQuery().userId("le.van@vinhlinh.test").count()).isZero();
    }

    @Test
    void tenThousandLinesAreImportedInOneRequest() {
        StringBuilder csv = new StringBuilder(HEADER_LINE);
        for (int i = 0; i < 10_000; i++) {
            csv.append("\ncan.bo.").append(i).append("@dongha.test,Cán Bộ Số ").append(i).append(",VL-A,DRAFTER");
        }
        ResponseEntity<Map<String, Object>> response = post(anonymous.withBasicAuth("admin", "Thu-Nghiem-2030"), csv.toString());
        assertThat(list(response.getBody().get("errors"))).isEmpty();
        assertThat(list(response.getBody().get("imported"))).hasSize(10_000);
        assertThat(identityService.createUserQuery().memberOfGroup("VL-A.drafters").count()).isGreaterThanOrEqualTo(10_000);
    }

    private static final String HEADER_LINE = "email,full_name,unit,role";

    private static ResponseEntity<Map<String, Object>> post(TestRestTemplate http, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        return http.exchange("/api/users/import", HttpMethod.POST, new HttpEntity<>(csv, headers),
                new ParameterizedTypeReference<>() {
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
