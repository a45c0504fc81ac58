package vn.reviewcascade.unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import vn.reviewcascade.CsvRows;
import vn.reviewcascade.Limits;

/**
 * Reads a unit tree: a first line naming the tree's levels top down,
 * {@code # levels: PROVINCE=Tỉnh ủy; COMMUNE=Đảng ủy cấp xã; BASE=Chi bộ}, then CSV with the header
 * {@code code,name,level,parent,symbol,drafters,reviewers,signers,guidance_drafters}. A unit's parent sits exactly
 * one level above it; a unit without a parent sits at the top level. Further lines starting with {@code #} are
 * comments; a quoted cell may hold commas and line breaks.
 *
 * <p>Group cells are optional: empty means the unit's own group ({@code CODE.drafters}, …); a cell
 * {@code id=Name} names a shared board such as Ban Dân vận. Every problem of the file is collected with its
 * line number, and the whole file is refused if there is any, so nothing is ever started from half a tree.
 */
public final class UnitTreeCsvReader {

    static final List<String> HEADER =
            List.of("code", "name", "level", "parent", "symbol", "drafters", "reviewers", "signers", "guidance_drafters");
    /** The header with the optional last column: the place a unit's documents are dated from ("Vĩnh Linh"). */
    static final List<String> WITH_PLACE = Stream.concat(HEADER.stream(), Stream.of("place")).toList();
    private static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,47}";

    private UnitTreeCsvReader() {
    }

    public static UnitTree read(InputStream input, String source) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        Map<String, Unit> units = new LinkedHashMap<>();
        List<TreeLevel> levels;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            levels = levels(first == null ? "" : CsvRows.withoutBom(first), source);
            List<CsvRows.Row> rows = CsvRows.read(reader, 2, true);
            List<String> columns = rows.isEmpty() ? List.of() : rows.get(0).cells();
            if (!columns.equals(HEADER) && !columns.equals(WITH_PLACE)) {
                throw new UnitTreeException(source, List.of("Dòng 2: tiêu đề phải là " + String.join(",", HEADER)
                        + " (thêm cột place nếu muốn ghi địa danh của đơn vị)"));
            }
            Map<String, Integer> depth = new HashMap<>();
            for (int i = 0; i < levels.size(); i++) {
                depth.put(levels.get(i).key(), i);
            }
            for (CsvRows.Row row : rows.subList(1, rows.size())) {
                int number = row.line();
                Unit unit = parseUnit(number, row.cells(), columns.size(), depth, levels, problems);
                if (unit == null) {
                    continue;
                }
                if (units.containsKey(unit.code())) {
                    problems.add("Dòng %d: mã đơn vị '%s' bị trùng với dòng %d".formatted(number, unit.code(), lineOf.get(unit.code())));
                    continue;
                }
                units.put(unit.code(), unit);
                lineOf.put(unit.code(), number);
            }
            checkParents(units, lineOf, levels, depth, problems);
        } catch (CsvRows.InvalidCsvException e) {
            throw new UnitTreeException(source, List.of(e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            throw new UnitTreeException(source, List.of("không đọc được tệp: " + e.getMessage()));
        }
        if (units.isEmpty() && problems.isEmpty()) {
            problems.add("tệp không có đơn vị nào");
        }
        if (!problems.isEmpty()) {
            throw new UnitTreeException(source, problems);
        }
        return new UnitTree(levels, units.values());
    }

    /** The first line: {@code # levels: KEY=Name; KEY=Name …}, top down, two to five levels. */
    private static List<TreeLevel> levels(String line, String source) {
        String prefix = "# levels:";
        if (!line.startsWith(prefix)) {
            throw new UnitTreeException(source, List.of("Dòng 1: phải nêu các cấp của cây, từ trên xuống, dạng \"" + prefix
                    + " PROVINCE=Tỉnh ủy; COMMUNE=Đảng ủy cấp xã; BASE=Chi bộ\""));
        }
        List<String> problems = new ArrayList<>();
        List<TreeLevel> levels = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String part : line.substring(prefix.length()).split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            String key = (equals < 0 ? part : part.substring(0, equals)).trim();
            String name = equals < 0 ? "" : part.substring(equals + 1).trim();
            if (!key.matches(TreeLevel.KEY_PATTERN)) {
                problems.add("Dòng 1: mã cấp '%s' chỉ gồm chữ hoa không dấu, số và '_', bắt đầu bằng chữ, tối đa 16 ký tự".formatted(key));
            } else if (!keys.add(key)) {
                problems.add("Dòng 1: cấp '%s' được nêu hai lần".formatted(key));
            }
            if (name.isEmpty()) {
                problems.add("Dòng 1: cấp '%s' thiếu tên (dạng %s=Tên cấp)".formatted(key, key));
            }
            levels.add(new TreeLevel(key, name));
        }
        if (levels.size() < Limits.MIN_LEVELS || levels.size() > Limits.MAX_LEVELS) {
            problems.add("Dòng 1: cây có %d cấp; phải từ %d đến %d cấp".formatted(levels.size(), Limits.MIN_LEVELS, Limits.MAX_LEVELS));
        }
        if (!problems.isEmpty()) {
            throw new UnitTreeException(source, problems);
        }
        return List.copyOf(levels);
    }

    private static Unit parseUnit(int number, List<String> cells, int columns, Map<String, Integer> depth,
                                  List<TreeLevel> levels, List<String> problems) {
        if (cells.size() != columns) {
            problems.add("Dòng %d: cần %d cột, có %d".formatted(number, columns, cells.size()));
            return null;
        }
        String code = cells.get(0).trim();
        String name = cells.get(1).trim();
        String levelText = cells.get(2).trim();
        String parent = cells.get(3).trim();
        String symbol = cells.get(4).trim();
        int before = problems.size();
        if (!code.matches(CODE_PATTERN)) {
            problems.add("Dòng %d: mã đơn vị '%s' không hợp lệ (chỉ gồm chữ không dấu, số, '-' và '_')".formatted(number, code));
        }
        if (name.isEmpty()) {
            problems.add("Dòng %d: thiếu tên đơn vị".formatted(number));
        }
        String known = String.join(", ", levels.stream().map(TreeLevel::key).toList());
        if (levelText.isEmpty()) {
            problems.add("Dòng %d: thiếu cấp của đơn vị (%s)".formatted(number, known));
        } else if (!depth.containsKey(levelText)) {
            problems.add("Dòng %d: cấp '%s' không có trong các cấp của cây (%s)".formatted(number, levelText, known));
        }
        if (symbol.isEmpty()) {
            problems.add("Dòng %d: thiếu ký hiệu văn bản của đơn vị (ví dụ HU, ĐU)".formatted(number));
        }
        UnitGroup drafters = group(cells.get(5), code, UnitRole.DRAFTER, name, number, problems);
        UnitGroup reviewers = group(cells.get(6), code, UnitRole.REVIEWER, name, number, problems);
        UnitGroup signers = group(cells.get(7), code, UnitRole.SIGNER, name, number, problems);
        UnitGroup guidanceDrafters = cells.get(8).isBlank() ? drafters
                : group(cells.get(8), code, UnitRole.GUIDANCE_DRAFTER, name, number, problems);
        if (problems.size() > before) {
            return null;
        }
        String place = columns == WITH_PLACE.size() && !cells.get(9).isBlank() ? cells.get(9).trim() : null;
        return new Unit(code, name, levelText, parent.isEmpty() ? null : parent, symbol, place,
                drafters, reviewers, signers, guidanceDrafters, UnitRole.CLERK.defaultGroup(code, name));
    }

    private static UnitGroup group(String cell, String code, UnitRole role, String unitName, int number,
                                   List<String> problems) {
        String text = cell.trim();
        if (text.isEmpty()) {
            return role.defaultGroup(code, unitName);
        }
        int equals = text.indexOf('=');
        String id = equals < 0 ? text : text.substring(0, equals).trim();
        String name = equals < 0 ? id : text.substring(equals + 1).trim();
        if (!id.matches("[A-Za-z0-9._-]+")) {
            problems.add("Dòng %d: mã nhóm '%s' không hợp lệ".formatted(number, id));
        }
        return new UnitGroup(id, name);
    }

    private static void checkParents(Map<String, Unit> units, Map<String, Integer> lineOf, List<TreeLevel> levels,
                                     Map<String, Integer> depth, List<String> problems) {
        for (Unit unit : units.values()) {
            int number = lineOf.get(unit.code());
            int unitDepth = depth.get(unit.level());
            if (unit.parentCode() == null) {
                if (unitDepth != 0) {
                    problems.add("Dòng %d: đơn vị '%s' thuộc cấp %s nhưng không có đơn vị cấp trên; chỉ đơn vị cấp %s "
                            .formatted(number, unit.code(), unit.level(), levels.get(0).key()) + "không có cấp trên");
                }
                continue;
            }
            Unit parent = units.get(unit.parentCode());
            if (parent == null) {
                problems.add("Dòng %d: đơn vị cấp trên '%s' của '%s' không tồn tại"
                        .formatted(number, unit.parentCode(), unit.code()));
            } else if (unitDepth == 0) {
                problems.add("Dòng %d: đơn vị '%s' thuộc cấp cao nhất (%s) nên không trực thuộc đơn vị nào"
                        .formatted(number, unit.code(), unit.level()));
            } else if (depth.get(parent.level()) != unitDepth - 1) {
                problems.add("Dòng %d: đơn vị '%s' (cấp %s) không thể trực thuộc '%s' (cấp %s): cấp trên của nó phải thuộc cấp %s"
                        .formatted(number, unit.code(), unit.level(), parent.code(), parent.level(),
                                levels.get(unitDepth - 1).key()));
            }
        }
        // A parent is always one level up, so the tree can hold no loop.
    }

}
