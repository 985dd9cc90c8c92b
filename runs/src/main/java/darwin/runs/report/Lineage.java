package darwin.runs.report;

import darwin.memory.Attempt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The steps that led from the seed to a variant: for each variant on the way, the attempt that
 * made it (the earliest, when two proposals happened to write the same program), or, for a
 * member that people's approved request changed, that upgrade.
 */
public final class Lineage {

    private Lineage() {}

    /**
     * The steps from the seed to {@code variant}, oldest first; empty for the seed itself or a
     * variant no step made.
     *
     * @param attempts every attempt of the run, oldest first
     * @param parentOf a variant's single parent, when it has one (from its {@code variant.json})
     * @param diff the unified diff from one variant to another
     */
    public static List<LineageStep> of(List<Attempt> attempts, String variant, Function<String, Optional<String>> parentOf,
            BiFunction<String, String, String> diff) {
        Map<String, Attempt> byChild = new HashMap<>();
        for (Attempt attempt : attempts) {
            if (attempt.child() != null) {
                byChild.putIfAbsent(attempt.child(), attempt);
            }
        }
        List<LineageStep> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = variant;
        while (seen.add(current)) {
            Attempt step = byChild.get(current);
            if (step != null) {
                steps.add(new LineageStep.Change(step));
                current = step.parent();
                continue;
            }
            Optional<String> parent = parentOf.apply(current);
            if (parent.isEmpty()) {
                break;
            }
            steps.add(new LineageStep.Upgrade(parent.get(), current, diff.apply(parent.get(), current)));
            current = parent.get();
        }
        Collections.reverse(steps);
        return List.copyOf(steps);
    }

    /** The steps made by agents alone (a run's files without variants: no upgrade can be seen). */
    public static List<LineageStep> of(List<Attempt> attempts, String variant) {
        return of(attempts, variant, id -> Optional.empty(), (a, b) -> "");
    }
}
