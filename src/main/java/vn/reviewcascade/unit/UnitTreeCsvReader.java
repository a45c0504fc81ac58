package vn.reviewcascade.unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.reviewcascade.CsvLine;

/**
 * Reads a unit tree from CSV with the header
 * {@code code,name,level,parent,symbol,drafters,reviewers,signers,guidance_drafters}.
 *
 * <p>Group cells are optional: empty means the unit's own group ({@code CODE.drafters}, …); a cell
 * {@code id=Name} names a shared board such as Ban Dân vận. Every problem of the file is collected with its
 * line number, and the whole file is refused if there is any, so nothing is ever started from half a tree.
 */
public final class UnitTreeCsvReader {

    static final List<String> HEADER =
            List.of("code", "name", "level", "parent", "symbol", "drafters", "reviewers", "signers", "guidance_drafters");
    private static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,47}";

    private UnitTreeCsvReader() {
    }

    public static UnitTree read(InputStream input, String source) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        Map<String, Unit> units = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !CsvLine.split(CsvLine.withoutBom(header)).equals(HEADER)) {
                throw new UnitTreeException(source, List.of("Dòng 1: tiêu đề phải là " + String.join(",", HEADER)));
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Unit unit = parseUnit(number, CsvLine.split(line), problems);
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
        } catch (IOException e) {
            throw new UnitTreeException(source, List.of("không đọc được tệp: " + e.getMessage()));
        }
        checkParents(units, lineOf, problems);
        if (units.isEmpty() && problems.isEmpty()) {
            problems.add("tệp không có đơn vị nào");
        }
        if (!problems.isEmpty()) {
            throw new UnitTreeException(source, problems);
        }
        return new UnitTree(units.values());
    }

    private static Unit parseUnit(int number, List<String> cells, List<String> problems) {
        if (cells.size() != HEADER.size()) {
            problems.add("Dòng %d: cần %d cột, có %d".formatted(number, HEADER.size(), cells.size()));
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
        Level level = null;
        if (levelText.isEmpty()) {
            problems.add("Dòng %d: thiếu cấp của đơn vị (PROVINCE, DISTRICT hoặc BASE)".formatted(number));
        } else {
            try {
                level = Level.valueOf(levelText);
            } catch (IllegalArgumentException e) {
                problems.add("Dòng %d: cấp '%s' không hợp lệ (PROVINCE, DISTRICT hoặc BASE)".formatted(number, levelText));
            }
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
        return new Unit(code, name, level, parent.isEmpty() ? null : parent, symbol,
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

    private static void checkParents(Map<String, Unit> units, Map<String, Integer> lineOf, List<String> problems) {
        for (Unit unit : units.values()) {
            int number = lineOf.get(unit.code());
            if (unit.parentCode() == null) {
                if (unit.level() != Level.PROVINCE) {
                    problems.add("Dòng %d: đơn vị '%s' thuộc %s nhưng không có đơn vị cấp trên"
                            .formatted(number, unit.code(), unit.level().label()));
                }
                continue;
            }
            Unit parent = units.get(unit.parentCode());
            if (parent == null) {
                problems.add("Dòng %d: đơn vị cấp trên '%s' của '%s' không tồn tại"
                        .formatted(number, unit.parentCode(), unit.code()));
            } else if (parent.level().below() != unit.level()) {
                problems.add("Dòng %d: đơn vị '%s' (%s) không thể trực thuộc '%s' (%s)".formatted(number, unit.code(),
                        unit.level().label(), parent.code(), parent.level().label()));
            }
        }
        // Levels already forbid most loops; this names any that remain (e.g. a unit that is its own parent).
        Set<String> reported = new HashSet<>();
        for (Unit start : units.values()) {
            Set<String> path = new HashSet<>();
            Unit current = start;
            while (current != null && current.parentCode() != null) {
                if (!path.add(current.code())) {
                    if (reported.add(current.code())) {
                        problems.add("Dòng %d: đơn vị '%s' nằm trong một vòng lặp cấp trên – cấp dưới"
                                .formatted(lineOf.get(current.code()), current.code()));
                    }
                    break;
                }
                current = units.get(current.parentCode());
            }
        }
    }

}
