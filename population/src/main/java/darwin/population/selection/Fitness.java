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
 * distinct seed, in the order they were measured: the perplexities and the MFUs as the harness
 * reported them, the same count of each. Selection compares them on a log scale, as a
 * {@link Sample} of held-out loss ({@link #loss()}, the log of the perplexity) and one of log MFU
 * ({@link #logMfu()}): there the noise of a host or a seed is a relative one, about the same size
 * for every variant, so that the seed's replicates tell the noise of all (see
 * {@link Significance}). {@link #perplexity()} and {@link #mfu()} are the geometric means of the
 * replicates (the exp of the mean log), computed so that one replicate gives back exactly the
 * figure measured.
 *
 * <p>MFU floor: the log scale has no logarithm of 0, so a measured MFU below {@link #MFU_FLOOR}
 * (an MFU of 0: a program too fast for the clock, a peak that was not calibrated) counts as
 * {@code MFU_FLOOR} in {@link #logMfu()}. {@link #mfu()} stays the geometric mean of the figures
 * as measured, 0 when one of them is 0.
 *
 * <p>Failures: a failed evaluation (any status but {@link EvaluationStatus#OK}) has no
 * objectives. It {@linkplain #dominates(Fitness) dominates} nothing and is dominated by every
 * working variant, so it is never fitter than one; failures are all equal among themselves,
 * whatever their status, and whoever orders them breaks their ties. A variant one of whose
 * replicates failed is that failure ({@link #of(List)}).
 *
 * @param status how the evaluation ended
 * @param perplexities the held-out perplexity of each replicate, each positive, when the status is
 *        {@code OK}; null otherwise
 * @param mfus the MFU of each replicate, each not negative, when the status is {@code OK}; null
 *        otherwise
 */
public record Fitness(EvaluationStatus status, Sample perplexities, Sample mfus) {

    /** The number of objectives: perplexity and MFU. */
    public static final int OBJECTIVES = 2;

    /** The smallest MFU the log scale tells apart: a millionth of the device's peak. */
    public static final double MFU_FLOOR = 1e-6;

    public Fitness {
        Objects.requireNonNull(status, "status");
        if (status.measured()) {
            Objects.requireNonNull(perplexities, "perplexities");
            Objects.requireNonNull(mfus, "mfus");
            if (perplexities.count() != mfus.count()) {
                throw new IllegalArgumentException("one perplexity and one MFU per replicate, got "
                        + perplexities.count() + " and " + mfus.count());
            }
            for (double perplexity : perplexities.values()) {
                if (perplexity <= 0) {
                    throw new IllegalArgumentException("perplexity must be finite and positive, got " + perplexity);
                }
            }
            for (double mfu : mfus.values()) {
                if (mfu < 0) {
                    throw new IllegalArgumentException("MFU must be finite and not negative, got " + mfu);
                }
            }
            // -0.0 becomes 0.0, which Double.equals would otherwise tell apart
            mfus = new Sample(mfus.values().stream().map(mfu -> mfu + 0.0).toList());
        } else if (perplexities != null || mfus != null) {
            throw new IllegalArgumentException("a " + status + " evaluation has no objectives");
        }
    }

    /**
     * A working variant measured once.
     *
     * @param perplexity finite and positive
     * @param mfu finite and not negative
     */
    public static Fitness measured(double perplexity, double mfu) {
        if (!Double.isFinite(perplexity) || perplexity <= 0) {
            throw new IllegalArgumentException("perplexity must be finite and positive, got " + perplexity);
        }
        if (!Double.isFinite(mfu) || mfu < 0) {
            throw new IllegalArgumentException("MFU must be finite and not negative, got " + mfu);
        }
        return new Fitness(EvaluationStatus.OK, Sample.of(perplexity), Sample.of(mfu));
    }

    /**
     * A working variant from its replicates on the log scale: held-out losses and log MFUs, the
     * same count of each (a perplexity is the exp of a loss, an MFU the exp of a log MFU).
     */
    public static Fitness ofLogs(Sample loss, Sample logMfu) {
        return new Fitness(EvaluationStatus.OK, exp(loss), exp(logMfu));
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
        List<Double> perplexities = new ArrayList<>(results.size());
        List<Double> mfus = new ArrayList<>(results.size());
        for (EvaluationResult result : results) {
            Fitness one = of(result);
            if (!one.works()) {
                return one;
            }
            perplexities.add(one.perplexity());
            mfus.add(one.mfu());
        }
        return new Fitness(EvaluationStatus.OK, new Sample(perplexities), new Sample(mfus));
    }

    /** Whether the variant worked: it was trained and measured, every time. */
    public boolean works() {
        return status.measured();
    }

    /** The number of replicates measured; 0 for a failure. */
    public int count() {
        return works() ? perplexities.count() : 0;
    }

    /** The held-out loss of each replicate: the log of its perplexity. */
    public Sample loss() {
        return new Sample(measuredOnly(perplexities).values().stream().map(Math::log).toList());
    }

    /** The log MFU of each replicate, an MFU below {@link #MFU_FLOOR} counted as the floor. */
    public Sample logMfu() {
        return new Sample(measuredOnly(mfus).values().stream().map(mfu -> Math.log(Math.max(mfu, MFU_FLOOR))).toList());
    }

    /** The geometric mean of the perplexities (the exp of the mean loss); NaN for a failure. */
    public double perplexity() {
        return works() ? geometricMean(perplexities) : Double.NaN;
    }

    /** The geometric mean of the MFUs as measured, 0 when one is 0; NaN for a failure. */
    public double mfu() {
        return works() ? geometricMean(mfus) : Double.NaN;
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

    private Sample measuredOnly(Sample sample) {
        if (!works()) {
            throw new IllegalStateException("a " + status + " evaluation has no objectives");
        }
        return sample;
    }

    /**
     * The geometric mean of positive or zero values, as the first times the geometric mean of the
     * ratios to it: one value, or equal values, give back that value to the last bit.
     */
    private static double geometricMean(Sample sample) {
        double first = sample.values().getFirst();
        if (sample.values().contains(0.0)) {
            return 0;
        }
        double logs = 0;
        for (double value : sample.values()) {
            logs += Math.log(value / first);
        }
        return first * Math.exp(logs / sample.count());
    }

    private static Sample exp(Sample logs) {
        return new Sample(logs.values().stream().map(Math::exp).toList());
    }
}
