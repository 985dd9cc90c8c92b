package darwin.runs.report;

import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.Selected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The population after one generation's selection, in figures: the best and the median held-out
 * perplexity and MFU over its distinct variants (an agent that shares a variant adds no vote).
 * Generation 0 is the seed alone. A figure is NaN when no variant of the population was measured.
 *
 * @param generation 0 for the seed, then 1, 2, …
 * @param variants distinct variants in the population
 * @param failed those of them without a measurement (a failed evaluation)
 * @param bestPerplexity the lowest perplexity
 * @param medianPerplexity the median perplexity
 * @param bestMfu the highest MFU
 * @param medianMfu the median MFU
 */
public record GenerationFigures(int generation, int variants, int failed, double bestPerplexity, double medianPerplexity,
        double bestMfu, double medianMfu) {

    public GenerationFigures {
        if (generation < 0 || variants < 0 || failed < 0 || failed > variants) {
            throw new IllegalArgumentException("generation " + generation + ": bad counts " + variants + ", " + failed);
        }
    }

    /** One row per generation: the seed, then each generation that has a SELECTION event. */
    static List<GenerationFigures> of(RunRecords records) {
        Map<Integer, List<String>> populations = new TreeMap<>();
        Map<Integer, String> budgets = new TreeMap<>();
        populations.put(0, List.of(records.state().seedVariant()));
        for (Selected selection : records.events(Selected.class)) {
            populations.putIfAbsent(selection.generation(), selection.variants());
            budgets.putIfAbsent(selection.generation(), selection.budget());
        }
        // each generation at the budget it ran with (people may raise it); the seed at the first
        String first = records.events(Evaluated.class).stream().map(Evaluated::budget).findFirst().orElse("");
        budgets.put(0, first);
        List<GenerationFigures> figures = new ArrayList<>();
        populations.forEach((generation, members) -> figures.add(of(generation, members,
                records.measuredAt(budgets.getOrDefault(generation, "")))));
        return figures;
    }

    static GenerationFigures of(int generation, List<String> members, Map<String, Measured> measured) {
        Set<String> distinct = new LinkedHashSet<>(members);
        List<Measured> figures = distinct.stream().filter(measured::containsKey).map(measured::get).toList();
        double[] perplexities = figures.stream().mapToDouble(Measured::perplexity).sorted().toArray();
        double[] mfus = figures.stream().mapToDouble(Measured::mfu).sorted().toArray();
        return new GenerationFigures(generation, distinct.size(), distinct.size() - figures.size(),
                perplexities.length == 0 ? Double.NaN : perplexities[0], median(perplexities),
                mfus.length == 0 ? Double.NaN : mfus[mfus.length - 1], median(mfus));
    }

    /** The median: the middle value, or the mean of the two middle ones; NaN for none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
