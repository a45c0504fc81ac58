package vn.reviewcascade.reorganisation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reorganisation as read from its file and checked against the tree: the decision that made it, the day it takes
 * effect and its changes in order. Once applied it is the next version of the unit tree.
 */
public record Reorganisation(Decision decision, LocalDate effectiveOn, List<Change> changes) {

    public Reorganisation {
        changes = List.copyOf(changes);
    }

    /** "Quyết định số 1234-QĐ/TU ngày 30/6/2025 của Ban Thường vụ Tỉnh ủy Quảng Trị". */
    public record Decision(String number, LocalDate date, String issuer, String title) {

        public String label() {
            String number = this.number.startsWith("Quyết định số ") ? this.number : "Quyết định số " + this.number;
            return "%s ngày %d/%d/%d của %s".formatted(number, date.getDayOfMonth(), date.getMonthValue(), date.getYear(),
                    issuer);
        }
    }

    /** The kinds of change, with the words the organising board reads. */
    public enum Kind {
        MERGE("hợp nhất, sáp nhập"),
        SPLIT("chia tách"),
        MOVE("chuyển đơn vị cấp trên"),
        RENAME("đổi tên"),
        ABOLISH_LEVEL("kết thúc hoạt động cấp"),
        NEW_UNIT("thành lập mới");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A split's new unit. */
    public record Part(String code, String name) {
    }

    /**
     * One typed change.
     *
     * @param seq    its place in the file, from 1
     * @param line   the line it starts on in the file
     * @param units  a merge's sources, the unit split, moved or renamed, a new unit's code
     * @param target a merge's successor (existing or new)
     * @param name   a new name (rename), a new unit's or a new successor's name
     * @param level  the level abolished, or a new unit's level
     * @param parent a move's new parent, a new unit's or a new successor's parent
     * @param except the units of an abolished level that stay
     * @param parts  a split's new units
     */
    public record Change(int seq, int line, Kind kind, List<String> units, String target, String name, String level,
                         String parent, String symbol, List<String> except, List<Part> parts) {

        public Change {
            units = units == null ? List.of() : List.copyOf(units);
            except = except == null ? List.of() : List.copyOf(except);
            parts = parts == null ? List.of() : List.copyOf(parts);
        }

        public String unit() {
            return units.isEmpty() ? null : units.get(0);
        }

        /** The kind in the organising board's words ("hợp nhất, sáp nhập"), for the screens that list changes. */
        @JsonProperty
        public String kindLabel() {
            return kind.label();
        }
    }
}
