package vn.reviewcascade.security;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.reviewcascade.CsvRows;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.TableStatistics;
import vn.reviewcascade.UploadedText;
import vn.reviewcascade.Limits;
import vn.reviewcascade.PlainText;
import vn.reviewcascade.people.People;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

/**
 * Imports people from CSV ({@code email,full_name,unit,role}), UTF-8: each becomes a Camunda user in the group of
 * that role of that unit. Every line is checked first; the good ones are written in transactions of
 * {@value #CHUNK} lines, each in one engine command (so the engine reads each user and group once and writes the
 * chunk's rows in JDBC batches when it ends: with a command per write, 53,000 people took 11 minutes), and should one
 * of them still fail, its lines are written one by one, so a bad line is reported with its number and skipped while
 * every other is imported, and no line is ever half-written. New users get a random temporary password, returned once
 * in the result with the id they log in with.
 *
 * <p>Every address the mail standards allow is accepted ({@code a+b@x.vn}, {@code o'brien@x.vn}, long ones). The
 * address is the user id where the engine's ids allow it (letters, digits, '.', '_', '-', '@', at most 64
 * characters); otherwise the id is the address with its other characters made '_', shortened where needed, and a
 * short fingerprint of the address, the same at every import.
 */
@Component
class UserImport {

    static final String HEADER = "email,full_name,unit,role";
    private static final int CHUNK = 500;
    /**
     * The engine's tables an import fills: analysed only, no row read or written, so that the engine's user and
     * membership queries after tens of thousands of new people are planned from what the tables hold now.
     */
    private static final List<String> IDENTITY_TABLES = List.of("act_id_user", "act_id_membership");
    private static final int MAX_ID = 64;
    private static final int MAX_NAME = 255;
    private static final int MAX_ADDRESS = 254;
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";
    private static final Logger log = LoggerFactory.getLogger(UserImport.class);

    private final IdentityService identityService;
    private final CommandExecutor engineCommand;
    private final UnitTree tree;
    private final TransactionTemplate transaction;
    private final SecureRandom random = new SecureRandom();
    private final People names;
    private final TableStatistics statistics;

