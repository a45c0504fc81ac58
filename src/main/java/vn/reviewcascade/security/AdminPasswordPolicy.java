package vn.reviewcascade.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a missing or weak first administrator password, outside the demo profile. It is an
 * engine plugin (an engine.impl type) for one reason: its check runs before the engine creates the
 * administrator from {@code camunda.bpm.admin-user}, so a weak password is never stored.
 */
@Component
@Profile("!demo")
@Order(Integer.MIN_VALUE)
class AdminPasswordPolicy extends AbstractProcessEnginePlugin {

    static final int MIN_LENGTH = 12;
    private static final Set<String> COMMON = Set.of("password", "admin", "demo", "camunda", "123456", "qwerty",
            "matkhau", "letmein", "changeme", "welcome");

    private final String userId;
    private final String password;

    AdminPasswordPolicy(@Value("${camunda.bpm.admin-user.id:}") String userId,
                        @Value("${camunda.bpm.admin-user.password:}") String password) {
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> problems = problems(userId, password);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Không khởi động: mật khẩu quản trị viên đầu tiên (biến môi trường ADMIN_PASSWORD)"
                    + " không đạt yêu cầu – " + String.join("; ", problems));
        }
    }

    static List<String> problems(String userId, String password) {
        List<String> problems = new ArrayList<>();
        if (userId == null || userId.isBlank()) {
            problems.add("thiếu tên đăng nhập quản trị viên (ADMIN_USER)");
        }
        if (password == null || password.isBlank()) {
            problems.add("chưa đặt mật khẩu");
            return problems;
        }
        if (password.length() < MIN_LENGTH) {
            problems.add("cần ít nhất " + MIN_LENGTH + " ký tự");
        }
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3) {
            problems.add("cần ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký hiệu");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if ((userId != null && !userId.isBlank() && lower.contains(userId.toLowerCase(Locale.ROOT)))
                || COMMON.stream().anyMatch(lower::contains)) {
            problems.add("không được chứa tên đăng nhập hay mật khẩu phổ biến");
        }
        return problems;
    }
}
