package vn.reviewcascade.reorganisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.reorganisation.Reorganisation.Change;
import vn.reviewcascade.reorganisation.Reorganisation.Kind;
import vn.reviewcascade.reorganisation.Reorganisation.Part;

/**
 * What the person applying a reorganisation chooses where the decision leaves it open, given with the request (not in
 * the file: the file is the decision, the same for every campaign and replayed for the tree's versions).
 *
 * @param deadline how a unit that continues merged units' work keeps its report deadline, for every merge of the
 *                 reorganisation: {@code keep} (the default) or {@code recompute}
 * @param splits   for each unit split in a running campaign, the successor its report and figures go to, or
 *                 {@link #AFRESH}: each successor reports afresh and the predecessor's report stays as history
 */
public record ReorganisationChoices(Deadline deadline, Map<String, String> splits) {

    /** The request parameters, as the API names them in its messages. */
    public static final String DEADLINE_PARAMETER = "deadline";
    public static final String SPLIT_PARAMETER = "split";
    /** The value of {@code split} by which every successor of the split unit reports afresh. */
    public static final String AFRESH = "afresh";

    public ReorganisationChoices {
        splits = Map.copyOf(splits);
    }

    /** A merged unit's successor: its report deadline as it was, or recomputed from the plan. */
    public enum Deadline {
        KEEP("giữ nguyên hạn báo cáo của đơn vị kế thừa"),
        RECOMPUTE("tính lại hạn báo cáo của đơn vị kế thừa theo kế hoạch, từ ngày có hiệu lực");

        private final String label;

        Deadline(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The parameters as the request gave them, not yet checked against the file. */
    public record Parameters(String deadline, List<String> split) {

        public static final Parameters NONE = new Parameters(null, null);

        public Parameters {
            split = split == null ? List.of() : List.copyOf(split);
        }
    }

    /**
     * Checks the parameters against the reorganisation read from the file.
     *
     * @throws InvalidInputException every problem, naming its parameter, in Vietnamese; nothing is stored
     */
    static ReorganisationChoices of(Parameters parameters, Reorganisation reorganisation) {
        List<FieldError> problems = new ArrayList<>();
        Deadline deadline = Deadline.KEEP;
        if (parameters.deadline() != null && !parameters.deadline().isBlank()) {
            switch (parameters.deadline().trim().toLowerCase(Locale.ROOT)) {
                case "keep" -> deadline = Deadline.KEEP;
                case "recompute" -> deadline = Deadline.RECOMPUTE;
                default -> problems.add(new FieldError(DEADLINE_PARAMETER, ("Tham số deadline='%s' không hợp lệ: dùng "
                        + "deadline=keep (giữ nguyên hạn báo cáo của đơn vị kế thừa) hoặc deadline=recompute (tính lại "
                        + "theo kế hoạch)").formatted(parameters.deadline())));
            }
        }
        Map<String, List<String>> partsBySplit = new LinkedHashMap<>();
        for (Change change : reorganisation.changes()) {
            if (change.kind() == Kind.SPLIT) {
                partsBySplit.put(change.unit(), change.parts().stream().map(Part::code).toList());
            }
        }
        Map<String, String> splits = new LinkedHashMap<>();
        for (String given : parameters.split()) {
            int colon = given.indexOf(':');
            if (colon <= 0 || colon == given.length() - 1) {
                problems.add(new FieldError(SPLIT_PARAMETER, ("Tham số split='%s' phải có dạng <mã đơn vị chia tách>:<mã "
                        + "đơn vị nhận báo cáo và số liệu> hoặc <mã đơn vị chia tách>:afresh").formatted(given)));
                continue;
            }
            String unit = given.substring(0, colon).trim();
            String choice = given.substring(colon + 1).trim();
            List<String> parts = partsBySplit.get(unit);
            if (parts == null) {
                problems.add(new FieldError(SPLIT_PARAMETER, "Tham số split='%s': tệp không chia tách đơn vị '%s'"
                        .formatted(given, unit)));
            } else if (splits.containsKey(unit)) {
                problems.add(new FieldError(SPLIT_PARAMETER, "Tham số split cho đơn vị '%s' được ghi hai lần".formatted(unit)));
            } else if (!choice.equalsIgnoreCase(AFRESH) && !parts.contains(choice)) {
                problems.add(new FieldError(SPLIT_PARAMETER, ("Tham số split='%s': '%s' không phải đơn vị sau chia tách "
                        + "của '%s' (các đơn vị: %s) và không phải afresh").formatted(given, choice, unit,
                        String.join(", ", parts))));
            } else {
                splits.put(unit, choice.equalsIgnoreCase(AFRESH) ? AFRESH : choice);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ReorganisationChoices(deadline, splits);
    }

    /** The choices in words, for the audit record. */
    String describe() {
        List<String> words = new ArrayList<>(List.of("hạn báo cáo: " + deadline.label()));
        splits.forEach((unit, choice) -> words.add(AFRESH.equals(choice)
                ? "chia tách %s: từng đơn vị báo cáo lại".formatted(unit)
                : "chia tách %s: giao báo cáo, số liệu cho %s".formatted(unit, choice)));
        return String.join("; ", words);
    }
}
