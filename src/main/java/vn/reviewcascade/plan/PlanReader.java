package vn.reviewcascade.plan;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import vn.reviewcascade.PlainText;

/**
 * Reads a plan file (YAML, see {@code plans/117-KH-TU.yaml}) and checks it whole: every problem is reported with its
 * line, in Vietnamese, and a file with any problem gives no plan at all. The file is read as a tree of YAML nodes,
 * not bound to classes, so each message can point at the line a Party office clerk must correct.
 */
public final class PlanReader {

    static final int MAX_LEVELS = 5;
    static final long MAX_FIGURE = 1_000_000_000L;
    /** A plan is a Party document, not a data file: KH 117 takes 7,356 characters, so this leaves room for ample ones. */
    public static final int MAX_FILE_CHARACTERS = 500_000;
    private static final Pattern LEVEL_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,15}");
    private static final Pattern FIELD_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern ADDRESS_KEY = Pattern.compile("[a-z][a-z0-9]{0,39}");
    private static final Pattern PLAN_NUMBER = Pattern.compile("\\d{1,6}-[A-ZĐ]{1,6}/[A-ZĐ0-9]{1,12}");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})/(\\d{1,2})");
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("--MM-dd");

    private final List<String> problems = new ArrayList<>();
    private final List<String> treeLevels;

    private PlanReader(List<String> treeLevels) {
        this.treeLevels = treeLevels;
    }

    /** @throws PlanException listing every problem of the file, each with its line */
    public static Plan read(String text, int version) {
        return new PlanReader(null).plan(text, version);
    }

    /**
     * Reads a plan for a deployment whose unit tree has the given levels, top down: each level of the plan must be
     * one of the tree's, and the plan's levels a run of the tree's, each directly below the one before.
     *
     * @throws PlanException listing every problem of the file, each with its line
     */
    public static Plan read(String text, int version, List<String> treeLevels) {
        return new PlanReader(treeLevels).plan(text, version);
    }

    private Plan plan(String text, int version) {
        if (text != null && text.length() > MAX_FILE_CHARACTERS) {
            throw new PlanException(List.of("Tệp kế hoạch dài %,d ký tự; tối đa %,d ký tự"
                    .formatted(text.length(), MAX_FILE_CHARACTERS)));
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            // Duplicate keys are reported by this reader, with both lines, instead of failing the parse.
            options.setAllowDuplicateKeys(true);
            options.setMaxAliasesForCollections(20);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text == null ? "" : text));
        } catch (MarkedYAMLException e) {
            throw new PlanException(List.of("Dòng %d: không phải YAML đúng cú pháp (%s)".formatted(
                    e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1, e.getProblem())));
        } catch (YAMLException e) {
            throw new PlanException(List.of("Tệp không phải YAML đúng cú pháp"));
        }
        if (root == null) {
            throw new PlanException(List.of("Tệp kế hoạch rỗng"));
        }
        Fields plan = fields(root, "kế hoạch", Set.of("number", "title", "kind", "issuer", "issuedOn", "year",
                "organisingGroup", "documents", "distribution", "levels", "sections", "annex"));
        if (plan == null) {
            throw new PlanException(problems);
        }
        String number = text(plan, "number", true, "số hiệu kế hoạch (ví dụ 117-KH/TU)");
        if (number != null && !PLAN_NUMBER.matcher(number).matches()) {
            problem(plan.line("number"), "số hiệu kế hoạch '" + number + "' phải có dạng 117-KH/TU (số-loại/cơ quan ban hành)");
        }
        String title = text(plan, "title", true, "tên kế hoạch");
        String kind = text(plan, "kind", false, "loại (sơ kết hoặc tổng kết)");
        if (kind != null && !kind.equals("sơ kết") && !kind.equals("tổng kết")) {
            problem(plan.line("kind"), "loại '" + kind + "' không hợp lệ: chỉ có 'sơ kết' hoặc 'tổng kết'");
        }
        kind = kind == null ? "sơ kết" : kind;
        String issuer = text(plan, "issuer", true, "cơ quan ban hành");
        LocalDate issuedOn = date(plan, "issuedOn");
        Integer year = integer(plan, "year", true, 2000, 2100, "năm của kế hoạch");
        String organisingGroup = text(plan, "organisingGroup", true, "nhóm cơ quan chủ trì theo dõi (ví dụ bdv-tu)");
        if (organisingGroup != null && !GROUP_ID.matcher(organisingGroup).matches()) {
            problem(plan.line("organisingGroup"), "mã nhóm '" + organisingGroup + "' chỉ gồm chữ không dấu, số, '.', '_' và '-'");
        }
        Plan.DocumentTitles documents = documents(plan, kind);
        List<Plan.Recipient> distribution = distribution(plan);
        List<Plan.Level> levels = levels(plan);
        List<Plan.Section> sections = sections(plan);
        Plan.Annex annex = annex(plan, sections);
        if (!problems.isEmpty()) {
            throw new PlanException(problems);
        }
        return new Plan(number, version, title, kind, issuer, issuedOn, year, organisingGroup, documents, distribution,
                levels, sections, annex);
    }

    private Plan.DocumentTitles documents(Fields plan, String kind) {
        Node node = plan.node("documents");
        if (node == null) {
            return new Plan.DocumentTitles("kế hoạch hướng dẫn " + kind, "báo cáo " + kind);
        }
        Fields documents = fields(node, "tên văn bản", Set.of("guidance", "report"));
        if (documents == null) {
            return null;
        }
        String guidance = text(documents, "guidance", false, "tên văn bản hướng dẫn");
        String report = text(documents, "report", false, "tên báo cáo");
        return new Plan.DocumentTitles(guidance == null ? "kế hoạch hướng dẫn " + kind : guidance,
                report == null ? "báo cáo " + kind : report);
    }

    private List<Plan.Recipient> distribution(Fields plan) {
        List<Plan.Recipient> recipients = new ArrayList<>();
        for (Node item : list(plan, "distribution", false, "nơi nhận")) {
            Fields recipient = fields(item, "nơi nhận", Set.of("name", "purpose", "address"));
            if (recipient == null) {
                continue;
            }
            String name = text(recipient, "name", true, "tên nơi nhận");
            String purpose = text(recipient, "purpose", false, "mục đích (b/c, t/h)");
            String address = text(recipient, "address", false, "địa chỉ thư");
            if (address != null && !ADDRESS_KEY.matcher(address).matches() && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problem(recipient.line("address"), "địa chỉ '" + address + "' phải là một địa chỉ thư hoặc một mã địa chỉ "
                        + "của nơi triển khai (chữ thường không dấu và số, bắt đầu bằng chữ)");
            }
            recipients.add(new Plan.Recipient(name, purpose, address));
        }
        return recipients;
    }

    private List<Plan.Level> levels(Fields plan) {
        List<Node> items = list(plan, "levels", true, "các cấp");
        if (items.isEmpty() && plan.node("levels") != null) {
            problem(plan.line("levels"), "kế hoạch phải có ít nhất hai cấp");
        } else if (items.size() == 1 || items.size() > MAX_LEVELS) {
            problem(plan.line("levels"), "kế hoạch có %d cấp; phải từ 2 đến %d cấp".formatted(items.size(), MAX_LEVELS));
        }
        List<Plan.Level> levels = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Fields level = fields(item, "cấp", Set.of("key", "name", "issuesGuidance", "signature", "deadlines", "reminders"));
            if (level == null) {
                continue;
            }
            boolean bottom = i == items.size() - 1;
            String key = text(level, "key", true, "mã cấp (ví dụ COMMUNE)");
            if (key != null && !LEVEL_KEY.matcher(key).matches()) {
                problem(level.line("key"), "mã cấp '" + key + "' chỉ gồm chữ hoa không dấu, số và '_', bắt đầu bằng chữ");
            } else if (key != null && seen.containsKey(key)) {
                problem(level.line("key"), "mã cấp '" + key + "' bị trùng với dòng " + seen.get(key));
            } else if (key != null) {
                seen.put(key, level.line("key"));
            }
            String name = text(level, "name", true, "tên cấp (ví dụ cấp tỉnh)");
            Boolean guidance = bool(level, "issuesGuidance");
            boolean issuesGuidance = guidance != null && guidance;
            if (bottom && issuesGuidance) {
                problem(level.line("issuesGuidance"), "cấp cuối cùng không có đơn vị cấp dưới nên không ban hành hướng dẫn");
            }
            Plan.Signature signature = signature(level);
            MonthDay guidanceDue = null;
            MonthDay subordinatesDue = null;
            MonthDay reportDue = null;
            Fields deadlines = level.node("deadlines") == null ? null
                    : fields(level.node("deadlines"), "các hạn của cấp", Set.of("guidance", "subordinates", "report"));
            if (level.node("deadlines") == null) {
                problem(level.line, "thiếu các hạn của cấp" + (name == null ? "" : " " + name) + " (deadlines)");
            }
            if (deadlines != null) {
                guidanceDue = day(deadlines, "guidance", issuesGuidance, "hạn ban hành hướng dẫn");
                if (!issuesGuidance && guidanceDue != null) {
                    problem(deadlines.line("guidance"), "cấp này không ban hành hướng dẫn (issuesGuidance) nên không có hạn hướng dẫn");
                }
                subordinatesDue = day(deadlines, "subordinates", !bottom, "hạn chờ báo cáo của cấp dưới");
                if (bottom && subordinatesDue != null) {
                    problem(deadlines.line("subordinates"), "cấp cuối cùng không có đơn vị cấp dưới để chờ báo cáo");
                }
                reportDue = day(deadlines, "report", true, "hạn báo cáo của cấp");
                order(deadlines, "guidance", guidanceDue, "subordinates", subordinatesDue, name);
                order(deadlines, "subordinates", subordinatesDue, "report", reportDue, name);
                order(deadlines, "guidance", guidanceDue, "report", reportDue, name);
            }
            List<Duration> reminders = new ArrayList<>();
            for (Node reminder : list(level, "reminders", false, "các lần nhắc hạn")) {
                String value = scalar(reminder, "lần nhắc hạn");
                if (value != null) {
                    try {
                        reminders.add(ReminderOffset.parse(value));
                    } catch (IllegalArgumentException e) {
                        problem(line(reminder), e.getMessage());
                    }
                }
            }
            levels.add(new Plan.Level(key, name, issuesGuidance, signature, guidanceDue, subordinatesDue, reportDue,
                    reminders.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList()));
            lines.add(level.line);
        }
        if (treeLevels != null) {
            checkAgainstTree(levels, lines);
        }
        // The cascade runs bottom-up: a level's report reaches the level above while that one still waits for it.
        for (int i = 1; i < levels.size(); i++) {
            Plan.Level upper = levels.get(i - 1);
            Plan.Level lower = levels.get(i);
            if (lower.reportDue() != null && upper.subordinatesDue() != null && lower.reportDue().isAfter(upper.subordinatesDue())) {
                problem(lines.get(i), "hạn báo cáo của %s (%s) muộn hơn hạn %s chờ báo cáo cấp dưới (%s)".formatted(
                        lower.name(), label(lower.reportDue()), upper.name(), label(upper.subordinatesDue())));
            }
            if (upper.guidanceDue() != null && lower.guidanceDue() != null && lower.guidanceDue().isBefore(upper.guidanceDue())) {
                problem(lines.get(i), "hạn hướng dẫn của %s (%s) sớm hơn hạn hướng dẫn của %s (%s), cấp trên phải hướng dẫn trước"
                        .formatted(lower.name(), label(lower.guidanceDue()), upper.name(), label(upper.guidanceDue())));
            }
            if (upper.guidanceDue() != null && lower.reportDue() != null && lower.reportDue().isBefore(upper.guidanceDue())) {
                problem(lines.get(i), "hạn báo cáo của %s (%s) sớm hơn hạn hướng dẫn của %s (%s)".formatted(
                        lower.name(), label(lower.reportDue()), upper.name(), label(upper.guidanceDue())));
            }
        }
        return levels;
    }

    private void checkAgainstTree(List<Plan.Level> levels, List<Integer> lines) {
        String known = String.join(", ", treeLevels);
        for (int i = 0; i < levels.size(); i++) {
            String key = levels.get(i).key();
            if (key == null) {
                continue;
            }
            if (!treeLevels.contains(key)) {
                problem(lines.get(i), "cấp '%s' không có trong cây đơn vị của hệ thống (có: %s)".formatted(key, known));
            } else if (i > 0 && treeLevels.contains(levels.get(i - 1).key())
                    && treeLevels.indexOf(key) != treeLevels.indexOf(levels.get(i - 1).key()) + 1) {
                problem(lines.get(i), "cấp '%s' không nằm ngay dưới cấp '%s' trong cây đơn vị (thứ tự các cấp của cây: %s)"
                        .formatted(key, levels.get(i - 1).key(), known));
            }
        }
    }

    private Plan.Signature signature(Fields level) {
        Node node = level.node("signature");
        if (node == null) {
            return null;
        }
        Fields signature = fields(node, "khối chữ ký", Set.of("onBehalfOf", "position"));
        if (signature == null) {
            return null;
        }
        return new Plan.Signature(text(signature, "onBehalfOf", false, "thẩm quyền ký (ví dụ T/M BAN THƯỜNG VỤ)"),
                text(signature, "position", true, "chức vụ người ký (ví dụ BÍ THƯ)"));
    }

    private List<Plan.Section> sections(Fields plan) {
        List<Plan.Section> sections = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Node> items = list(plan, "sections", true, "đề cương báo cáo");
        if (items.isEmpty() && plan.node("sections") != null) {
            problem(plan.line("sections"), "đề cương báo cáo phải có ít nhất một mục");
        }
        for (Node item : items) {
            Fields section = fields(item, "mục của đề cương", Set.of("key", "title", "hint"));
            if (section == null) {
                continue;
            }
            String key = text(section, "key", true, "mã mục (ví dụ results)");
            if (key != null && !FIELD_KEY.matcher(key).matches()) {
                problem(section.line("key"), "mã mục '" + key + "' chỉ gồm chữ không dấu, số và '_', bắt đầu bằng chữ");
            } else if (key != null && seen.containsKey(key)) {
                problem(section.line("key"), "mã mục '" + key + "' bị trùng với dòng " + seen.get(key));
            } else if (key != null) {
                seen.put(key, section.line("key"));
            }
            sections.add(new Plan.Section(key, sections.size() + 1, text(section, "title", true, "tên mục"),
                    text(section, "hint", false, "gợi ý viết")));
        }
        return sections;
    }

    private Plan.Annex annex(Fields plan, List<Plan.Section> sections) {
        Node node = plan.node("annex");
        if (node == null) {
            return new Plan.Annex(List.of());
        }
        Fields annex = fields(node, "phụ lục số liệu", Set.of("groups"));
        if (annex == null) {
            return new Plan.Annex(List.of());
        }
        Set<String> sectionKeys = new HashSet<>();
        sections.forEach(section -> sectionKeys.add(section.key()));
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, String> partOf = new LinkedHashMap<>();
        Map<String, Integer> partOfLine = new HashMap<>();
        List<Plan.Group> groups = new ArrayList<>();
        for (Node groupNode : list(annex, "groups", true, "các nhóm chỉ tiêu")) {
            Fields group = fields(groupNode, "nhóm chỉ tiêu", Set.of("title", "indicators"));
            if (group == null) {
                continue;
            }
            String title = text(group, "title", true, "tên nhóm chỉ tiêu");
            List<Plan.Indicator> indicators = new ArrayList<>();
            for (Node indicatorNode : list(group, "indicators", true, "các chỉ tiêu của nhóm")) {
                Fields indicator = fields(indicatorNode, "chỉ tiêu", Set.of("key", "label", "unit", "partOf", "min", "max"));
                if (indicator == null) {
                    continue;
                }
                String key = text(indicator, "key", true, "mã chỉ tiêu (ví dụ members)");
                if (key != null && !FIELD_KEY.matcher(key).matches()) {
                    problem(indicator.line("key"), "mã chỉ tiêu '" + key + "' chỉ gồm chữ không dấu, số và '_', bắt đầu bằng chữ");
                    key = null;
                } else if (key != null && seen.containsKey(key)) {
                    problem(indicator.line("key"), "mã chỉ tiêu '" + key + "' bị trùng với dòng " + seen.get(key));
                    key = null;
                } else if (key != null && sectionKeys.contains(key)) {
                    problem(indicator.line("key"), "mã chỉ tiêu '" + key + "' trùng với mã một mục của đề cương");
                    key = null;
                } else if (key != null) {
                    seen.put(key, indicator.line("key"));
                }
                String whole = text(indicator, "partOf", false, "chỉ tiêu tổng");
                if (key != null && whole != null) {
                    partOf.put(key, whole);
                    partOfLine.put(key, indicator.line("partOf"));
                }
                Long min = longValue(indicator, "min", 0, MAX_FIGURE);
                Long max = longValue(indicator, "max", 0, MAX_FIGURE);
                long low = min == null ? 0 : min;
                long high = max == null ? MAX_FIGURE : max;
                if (low > high) {
                    problem(indicator.line("min"), "giá trị nhỏ nhất (%d) lớn hơn giá trị lớn nhất (%d)".formatted(low, high));
                }
                indicators.add(new Plan.Indicator(key, text(indicator, "label", true, "tên chỉ tiêu"),
                        text(indicator, "unit", false, "đơn vị tính"), whole, low, high, title));
            }
            groups.add(new Plan.Group(title, indicators));
        }
        partOf.forEach((part, whole) -> {
            if (!seen.containsKey(whole)) {
                problem(partOfLine.get(part), "chỉ tiêu '" + part + "' là phần của '" + whole + "', nhưng không có chỉ tiêu '"
                        + whole + "'");
            }
        });
        Set<String> reported = new HashSet<>();
        for (String start : partOf.keySet()) {
            Set<String> path = new HashSet<>();
            for (String key = start; key != null; key = partOf.get(key)) {
                if (!path.add(key)) {
                    if (reported.add(key)) {
                        problem(partOfLine.get(key), "chỉ tiêu '" + key + "' nằm trong một vòng lặp 'phần của' (partOf)");
                    }
                    break;
                }
            }
        }
        return new Plan.Annex(groups);
    }

    // --- reading nodes ---------------------------------------------------------------------------------------

    /** The keys of a mapping, each with its node and line; null (with the problem noted) if the node is no mapping. */
    private Fields fields(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem(line(node), what + " phải là một nhóm các trường (key: giá trị)");
            return null;
        }
        Fields fields = new Fields(line(node));
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            int keyLine = line(tuple.getKeyNode());
            if (key == null || !allowed.contains(key)) {
                problem(keyLine, "không có trường '" + key + "' trong " + what + "; chỉ có: " + String.join(", ",
                        allowed.stream().sorted().toList()));
            } else if (fields.nodes.containsKey(key)) {
                problem(keyLine, "trường '" + key + "' lặp lại (đã có ở dòng " + fields.lines.get(key) + ")");
            } else {
                fields.nodes.put(key, tuple.getValueNode());
                fields.lines.put(key, keyLine);
            }
        }
        return fields;
    }

    private List<Node> list(Fields fields, String key, boolean required, String what) {
        Node node = fields.node(key);
        if (node == null) {
            if (required) {
                problem(fields.line, "thiếu " + what + " (" + key + ")");
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(line(node), what + " (" + key + ") phải là một danh sách");
            return List.of();
        }
        return sequence.getValue();
    }

    private String text(Fields fields, String key, boolean required, String what) {
        Node node = fields.node(key);
        if (node == null) {
            if (required) {
                problem(fields.line, "thiếu " + what + " (" + key + ")");
            }
            return null;
        }
        String value = scalar(node, what);
        if (value == null) {
            return null;
        }
        value = PlainText.normalize(value.strip());
        if (value.isEmpty() && required) {
            problem(line(node), what + " (" + key + ") đang để trống");
            return null;
        }
        if (value.length() > 2000) {
            problem(line(node), what + " (" + key + ") dài quá 2.000 ký tự");
            return null;
        }
        String text = value;
        PlainText.problem(text).ifPresent(problem -> problem(line(node), what + " " + problem));
        return value.isEmpty() ? null : value;
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            problem(line(node), what + " phải là một giá trị, không phải một nhóm hay danh sách");
            return null;
        }
        return scalar.getValue();
    }

    private Integer integer(Fields fields, String key, boolean required, int min, int max, String what) {
        String value = text(fields, key, required, what);
        if (value == null) {
            return null;
        }
        if (!value.matches("-?\\d{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            problem(fields.line(key), "%s '%s' phải là số nguyên từ %d đến %d".formatted(what, value, min, max));
            return null;
        }
        return Integer.valueOf(value);
    }

    private Long longValue(Fields fields, String key, long min, long max) {
        String value = text(fields, key, false, "giới hạn của số liệu");
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,13}") || Long.parseLong(value) < min || Long.parseLong(value) > max) {
            problem(fields.line(key), "'%s' (%s) phải là số nguyên từ %,d đến %,d".formatted(value, key, min, max));
            return null;
        }
        return Long.valueOf(value);
    }

    private Boolean bool(Fields fields, String key) {
        String value = text(fields, key, false, "có/không");
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            problem(fields.line(key), "'" + key + "' phải là true hoặc false, không phải '" + value + "'");
            return null;
        }
        return Boolean.valueOf(value);
    }

    private LocalDate date(Fields fields, String key) {
        String value = text(fields, key, false, "ngày ban hành");
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            problem(fields.line(key), "ngày '" + value + "' phải có dạng năm-tháng-ngày, ví dụ 2019-03-18");
            return null;
        }
    }

    /** A day of the plan's year: "30/09" as Party documents write it, or "--09-30" as ISO-8601 does. */
    private MonthDay day(Fields fields, String key, boolean required, String what) {
        String value = text(fields, key, required, what);
        if (value == null) {
            return null;
        }
        try {
            Matcher dayMonth = DAY_MONTH.matcher(value);
            if (dayMonth.matches()) {
                return MonthDay.of(Integer.parseInt(dayMonth.group(2)), Integer.parseInt(dayMonth.group(1)));
            }
            return MonthDay.parse(value, ISO_DAY);
        } catch (DateTimeException e) {
            problem(fields.line(key), "%s '%s' phải là một ngày trong năm, ví dụ 30/09".formatted(what, value));
            return null;
        }
    }

    private void order(Fields deadlines, String earlierKey, MonthDay earlier, String laterKey, MonthDay later, String level) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            problem(deadlines.line(laterKey), "hạn '%s' (%s) của %s sớm hơn hạn '%s' (%s)".formatted(laterKey, label(later),
                    level == null ? "cấp này" : level, earlierKey, label(earlier)));
        }
    }

    private static String label(MonthDay day) {
        return "%02d/%02d".formatted(day.getDayOfMonth(), day.getMonthValue());
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    private void problem(int line, String message) {
        problems.add("Dòng " + line + ": " + message);
    }

    /** The fields of one YAML mapping, with the line of each key. */
    private static final class Fields {
        private final int line;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final Map<String, Integer> lines = new HashMap<>();

        Fields(int line) {
            this.line = line;
        }

        Node node(String key) {
            return nodes.get(key);
        }

        int line(String key) {
            return lines.getOrDefault(key, line);
        }
    }
}
