package vn.reviewcascade.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminPasswordPolicyTest {

    @Test
    void aMissingOrWeakFirstAdministratorPasswordStopsTheStart() {
        assertThat(AdminPasswordPolicy.problems("admin", "")).containsExactly("chưa đặt mật khẩu");
        assertThat(AdminPasswordPolicy.problems("admin", "ngan1A")).contains("cần ít nhất 12 ký tự");
        assertThat(AdminPasswordPolicy.problems("admin", "chithuongthoi")).contains(
                "cần ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký hiệu");
        assertThat(AdminPasswordPolicy.problems("quantri", "Quantri-2030!")).contains(
                "không được chứa tên đăng nhập hay mật khẩu phổ biến");
        assertThat(AdminPasswordPolicy.problems("quantri", "Password-2030")).contains(
                "không được chứa tên đăng nhập hay mật khẩu phổ biến");
        assertThat(AdminPasswordPolicy.problems("", "Thu-Nghiem-2030")).containsExactly("thiếu tên đăng nhập quản trị viên (ADMIN_USER)");
        assertThatThrownBy(() -> new AdminPasswordPolicy("admin", "demo").preInit(null))
                .hasMessageStartingWith("Không khởi động: mật khẩu quản trị viên đầu tiên (biến môi trường ADMIN_PASSWORD)");
    }

    @Test
    void aStrongPasswordPasses() {
        assertThat(AdminPasswordPolicy.problems("quantri", "Song-Huong-2030")).isEmpty();
        new AdminPasswordPolicy("quantri", "Song-Huong-2030").preInit(null);
    }
}
