package vn.reviewcascade.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

/**
 * Imports people from CSV ({@code email,full_name,unit,role}): each becomes a Camunda user (id = email) in the
 * group of that role of that unit. Each line is written in a transaction of its own, so a bad line is
 * reported with its number and skipped while the others are imported, and no line is ever half-written.
 * New users get a random temporary password, returned once in the result.
 */
@Component
public class UserImport {

    static final String HEADER = "email,full_name,unit,role";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";

    private final IdentityService identityService;
    private final UnitTree tree;
    private final TransactionTemplate perLine;
    private final SecureRandom random = new SecureRandom();

    public UserImport(IdentityService identityService, UnitTree tree, PlatformTransactionManager transactionManager) {
        this.identityService = identityService;
        this.tree = tree;
        this.perLine = new TransactionTemplate(transactionManager);
        this.perLine.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record Imported(int line, String userId, String group, String temporaryPassword) {
    }

    public record LineError(int line, String message) {
    }

    public record Result(List<Imported> imported, List<LineError> errors) {
    }

    public Result importCsv(String csv) {
        List<Imported> imported = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(csv))) {
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").trim().equalsIgnoreCase(HEADER)) {
                return new Result(List.of(), List.of(new LineError(1, "Tiêu đề phải là: " + HEADER)));
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                int lineNumber = number;
                String text = line;
                try {
                    imported.add(perLine.execute(status -> importLine(lineNumber, text)));
                } catch (LineRefused refused) {
                    errors.add(new LineError(lineNumber, refused.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Result(imported, errors);
    }

    private Imported importLine(int number, String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 4) {
            throw new LineRefused("cần 4 cột (" + HEADER + "), có " + cells.length);
        }
        String email = cells[0].trim().toLowerCase(Locale.ROOT);
        String fullName = cells[1].trim();
        String unitCode = cells[2].trim();
        List<String> problems = new ArrayList<>();
        try {
            new InternetAddress(email, true).validate();
        } catch (AddressException e) {
            problems.add("địa chỉ thư '" + cells[0].trim() + "' không hợp lệ");
        }
        if (fullName.isEmpty()) {
            problems.add("thiếu họ tên");
        }
        Optional<Unit> unit = tree.find(unitCode);
        if (unit.isEmpty()) {
            problems.add("không có đơn vị '" + unitCode + "'");
        }
        Optional<UnitRole> role = UnitRole.parse(cells[3]);
        if (role.isEmpty()) {
            problems.add("vai trò '" + cells[3].trim() + "' không hợp lệ (DRAFTER, REVIEWER, SIGNER, GUIDANCE_DRAFTER, CLERK)");
        }
        if (!problems.isEmpty()) {
            throw new LineRefused(String.join("; ", problems));
        }
        String group = role.get().groupOf(unit.get()).id();
        String password = null;
        if (identityService.createUserQuery().userId(email).count() == 0) {
            password = temporaryPassword();
            User user = identityService.newUser(email);
            int space = fullName.lastIndexOf(' ');
            user.setFirstName(space < 0 ? fullName : fullName.substring(space + 1));
            user.setLastName(space < 0 ? "" : fullName.substring(0, space));
            user.setEmail(email);
            user.setPassword(password);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(email).memberOfGroup(group).count() == 0) {
            identityService.createMembership(email, group);
        }
        return new Imported(number, email, group, password);
    }

    private String temporaryPassword() {
        StringBuilder password = new StringBuilder("Tm-");
        for (int i = 0; i < 14; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.append('7').toString();
    }

    private static final class LineRefused extends RuntimeException {
        LineRefused(String message) {
            super(message);
        }
    }
}
