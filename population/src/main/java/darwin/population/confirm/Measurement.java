package darwin.population.confirm;

import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation of a confirmation.
 *
 * @param side whether the seed or the variant was evaluated
 * @param replicate which pair it belongs to, from 0
 * @param variant the id of the variant evaluated
 * @param seed the evaluation seed it trained with
 * @param result what the evaluator returned
 */
public record Measurement(Side side, int replicate, String variant, long seed, EvaluationResult result) {

    /** Which of the two a measurement is of. */
    public enum Side {
        /** The run's seed variant, the baseline. */
        SEED,
        /** The variant whose gain is confirmed. */
        VARIANT;

        /** {@code seed} or {@code variant}, as the output and the JSON write it. */
        public String word() {
            return this == SEED ? "seed" : "variant";
        }
    }

    public Measurement {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(result, "result");
        if (replicate < 0) {
            throw new IllegalArgumentException("replicates count from 0, got " + replicate);
        }
    }

    /**
     * The metrics when they can enter the comparison: an {@code OK} result with a finite held-out
     * loss and a positive, finite MFU (its log is compared).
     */
    public Optional<Metrics> usable() {
        return result.measured().filter(m -> Double.isFinite(m.valLoss()) && m.mfu() > 0 && Double.isFinite(m.mfu()));
    }

    /** Why it cannot enter the comparison: its status and reason, or the figure that is not finite. */
    public String problem() {
        if (usable().isPresent()) {
            return "";
        }
        if (result.status() != EvaluationStatus.OK) {
            return result.status() + ": " + result.reason();
        }
        Metrics m = result.metrics();
        return "OK but " + (Double.isFinite(m.valLoss()) ? "MFU " + m.mfu() : "held-out loss " + m.valLoss());
    }
}
