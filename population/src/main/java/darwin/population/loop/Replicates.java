package darwin.population.loop;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Evaluator;
import darwin.core.Metrics;
import darwin.core.Variant;
import darwin.core.stats.Sample;
import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.Replicated;
import darwin.population.selection.Fitness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Every measurement of the run's variants at one budget: replicate 0 of a variant is evaluated
 * with the run's seed (an {@code EVALUATION} event), replicate r ≥ 1 with the r-th replicate seed
 * (a {@code REPLICATE} event), the same seeds for every variant. How many replicates a variant
 * counts is the caller's decision (the loop replays the same decisions after a resume); the
 * results come from the evaluator, which answers a repeated one from its cache.
 *
 * <p>Thread-safe: the pairings of a generation evaluate their children at once.
 */
final class Replicates {

    private final Evaluator evaluator;
    private final Ledger ledger;
    private final Function<String, Variant> variants;
    private final long runSeed;
    private final Map<String, List<EvaluationResult>> known = new HashMap<>();
    private Budget budget;

    Replicates(Evaluator evaluator, Ledger ledger, Function<String, Variant> variants, long runSeed, Budget budget) {
        this.evaluator = evaluator;
        this.ledger = ledger;
        this.variants = variants;
        this.runSeed = runSeed;
        this.budget = budget;
    }

    /** The seed of replicate {@code r}: the run's own for 0, a fixed derivation of it after. */
    static long seedOf(long runSeed, int replicate) {
        if (replicate == 0) {
            return runSeed;
        }
        long x = runSeed + replicate * 0x9E3779B97F4A7C15L + 0x5851F42D4C957F2DL;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return (x ^ (x >>> 31)) & Long.MAX_VALUE;
    }

    /** Measures at another budget from now on (people raised it): earlier replicates no longer count. */
    synchronized void budget(Budget next) {
        if (!next.equals(budget)) {
            budget = next;
            known.clear();
        }
    }

    synchronized Budget budget() {
        return budget;
    }

    /**
     * The variant's first {@code count} results, replicate 0 first (fewer when one failed: more
     * seeds do not mend a failure, which is a property of the code): those not yet known are
     * evaluated in order, or found in the evaluator's cache.
     */
    List<EvaluationResult> first(String variant, int count) throws InterruptedException {
        List<EvaluationResult> results = new ArrayList<>(results(variant));
        if (results.size() >= count || (!results.isEmpty() && !results.getLast().status().measured())) {
            return List.copyOf(results.subList(0, Math.min(count, results.size())));
        }
        for (int r = results.size(); r < count; r++) {
            EvaluationResult result = evaluate(variant, r);
            results.add(result);
            if (!result.status().measured()) {
                break;
            }
        }
        synchronized (this) {
            List<EvaluationResult> current = known.getOrDefault(variant, List.of());
            if (results.size() > current.size()) {
                known.put(variant, List.copyOf(results));
            }
        }
        return List.copyOf(results);
    }

    /** The results measured so far in this process, replicate 0 first. */
    synchronized List<EvaluationResult> results(String variant) {
        return known.getOrDefault(variant, List.of());
    }

    private EvaluationResult evaluate(String id, int replicate) throws InterruptedException {
        Budget at = budget();
        EvaluationResult result = evaluator.evaluate(variants.apply(id), at, seedOf(runSeed, replicate));
        log(id, at, replicate, result);
        return result;
    }

    /** Records the evaluation in the ledger, which holds one per variant, budget and replicate. */
    private void log(String variant, Budget at, int replicate, EvaluationResult result) {
        long seed = seedOf(runSeed, replicate);
        String status = result.status().name();
        Metrics metrics = result.measured().orElse(null);
        ledger.append(replicate == 0 ? new Evaluated(variant, at.key(), seed, 0, status, result.reason(), metrics)
                : new Replicated(variant, at.key(), seed, replicate, status, result.reason(), metrics));
    }

    /** The held-out losses (log perplexities) of the working results; empty when none worked. */
    static Optional<Sample> losses(List<EvaluationResult> results) {
        return sample(results, Metrics::valLoss);
    }

    /** The logs of the working results' MFU, floored as {@link Fitness#MFU_FLOOR} says. */
    static Optional<Sample> logMfus(List<EvaluationResult> results) {
        return sample(results, m -> Math.log(Math.max(Fitness.MFU_FLOOR, m.mfu())));
    }

    private static Optional<Sample> sample(List<EvaluationResult> results, ToDoubleFunction<Metrics> figure) {
        List<Double> values = new ArrayList<>();
        for (EvaluationResult result : results) {
            result.measured().map(figure::applyAsDouble).filter(Double::isFinite).ifPresent(values::add);
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(new Sample(values));
    }
}
