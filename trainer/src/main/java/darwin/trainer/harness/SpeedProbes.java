package darwin.trainer.harness;

import ai.djl.ndarray.NDManager;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.TokenSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Measures how fast a variant trains relative to the reference program, in one process: short
 * probes in turn, reference and variant alternating in the order R V, V R, V R, R V (and so on in
 * blocks of four), each a {@code train()} call of its own under a small step budget. A probe's rate
 * is the tokens of the batches handed out after its warm-up over the time from the first of their
 * hand-outs to the end of the call ({@link StepTimes#tokensPerSecondToEnd}); each pair gives the
 * ratio of the variant's rate to the reference's, and the speed ratio is the median of the pairs'
 * ratios (for an even count, the geometric mean of the middle two); the spread is half their range.
 *
 * <p>Why interleaved, in the same process: on a shared host the machine's speed swings up to 2×
 * within minutes. Both programs see the same swings when their probes alternate a fraction of a
 * second apart, so the ratio keeps what the code does and drops what the host did. Why the order:
 * a probe that runs second in its pair may run faster or slower than the first for reasons of
 * place alone (caches and the allocator warmed by the other, the JIT compiling shared code), so each
 * program runs first in half of the pairs, and in the ABBA blocks a load that falls off steadily
 * over the probes also weighs on both alike. Earlier, with three pairs (R V, V R, R V) and the
 * median of each program's probes, the seed measured 4–15% faster than itself: the medians compared
 * a second place with a first. Why the median of the pairs' ratios: a busy moment that hits one
 * probe spoils one pair, which the median leaves out, where it would move a mean. Why the rate of
 * the whole timed stretch rather than of single steps: a program may take batches ahead of its
 * work (a prefetching thread) or take several before an optimizer step (gradient accumulation),
 * and only the stretch up to the end of the call counts the work of every batch it took.
 *
 * <p>Cost: {@value #PAIRS} pairs of {@value #WARM_UP_STEPS} warm-up and {@value #TIMED_STEPS} timed
 * steps, plus {@value #FIRST_WARM_UP_EXTRA} more warm-up steps in each program's first probe (its
 * code and the engine are still cold there): 36 of the seed's steps and eight models built, about
 * 2.8 s on a 2-core host at 75 ms a step, 14% of a 20 s equal-time budget. A program with slower
 * steps takes proportionally longer to probe. The probes also warm the variant's code up before
 * its real training.
 */
public final class SpeedProbes {

    /** Probe pairs: four, one block R V, V R, V R, R V, so that each program runs first twice. */
    public static final int PAIRS = 4;
    /** Untimed steps at the start of each probe: the model's first pass allocates and plans. */
    public static final int WARM_UP_STEPS = 1;
    /** More untimed steps in each program's first probe, where its code and the engine are cold. */
    public static final int FIRST_WARM_UP_EXTRA = 2;
    /** Timed steps of each probe: about 0.2 s of the seed's on a 2-core host (twelve per program in all). */
    public static final int TIMED_STEPS = 3;

    private final TrainingSession session;
    private final int pairs;
    private final int warmUp;
    private final int timed;

    public SpeedProbes(TrainingSession session) {
        this(session, PAIRS, WARM_UP_STEPS, TIMED_STEPS);
    }

    /** Probes of other lengths than the defaults (for tests of small models, whose steps take milliseconds). */
    public SpeedProbes(TrainingSession session, int pairs, int warmUp, int timed) {
        if (pairs < 1 || warmUp < 0 || timed < 1) {
            throw new IllegalArgumentException("bad probe lengths: " + pairs + " pairs, " + warmUp + " + " + timed + " steps");
        }
        this.session = session;
        this.pairs = pairs;
        this.warmUp = warmUp;
        this.timed = timed;
    }

    /**
     * The speed ratio, or the failure that ended a probe: the variant's fault as the variant's
     * status, the reference's as a failure of the harness.
     *
     * @param samplers the batches of the probe numbered by the argument
     */
    public Measured measure(TrainingProgram reference, TrainingProgram variant, NDManager manager,
            LongFunction<TokenSampler> samplers, long seed) {
        long start = System.nanoTime();
        List<Double> references = new ArrayList<>();
        List<Double> variants = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            int warm = pair == 0 ? warmUp + FIRST_WARM_UP_EXTRA : warmUp;
            // R V, V R, V R, R V, …: each program first in half of the pairs, and a load that falls
            // off steadily over a block of four weighs on both alike
            boolean referenceFirst = referenceFirst(pair);
            Rate ofReference = null;
            if (referenceFirst) {
                ofReference = probe(reference, manager, samplers.apply(2L * pair), warm, seed);
                if (ofReference.failure() != null) {
                    return Measured.failed(ofReference(ofReference.failure()));
                }
            }
            Rate ofVariant = probe(variant, manager, samplers.apply(2L * pair + 1), warm, seed);
            if (ofVariant.failure() != null) {
                return Measured.failed(ofVariant(ofVariant.failure()));
            }
            if (!referenceFirst) {
                ofReference = probe(reference, manager, samplers.apply(2L * pair), warm, seed);
                if (ofReference.failure() != null) {
                    return Measured.failed(ofReference(ofReference.failure()));
                }
            }
            references.add(ofReference.tokensPerSecond());
            variants.add(ofVariant.tokensPerSecond());
        }
        List<Double> ratios = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            ratios.add(variants.get(pair) / references.get(pair));
        }
        double lowest = ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double highest = ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new Measured(new SpeedRatio(geometricMedian(ratios), (highest - lowest) / 2, median(references),
                median(variants), (System.nanoTime() - start) / 1e9, pairs), null);
    }

    /** A failure of the reference's probe: the harness's fault, never the variant's. */
    private static EvaluationResult ofReference(EvaluationResult failure) {
        return EvaluationResult.harnessFailure("the reference program failed its speed probe: " + failure.reason(),
                failure.logTail());
    }

    /** A failure of the variant's probe, with the variant's own status. */
    private static EvaluationResult ofVariant(EvaluationResult failure) {
        return failure.harnessFailure() ? failure
                : EvaluationResult.failed(failure.status(), "in a speed probe: " + failure.reason(), failure.logTail());
    }

    /** A speed ratio, or the failure that ended the probes. */
    public record Measured(SpeedRatio speed, EvaluationResult failure) {
        static Measured failed(EvaluationResult failure) {
            return new Measured(null, failure);
        }
    }

    /** A probe's tokens per second, or the failure that ended it. */
    private record Rate(double tokensPerSecond, EvaluationResult failure) {}

    private Rate probe(TrainingProgram program, NDManager manager, TokenSampler sampler, int warm, long seed) {
        int batches = warm + timed;
        try (NDManager scope = manager.newSubManager()) {
            TrainingSession.Probe probe = session.probe(program, scope, sampler, batches, seed);
            if (probe.failure() != null) {
                return new Rate(0, probe.failure());
            }
            StepTimes times = probe.times();
            if (times.steps() <= warm) {
                return new Rate(0, EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR,
                        "the program asked for " + times.steps() + " of the " + batches
                                + " batches of a speed probe, too few to time a step after its warm-up", ""));
            }
            double rate = times.tokensPerSecondToEnd(warm);
            if (!(rate > 0) || Double.isInfinite(rate)) {
                return new Rate(0, EvaluationResult.harnessFailure("a speed probe timed " + rate + " tokens/s", ""));
            }
            return new Rate(rate, null);
        }
    }

    /** Whether the reference runs first in pair {@code pair}: R V, V R, V R, R V, then again. */
    static boolean referenceFirst(int pair) {
        int inBlock = pair % 4;
        return inBlock == 0 || inBlock == 3;
    }

    /** The median of positive ratios, the middle two of an even count averaged on the log scale. */
    static double geometricMedian(List<Double> ratios) {
        List<Double> sorted = ratios.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : Math.sqrt(sorted.get(middle - 1) * sorted.get(middle));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