    UserImport(IdentityService identityService, ProcessEngineConfiguration engine, UnitTree tree,
               PlatformTransactionManager transactionManager, People names, TableStatistics statistics) {
        this.statistics = statistics;
        this.names = names;
        this.identityService = identityService;
        // The identity service's calls made inside a command join it: its cache, its flush.
        this.engineCommand = ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequired();
        this.tree = tree;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @param group the group's id; {@code groupName} it as people read it ("Chuyên viên dự thảo – Huyện ủy Vĩnh Linh") */
    record Imported(int line, String userId, String email, String group, String groupName, String temporaryPassword) {
    }

    record LineError(int line, String message) {
    }

    record Result(List<Imported> imported, List<LineError> errors) {
    }

    /** One checked line, ready to write. */
    private record Person(int line, String email, String userId, String firstName, String lastName, String group) {
    }

    /** @throws InvalidInputException for a file that is not UTF-8, too long, or without the header */
    Result importCsv(byte[] content) {
        List<CsvRows.Row> rows;
        try {
            rows = CsvRows.read(new StringReader(decode(content)), 1, false);
        } catch (CsvRows.InvalidCsvException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        if (rows.isEmpty() || !String.join(",", rows.get(0).cells()).strip().equalsIgnoreCase(HEADER)) {
            throw new InvalidInputException("file", "Dòng 1: tiêu đề phải là " + HEADER);
        }
        if (rows.size() - 1 > Limits.MAX_IMPORT_LINES) {
            throw new InvalidInputException("file", "Tệp có %,d dòng, quá giới hạn %,d dòng một lần; hãy chia nhỏ tệp"
                    .formatted(rows.size() - 1, Limits.MAX_IMPORT_LINES));
        }
        List<Imported> imported = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            try {
                people.add(check(row.line(), row.cells()));
            } catch (LineRefused refused) {
                errors.add(new LineError(row.line(), refused.getMessage()));
            }
        }
        for (int start = 0; start < people.size(); start += CHUNK) {
            List<Person> chunk = people.subList(start, Math.min(start + CHUNK, people.size()));
            try {
                imported.addAll(transaction.execute(status -> engineCommand.execute(command -> write(chunk))));
            } catch (RuntimeException chunkFailed) {
                for (Person person : chunk) {
                    try {
                        imported.add(transaction.execute(status -> engineCommand.execute(command -> write(List.of(person)).get(0))));
                    } catch (LineRefused refused) {
                        errors.add(new LineError(person.line(), refused.getMessage()));
                    } catch (RuntimeException e) {
                        log.warn("User import: line {} could not be written", person.line(), e);
                        errors.add(new LineError(person.line(), "không ghi được người dùng '" + person.email() + "' (lỗi hệ thống)"));
                    }
                }
            }
        }
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        // Names shown elsewhere are read again: a person's name or a group's members may have just changed.
        names.forget();
        if (imported.size() > CHUNK) {
            statistics.refresh(IDENTITY_TABLES);
        }
        return new Result(imported, errors);
    }

    /** The file as UTF-8 text; an empty one is refused naming the header it needs. */
    private static String decode(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "Tệp rỗng; dòng đầu phải là " + HEADER);
        }
        return UploadedText.decode(content, "Tệp", Integer.MAX_VALUE, "");
    }

    private Person check(int number, List<String> cells) {
        if (cells.size() != 4) {
            throw new LineRefused("cần 4 cột (" + HEADER + "), có " + cells.size());
        }
        String given = cells.get(0).strip();
        String email = given.toLowerCase(Locale.ROOT);
        String fullName = PlainText.normalize(cells.get(1).strip().replaceAll("\\s+", " "));
        String unitCode = cells.get(2).strip();
        List<String> problems = new ArrayList<>();
        if (!isAddress(email)) {
            problems.add("địa chỉ thư '" + abbreviate(given) + "' không hợp lệ");
        }
        if (fullName.isEmpty()) {
            problems.add("thiếu họ tên");
        } else if (fullName.length() > MAX_NAME) {
            problems.add("họ tên dài " + fullName.length() + " ký tự, quá giới hạn " + MAX_NAME);
        } else {
            PlainText.problem(fullName).ifPresent(problem -> problems.add("họ tên " + problem));
        }
        Optional<Unit> unit = tree.find(unitCode);
        if (unit.isEmpty()) {
            problems.add("không có đơn vị '" + abbreviate(unitCode) + "'");
        }
        Optional<UnitRole> role = UnitRole.parse(cells.get(3));
        if (role.isEmpty()) {
            problems.add("vai trò '" + abbreviate(cells.get(3).strip()) + "' không hợp lệ (DRAFTER, REVIEWER, SIGNER, GUIDANCE_DRAFTER, CLERK)");
        }
        if (!problems.isEmpty()) {
            throw new LineRefused(String.join("; ", problems));
        }
        int space = fullName.lastIndexOf(' ');
        return new Person(number, email, userIdOf(email), space < 0 ? fullName : fullName.substring(space + 1),
                space < 0 ? "" : fullName.substring(0, space), role.get().groupOf(unit.get()).id());
    }

    /**
     * Writes checked lines in the caller's transaction and engine command. The users already there and the groups are
     * looked up at once (the command keeps them, so making memberships reads neither again); a user new in this import
     * has no membership yet, so only existing users are asked which groups they are in.
     */
    private List<Imported> write(List<Person> people) {
        identityService.createGroupQuery().groupIdIn(people.stream().map(Person::group).distinct().toArray(String[]::new))
                .list();
        Map<String, String> emailOf = new HashMap<>();
        Map<String, User> found = new HashMap<>();
        identityService.createUserQuery().userIdIn(people.stream().map(Person::userId).distinct().toArray(String[]::new))
                .list().forEach(user -> {
                    emailOf.put(user.getId(), user.getEmail());
                    found.put(user.getId(), user);
                });
        Set<String> existing = new HashSet<>(emailOf.keySet());
        List<Imported> written = new ArrayList<>();
        for (Person person : people) {
            String password = null;
            String email = emailOf.get(person.userId());
            if (email == null) {
                password = temporaryPassword();
                User user = identityService.newUser(person.userId());
                user.setFirstName(person.firstName());
                user.setLastName(person.lastName());
                user.setEmail(person.email());
                user.setPassword(password);
                identityService.saveUser(user);
                emailOf.put(person.userId(), person.email());
            } else if (!person.email().equalsIgnoreCase(email)) {
                throw new LineRefused("mã người dùng '" + person.userId() + "' đã thuộc về địa chỉ khác (" + email + ")");
            } else if (found.containsKey(person.userId()) && renamed(found.get(person.userId()), person)) {
                // The file is where names come from: a corrected name shows everywhere the person appears.
                identityService.saveUser(found.get(person.userId()));
            }
            boolean member = (existing.contains(person.userId()) || password == null)
                    && identityService.createUserQuery().userId(person.userId()).memberOfGroup(person.group()).count() > 0;
            if (!member) {
                identityService.createMembership(person.userId(), person.group());
            }
            written.add(new Imported(person.line(), person.userId(), person.email(), person.group(),
                    names.groupName(person.group()), password));
        }
        return written;
    }

    /** Gives the user the line's name if it differs; whether it did. */
    private static boolean renamed(User user, Person person) {
        if (person.firstName().equals(user.getFirstName()) && person.lastName().equals(user.getLastName())) {
            return false;
        }
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        return true;
    }

    /** An address of RFC 5322 in the common form local@domain, at most 254 characters (RFC 5321). */
    private static boolean isAddress(String email) {
        if (email.isEmpty() || email.length() > MAX_ADDRESS || email.indexOf('@') <= 0 || PlainText.problem(email).isPresent()) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return address.getPersonal() == null && email.equals(address.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }

    static String userIdOf(String email) {
        if (email.length() <= MAX_ID && email.matches("[a-z0-9._@-]+")) {
            return email;
        }
        String readable = email.replaceAll("[^a-z0-9._@-]", "_");
        String fingerprint = fingerprint(email);
        int keep = Math.min(readable.length(), MAX_ID - fingerprint.length() - 1);
        return readable.substring(0, keep) + "-" + fingerprint;
    }

    private static String fingerprint(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String temporaryPassword() {
        StringBuilder password = new StringBuilder("Tm-");
        for (int i = 0; i < 14; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.append('7').toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static final class LineRefused extends RuntimeException {
        LineRefused(String message) {
            super(message);
        }
    }
}
