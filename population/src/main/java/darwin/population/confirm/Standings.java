package darwin.population.confirm;

import darwin.core.Budget;
import darwin.core.stats.Sample;
import darwin.core.Metrics;
import darwin.memory.ledger.LedgerEntry;
import darwin.memory.ledger.LedgerEvents;
import darwin.memory.ledger.RunEvaluation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a run's ledger measured of each variant at one budget: the held-out loss and the log of MFU
 * of every {@code EVALUATION} and {@code REPLICATE} event that worked, once per (variant, seed),
 * and which variant is best. The run's summary and {@code darwin confirm} both choose the variant
 * to confirm here.
 *
 * <p>Best is the lowest mean held-out loss: the lowest perplexity averaged on the log scale (the
 * exponential of the mean loss), the scale on which a confirmation compares; with one draw per
 * variant it is simply the lowest perplexity. Ties go to the variant measured first. Confirmation
 * events are left out: they measure a variant chosen for its luck, and belong to its confirmation.
 */
public final class Standings {

    private final Budget budget;
    private final Map<String, Measured> byVariant;

    private Standings(Budget budget, Map<String, Measured> byVariant) {
        this.budget = budget;
        this.byVariant = byVariant;
    }

    /**
     * A variant's figures at the budget.
     *
     * @param variant its id
     * @param loss the held-out losses, one per evaluation seed
     * @param logMfu the logs of MFU, in the same order
     */
    public record Measured(String variant, Sample loss, Sample logMfu) {

        public Measured {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(loss, "loss");
            Objects.requireNonNull(logMfu, "logMfu");
            if (loss.count() != logMfu.count()) {
                throw new IllegalArgumentException("one MFU per held-out loss");
            }
        }

        /** The exponential of the mean held-out loss. */
        public double perplexity() {
            return Math.exp(loss.mean());
        }

        /** The exponential of the mean log MFU. */
        public double mfu() {
            return Math.exp(logMfu.mean());
        }

        /** How many evaluations the figures rest on. */
        public int count() {
            return loss.count();
        }
    }

    /** The figures of every variant the entries measured at {@code budget}, in the order first measured. */
    public static Standings at(List<LedgerEntry> entries, Budget budget) {
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (RunEvaluation evaluation : LedgerEvents.of(entries, RunEvaluation.class)) {
            Metrics metrics = evaluation.measured().orElse(null);
            if (metrics == null || !evaluation.budget().equals(budget.key())) {
                continue;
            }
            double loss = metrics.valLoss();
            double mfu = metrics.mfu();
            String variant = evaluation.variant();
            if (!Double.isFinite(loss) || !(mfu > 0) || Double.isInfinite(mfu) || !seen.add(variant + "/" + evaluation.seed())) {
                continue;
            }
            figures.computeIfAbsent(variant, v -> new ArrayList<>()).add(new double[] {loss, Math.log(mfu)});
        }
        Map<String, Measured> byVariant = new LinkedHashMap<>();
        figures.forEach((variant, list) -> byVariant.put(variant, new Measured(variant,
                new Sample(list.stream().map(f -> f[0]).toList()), new Sample(list.stream().map(f -> f[1]).toList()))));
        return new Standings(budget, byVariant);
    }

    /** The budget the figures are at. */
    public Budget budget() {
        return budget;
    }

    /** A variant's figures, when it was measured at the budget. */
    public Optional<Measured> of(String variant) {
        return Optional.ofNullable(byVariant.get(variant));
    }

    /** The variant with the lowest mean held-out loss; empty when nothing worked. */
    public Optional<Measured> best() {
        return byVariant.values().stream().min(Comparator.comparingDouble(m -> m.loss().mean()));
    }

    /** Every variant measured, in the order first measured. */
    public List<Measured> all() {
        return List.copyOf(byVariant.values());
    }
}
