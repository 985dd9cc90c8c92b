package darwin.runs.report;

import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.Proposed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How often one kind of failure happened: a proposal that gave no variant (UNPARSABLE,
 * EDITS_DID_NOT_APPLY, DOES_NOT_COMPILE, LLM_FAILED, COST_CAP, …) or an evaluation that measured
 * nothing (COMPILE_ERROR, RUNTIME_ERROR, TIMEOUT, OUT_OF_MEMORY, DIVERGED, VIOLATION).
 *
 * @param stage where it failed
 * @param kind the status
 * @param count how many times, at least once
 * @param example the reason given the first time
 */
public record FailureCount(Stage stage, String kind, int count, String example) {

    /** Where in a proposal's way a failure happened. */
    public enum Stage {
        /** Asking for a change, reading it, applying and compiling it. */
        PROPOSAL,
        /** Training and measuring the new variant. */
        EVALUATION
    }

    public FailureCount {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(kind, "kind");
        example = Objects.requireNonNullElse(example, "");
        if (count < 1) {
            throw new IllegalArgumentException("a failure that never happened has no count");
        }
    }

    /** The failures in the ledger: proposals first, then evaluations, each kind by name. */
    static List<FailureCount> of(RunRecords records) {
        List<FailureCount> counts = new ArrayList<>();
        counts.addAll(count(Stage.PROPOSAL, records.events(Proposed.class).stream()
                .map(p -> new Outcome(p.status(), p.reason())).toList(), "PROPOSED"));
        counts.addAll(count(Stage.EVALUATION, records.events(Evaluated.class).stream()
                .map(e -> new Outcome(e.status(), e.reason())).toList(), "OK"));
        return counts;
    }

    /** A proposal's or an evaluation's status and reason. */
    private record Outcome(String status, String reason) {}

    private static List<FailureCount> count(Stage stage, List<Outcome> outcomes, String success) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            if (!outcome.status().equals(success)) {
                counts.merge(outcome.status(), 1, Integer::sum);
                examples.putIfAbsent(outcome.status(), outcome.reason());
            }
        }
        return counts.entrySet().stream()
                .map(e -> new FailureCount(stage, e.getKey(), e.getValue(), examples.get(e.getKey()))).toList();
    }
}
