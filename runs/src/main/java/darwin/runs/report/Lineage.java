package darwin.runs.report;

import darwin.memory.Attempt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps that led from the seed to a variant: for each variant on the way, the attempt that
 * made it (the earliest, when two proposals happened to write the same program).
 */
public final class Lineage {

    private Lineage() {}

    /**
     * The attempts from the seed to {@code variant}, oldest first; empty for the seed itself or a
     * variant no attempt made.
     *
     * @param attempts every attempt of the run, oldest first
     */
    public static List<Attempt> of(List<Attempt> attempts, String variant) {
        Map<String, Attempt> byChild = new HashMap<>();
        for (Attempt attempt : attempts) {
            if (attempt.child() != null) {
                byChild.putIfAbsent(attempt.child(), attempt);
            }
        }
        List<Attempt> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = variant;
        while (seen.add(current) && byChild.containsKey(current)) {
            Attempt step = byChild.get(current);
            steps.add(step);
            current = step.parent();
        }
        Collections.reverse(steps);
        return List.copyOf(steps);
    }
}
