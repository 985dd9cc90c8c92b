package darwin.trainer.sandbox;

import darwin.core.Budget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name value} arguments the parent passes a child process: written by
 * {@link #forTraining} and {@link #forScoring}, read by the child's main with {@link #parse}.
 */
record ChildArguments(Map<String, String> values) {

    ChildArguments {
        values = Map.copyOf(values);
    }

    /**
     * The training child's arguments; the reference throughput only for an equal-time budget,
     * which is counted in it.
     */
    static List<String> forTraining(String entry, Budget budget, long seed, int vocabulary, double referenceThroughput) {
        List<String> arguments = new ArrayList<>(List.of("--entry", entry, "--budget", budget.key(),
                "--seed", Long.toString(seed), "--vocabulary", Integer.toString(vocabulary)));
        if (budget instanceof Budget.EqualTime) {
            arguments.addAll(List.of("--reference-throughput", Double.toString(referenceThroughput)));
        }
        return List.copyOf(arguments);
    }

    /** The scoring child's arguments; the rows it scores come on its standard input ({@link ChildInput}). */
    static List<String> forScoring(String entry, int vocabulary) {
        return List.of("--entry", entry, "--vocabulary", Integer.toString(vocabulary));
    }

    static ChildArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new ChildArguments(values);
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
