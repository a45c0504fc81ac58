package vn.reviewcascade.unit;

import java.util.List;

/** A unit tree file that cannot be used; every problem names its line. */
public class UnitTreeException extends RuntimeException {

    private final List<String> problems;

    public UnitTreeException(String source, List<String> problems) {
        super("Tệp cây đơn vị " + source + " không hợp lệ:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
