package darwin.runs.report;

import darwin.core.Metrics;
import darwin.memory.ledger.LedgerEntry;
import darwin.memory.ledger.LedgerEvents;
import darwin.memory.ledger.RunEvaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A variant's held-out perplexity and MFU: the mean over every time it was measured at one budget
 * (its evaluation and its replicates, each seed once), or the single figure when it was measured once.
 *
 * @param variant the variant's id
 * @param perplexity held-out perplexity, finite and positive: the mean over the replicates
 * @param mfu model FLOP utilisation, a fraction of the device's peak: the mean over the replicates
 * @param budget the key of the budget it was measured at ({@code seconds-20.0}; {@code ""} when the ledger does not say)
 * @param replicates how many measurements the means are of, at least 1
 */
public record Measured(String variant, double perplexity, double mfu, String budget, int replicates) {

    /** A single measurement. */
    public Measured(String variant, double perplexity, double mfu, String budget) {
        this(variant, perplexity, mfu, budget, 1);
    }

    public Measured {
        Objects.requireNonNull(variant, "variant");
        budget = Objects.requireNonNullElse(budget, "");
        if (replicates < 1) {
            throw new IllegalArgumentException("a figure rests on at least one measurement, got " + replicates);
        }
        if (!(perplexity > 0) || !Double.isFinite(perplexity)) {
            throw new IllegalArgumentException("perplexity must be finite and positive, got " + perplexity);
        }
        if (!(mfu >= 0) || !Double.isFinite(mfu)) {
            throw new IllegalArgumentException("MFU must be finite and not negative, got " + mfu);
        }
    }

    /** The figures of one of the run's evaluations, when it was OK and measured finite figures. */
    static Optional<Measured> of(RunEvaluation evaluation) {
        Optional<Metrics> metrics = evaluation.measured();
        double perplexity = metrics.map(Metrics::perplexity).orElse(Double.NaN);
        double mfu = metrics.map(Metrics::mfu).orElse(Double.NaN);
        if (!(perplexity > 0) || !Double.isFinite(perplexity) || !(mfu >= 0) || !Double.isFinite(mfu)) {
            return Optional.empty();
        }
        return Optional.of(new Measured(evaluation.variant(), perplexity, mfu, evaluation.budget()));
    }

    /**
     * The figures of every variant measured at a budget, by id, in the order they were first
     * measured: the means over its OK EVALUATION and REPLICATE events at that budget, a seed counted
     * once (an evaluation repeated with the same seed is the same measurement). With {@code ""},
     * each variant at the budget it was first measured at.
     */
    public static Map<String, Measured> means(List<LedgerEntry> ledger, String budget) {
        Map<String, List<Measured>> draws = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RunEvaluation e : LedgerEvents.of(ledger, RunEvaluation.class)) {
            Optional<Measured> measured = of(e);
            if (measured.isEmpty()) {
                continue;
            }
            Measured m = measured.get();
            List<Measured> same = draws.get(m.variant());
            String at = budget.isEmpty() && same != null ? same.getFirst().budget() : budget;
            boolean repeated = !seen.add(m.variant() + "\u0000" + m.budget() + "\u0000" + e.seed());
            if ((at.isEmpty() || m.budget().equals(at)) && !repeated) {
                draws.computeIfAbsent(m.variant(), v -> new ArrayList<>()).add(m);
            }
        }
        Map<String, Measured> means = new LinkedHashMap<>();
        draws.forEach((variant, list) -> means.put(variant, new Measured(variant,
                list.stream().mapToDouble(Measured::perplexity).average().orElseThrow(),
                list.stream().mapToDouble(Measured::mfu).average().orElseThrow(), list.getFirst().budget(), list.size())));
        return means;
    }

    /** Relative change of perplexity from {@code before} to this, e.g. -0.05 for 5% lower. */
    public double perplexityChange(Measured before) {
        return perplexity / before.perplexity - 1;
    }
}
