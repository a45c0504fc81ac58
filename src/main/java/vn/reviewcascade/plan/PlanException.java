package vn.reviewcascade.plan;

import java.util.List;

/** A plan file that cannot be used, with every problem found in it, each naming its line, in Vietnamese. */
public class PlanException extends RuntimeException {

    private final List<String> problems;

    public PlanException(List<String> problems) {
        super("Tệp kế hoạch không dùng được: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
