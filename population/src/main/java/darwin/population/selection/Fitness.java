package darwin.population.selection;

import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import io.jenetics.ext.moea.Pareto;
import io.jenetics.ext.moea.Vec;
import java.util.Objects;

/**
 * How fit one variant's evaluation is: two objectives, held-out perplexity (lower is better) and
 * MFU (higher is better), or a failure.
 *
 * <p>Failures: a failed evaluation (any status but {@link EvaluationStatus#OK}) has no
 * objectives. It {@linkplain #dominates(Fitness) dominates} nothing and is dominated by every
 * working variant, so it is never fitter than one; failures are all equal among themselves,
 * whatever their status, and whoever orders them breaks their ties.
 *
 * @param status how the evaluation ended
 * @param perplexity held-out perplexity, finite and positive when the status is {@code OK}; NaN otherwise
 * @param mfu model FLOP utilisation, finite and not negative when the status is {@code OK}; NaN otherwise
 */
public record Fitness(EvaluationStatus status, double perplexity, double mfu) {

    /** The number of objectives: perplexity and MFU. */
    public static final int OBJECTIVES = 2;

    public Fitness {
        Objects.requireNonNull(status, "status");
        if (status.measured()) {
            if (!Double.isFinite(perplexity) || perplexity <= 0) {
                throw new IllegalArgumentException("perplexity must be finite and positive, got " + perplexity);
            }
            if (!Double.isFinite(mfu) || mfu < 0) {
                throw new IllegalArgumentException("MFU must be finite and not negative, got " + mfu);
            }
            mfu += 0.0; // -0.0 becomes 0.0, which Double.compare would otherwise rank apart
        } else if (!Double.isNaN(perplexity) || !Double.isNaN(mfu)) {
            throw new IllegalArgumentException("a " + status + " evaluation has no objectives");
        }
    }

    /** A working variant's fitness. */
    public static Fitness measured(double perplexity, double mfu) {
        return new Fitness(EvaluationStatus.OK, perplexity, mfu);
    }

    /** A failed variant's fitness. */
    public static Fitness failed(EvaluationStatus status) {
        if (Objects.requireNonNull(status, "status").measured()) {
            throw new IllegalArgumentException("OK is not a failure");
        }
        return new Fitness(status, Double.NaN, Double.NaN);
    }

    /**
     * The fitness of an evaluation. An {@code OK} result whose perplexity or MFU is not a finite
     * number (which the harness reports as {@code DIVERGED}) cannot be compared, and counts as
     * {@code DIVERGED} here too.
     */
    public static Fitness of(EvaluationResult result) {
        Objects.requireNonNull(result, "result");
        if (!result.status().measured()) {
            return failed(result.status());
        }
        Metrics metrics = result.metrics();
        if (!Double.isFinite(metrics.perplexity()) || metrics.perplexity() <= 0
                || !Double.isFinite(metrics.mfu()) || metrics.mfu() < 0) {
            return failed(EvaluationStatus.DIVERGED);
        }
        return measured(metrics.perplexity(), metrics.mfu());
    }

    /** Whether the variant worked: it was trained and measured. */
    public boolean works() {
        return status.measured();
    }

    /**
     * Whether this fitness Pareto-dominates another: it works, and it is at least as good on both
     * objectives and better on one; or it works and the other failed.
     */
    public boolean dominates(Fitness other) {
        return dominance(this, other) > 0;
    }

    /**
     * Pareto dominance in Jenetics' convention: 1 when {@code a} dominates {@code b}, -1 when
     * {@code b} dominates {@code a}, 0 when neither does. Working variants are compared with
     * {@link Pareto#dominance(double[], double[])} on their {@linkplain #objectives() objectives};
     * a working variant dominates every failure; two failures are equal.
     */
    public static int dominance(Fitness a, Fitness b) {
        if (a.works() && b.works()) {
            return Pareto.dominance(a.maximised(), b.maximised());
        }
        return Boolean.compare(a.works(), b.works());
    }

    /**
     * The objectives as Jenetics' vector, both to be maximised: minus the perplexity, and the MFU.
     *
     * @throws IllegalStateException for a failure, which has none
     */
    public Vec<double[]> objectives() {
        return Vec.of(maximised());
    }

    private double[] maximised() {
        if (!works()) {
            throw new IllegalStateException("a " + status + " evaluation has no objectives");
        }
        return new double[] {-perplexity, mfu};
    }
}
