package darwin.population.selection;

import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import darwin.core.stats.Sample;
import io.jenetics.ext.moea.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How fit one variant is: two objectives, held-out perplexity (lower is better) and MFU (higher is
 * better), measured once or several times, or a failure.
 *
 * <p>Replicates. A working variant carries every measurement of it, one per evaluation with a
 * distinct seed: a {@link Sample} of held-out loss (the log of the perplexity) and a {@code Sample}
 * of log MFU, the same count in both, in the order they were measured. Both objectives live on a
 * log scale, where the noise of a host or a seed is a relative one, about the same size for every
 * variant, so that the seed's replicates tell the noise of all (see {@link Significance}).
 * {@link #perplexity()} and {@link #mfu()} are the geometric means of the replicates (the exp of
 * the mean log); with one replicate, the figure measured (to the last bit or so).
 *
 * <p>MFU floor: a measured MFU below {@link #MFU_FLOOR} (an MFU of 0: a program too fast for the
 * clock, a peak that was not calibrated) counts as {@code MFU_FLOOR} on the log scale, which has
 * no logarithm of 0. Such a variant's {@link #mfu()} reads {@code MFU_FLOOR}.
 *
 * <p>Failures: a failed evaluation (any status but {@link EvaluationStatus#OK}) has no
 * objectives. It {@linkplain #dominates(Fitness) dominates} nothing and is dominated by every
 * working variant, so it is never fitter than one; failures are all equal among themselves,
 * whatever their status, and whoever orders them breaks their ties. A variant one of whose
 * replicates failed is that failure ({@link #of(List)}).
 *
 * @param status how the evaluation ended
 * @param loss the held-out loss of each replicate when the status is {@code OK}; null otherwise
 * @param logMfu the log MFU of each replicate, each at least {@code log(MFU_FLOOR)}, when the
 *        status is {@code OK}; null otherwise
 */
public record Fitness(EvaluationStatus status, Sample loss, Sample logMfu) {

    /** The number of objectives: perplexity and MFU. */
    public static final int OBJECTIVES = 2;

    /** The smallest MFU the log scale tells apart: a millionth of the device's peak. */
    public static final double MFU_FLOOR = 1e-6;

    private static final double LOG_MFU_FLOOR = Math.log(MFU_FLOOR);

    public Fitness {
        Objects.requireNonNull(status, "status");
        if (status.measured()) {
            Objects.requireNonNull(loss, "loss");
            Objects.requireNonNull(logMfu, "logMfu");
            if (loss.count() != logMfu.count()) {
                throw new IllegalArgumentException("one loss and one MFU per replicate, got " + loss.count()
                        + " and " + logMfu.count());
            }
            if (!Double.isFinite(Math.exp(loss.mean()))) {
                throw new IllegalArgumentException("perplexity must be finite, got a mean loss of " + loss.mean());
            }
            for (double value : logMfu.values()) {
                if (value < LOG_MFU_FLOOR) {
                    throw new IllegalArgumentException("log MFU is at least log(" + MFU_FLOOR + "), got " + value);
                }
            }
        } else if (loss != null || logMfu != null) {
            throw new IllegalArgumentException("a " + status + " evaluation has no objectives");
        }
    }

    /**
     * A working variant measured once.
     *
     * @param perplexity finite and positive
     * @param mfu finite and not negative; below {@link #MFU_FLOOR} it counts as the floor
     */
    public static Fitness measured(double perplexity, double mfu) {
        checkFigures(perplexity, mfu);
        return new Fitness(EvaluationStatus.OK, Sample.of(Math.log(perplexity)), Sample.of(logMfu(mfu)));
    }

    /** A working variant measured {@code loss.count()} times: its held-out losses and log MFUs. */
    public static Fitness measured(Sample loss, Sample logMfu) {
        return new Fitness(EvaluationStatus.OK, loss, logMfu);
    }

    /** A failed variant's fitness. */
    public static Fitness failed(EvaluationStatus status) {
        if (Objects.requireNonNull(status, "status").measured()) {
            throw new IllegalArgumentException("OK is not a failure");
        }
        return new Fitness(status, null, null);
    }

    /**
     * The fitness of one evaluation. An {@code OK} result whose perplexity or MFU is not a finite
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

    /**
     * The fitness of a variant evaluated several times, each with a distinct seed: the replicates
     * in the order given. A variant is only as good as its worst run: when any replicate failed
     * (by the rules of {@link #of(EvaluationResult)}), the variant is that failure, the first
     * failed replicate's status in the order given, and its working replicates count for nothing.
     *
     * @param results the evaluations of one variant, at least one
     */
    public static Fitness of(List<EvaluationResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a fitness needs at least one evaluation");
        }
        List<Double> losses = new ArrayList<>(results.size());
        List<Double> logMfus = new ArrayList<>(results.size());
        for (EvaluationResult result : results) {
            Fitness one = of(result);
            if (!one.works()) {
                return one;
            }
            losses.add(one.loss.values().getFirst());
            logMfus.add(one.logMfu.values().getFirst());
        }
        return measured(new Sample(losses), new Sample(logMfus));
    }

    /** Whether the variant worked: it was trained and measured, every time. */
    public boolean works() {
        return status.measured();
    }

    /** The number of replicates measured; 0 for a failure. */
    public int count() {
        return works() ? loss.count() : 0;
    }

    /** The geometric mean of the held-out perplexities (exp of the mean loss); NaN for a failure. */
    public double perplexity() {
        return works() ? Math.exp(loss.mean()) : Double.NaN;
    }

    /** The geometric mean of the MFUs, each at least {@link #MFU_FLOOR}; NaN for a failure. */
    public double mfu() {
        return works() ? Math.exp(logMfu.mean()) : Double.NaN;
    }

    /**
     * Whether this fitness Pareto-dominates another on the means, with no regard to noise: it
     * works, and it is at least as good on both objectives and better on one; or it works and the
     * other failed. {@link Significance#dominates} is the same with noise.
     */
    public boolean dominates(Fitness other) {
        return dominance(this, other) > 0;
    }

    /**
     * Pareto dominance on the means in Jenetics' convention: 1 when {@code a} dominates {@code b},
     * -1 when {@code b} dominates {@code a}, 0 when neither does; a working variant dominates every
     * failure; two failures are equal. It is {@link Significance#NONE}'s dominance: strict
     * comparisons of the mean loss and the mean log MFU.
     */
    public static int dominance(Fitness a, Fitness b) {
        return Significance.NONE.dominance(a, b);
    }

    /**
     * The objectives as Jenetics' vector, both to be maximised: minus the perplexity, and the MFU
     * (geometric means). Crowding distances are measured between these.
     *
     * @throws IllegalStateException for a failure, which has none
     */
    public Vec<double[]> objectives() {
        if (!works()) {
            throw new IllegalStateException("a " + status + " evaluation has no objectives");
        }
        return Vec.of(-perplexity(), mfu());
    }

    private static void checkFigures(double perplexity, double mfu) {
        if (!Double.isFinite(perplexity) || perplexity <= 0) {
            throw new IllegalArgumentException("perplexity must be finite and positive, got " + perplexity);
        }
        if (!Double.isFinite(mfu) || mfu < 0) {
            throw new IllegalArgumentException("MFU must be finite and not negative, got " + mfu);
        }
    }

    private static double logMfu(double mfu) {
        return Math.log(Math.max(mfu, MFU_FLOOR));
    }
}
