package darwin.population.selection;

import darwin.core.stats.Noise;
import darwin.core.stats.Sample;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * When one variant is better than another beyond the noise of the measurements.
 *
 * <p>On one objective, {@code a} is better than {@code b} only when its mean is better by more
 * than {@code margin} standard errors of the difference of the two means ({@link Noise#below}):
 * the held-out loss lower, the log MFU higher. The standard error comes from the objective's
 * {@link Noise}, the run's pooled spread of one measurement, and from how many replicates each
 * mean rests on, so that a variant measured again is told apart from its neighbours sooner.
 *
 * <p>Few degrees of freedom: the margin holds as stated when the noise is well known. A noise
 * estimated from a handful of replicates (the seed's three give two degrees of freedom) is as
 * likely to be too small as too large, and a margin of standard errors computed from a too small
 * one lets noise through: with two degrees of freedom, a true difference of 0 passes 2 standard
 * errors in 9% of draws, not 2.3%. So the margin is taken at its confidence, {@code Φ(margin)}
 * one-sided, and the {@linkplain #threshold threshold} is Student's t quantile at that confidence
 * with the noise's degrees of freedom: 4.5 standard errors at 2 degrees of freedom, 2.5 at 6, 2.1 at
 * 30, the margin itself as they grow. Margin 0 stays 0.
 *
 * <p>Significant dominance: {@code a} dominates {@code b} when no objective of {@code b} is
 * significantly better and at least one of {@code a} is; a working variant dominates every
 * failure. This relation is not transitive (a chain of steps each within the margin on one
 * objective adds up to more than the margin), but with two objectives it has no cycle: along a
 * cycle, the steps significant on the loss would sum to more than the steps not significant on
 * it give back, and the same on the log MFU, which cannot both hold. Deb's non-dominated sort
 * (Jenetics' {@code Pareto.rank}) needs no more than that; {@link ParetoFronts} checks it.
 *
 * <p>{@link #NONE} knows no noise and has margin 0: every strict difference of the means counts,
 * which is Pareto dominance on the means, the comparison made before replicates existed.
 *
 * @param loss the noise of one held-out loss (the log of a perplexity)
 * @param logMfu the noise of one log MFU
 * @param margin how many standard errors of a difference make it significant: finite, not
 *        negative; with a noise not known, a margin above 0 separates nothing on that objective
 */
public record Significance(Noise loss, Noise logMfu, double margin) {

    /** No noise known and margin 0: every strict difference of the means counts. */
    public static final Significance NONE = new Significance(Noise.UNKNOWN, Noise.UNKNOWN, 0);

    public Significance {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(logMfu, "logMfu");
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("a margin is a finite number of standard errors, not negative, got "
                    + margin);
        }
    }

    /**
     * The significance of a run's measurements: each objective's noise pooled over the replicates
     * of every working candidate, each about its own mean. The seed, measured several times before
     * the first generation, gives the noise floor; every variant measured again adds its residuals.
     * Failures and variants measured once add nothing.
     *
     * @param measured the run's variants, the seed among them, each once (the same variant twice
     *        with the same fitness counts once)
     * @param margin the number of standard errors that make a difference significant
     * @throws IllegalArgumentException when one variant comes with two fitnesses
     */
    public static Significance pooled(Collection<Candidate> measured, double margin) {
        Map<String, Fitness> byVariant = new LinkedHashMap<>();
        for (Candidate candidate : measured) {
            Fitness known = byVariant.putIfAbsent(candidate.variant(), candidate.fitness());
            if (known != null && !known.equals(candidate.fitness())) {
                throw new IllegalArgumentException("variant " + candidate.variant() + " has two fitnesses");
            }
        }
        List<Fitness> working = byVariant.values().stream().filter(Fitness::works).toList();
        List<Sample> losses = working.stream().map(Fitness::loss).toList();
        List<Sample> logMfus = working.stream().map(Fitness::logMfu).toList();
        return new Significance(Noise.pooled(losses), Noise.pooled(logMfus), margin);
    }

    /** The same noise with another margin; margin 0 compares the means alone. */
    public Significance withMargin(double margin) {
        return new Significance(loss, logMfu, margin);
    }

    /**
     * How many standard errors a difference must pass when its noise rests on
     * {@code degreesOfFreedom}: the margin at 0 or with infinitely many, else Student's t quantile
     * at the margin's one-sided confidence {@code Φ(margin)} (see the class comment).
     *
     * @param degreesOfFreedom positive; need not be whole (a Welch–Satterthwaite estimate)
     */
    public double threshold(double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0)) {
            throw new IllegalArgumentException("degrees of freedom are positive, got " + degreesOfFreedom);
        }
        if (margin == 0 || Double.isInfinite(degreesOfFreedom)) {
            return margin;
        }
        double tail = NormalDistribution.of(0, 1).survivalProbability(margin);
        return TDistribution.of(degreesOfFreedom).inverseSurvivalProbability(tail);
    }

    /**
     * Whether {@code a}'s held-out loss is significantly below {@code b}'s; false when either
     * failed. With no noise known, margin 0 compares the geometric mean perplexities strictly
     * (the figures measured, for one replicate each) and a larger margin separates nothing.
     */
    public boolean lowerLoss(Fitness a, Fitness b) {
        if (!a.works() || !b.works()) {
            return false;
        }
        if (!loss.known()) {
            return margin == 0 && a.perplexity() < b.perplexity();
        }
        return loss.below(a.loss(), b.loss(), threshold(loss.degreesOfFreedom()));
    }

    /**
     * Whether {@code a}'s log MFU is significantly above {@code b}'s; false when either failed.
     * With no noise known, margin 0 compares the geometric mean MFUs strictly and a larger margin
     * separates nothing.
     */
    public boolean higherMfu(Fitness a, Fitness b) {
        if (!a.works() || !b.works()) {
            return false;
        }
        if (!logMfu.known()) {
            return margin == 0 && a.mfu() > b.mfu();
        }
        return logMfu.below(b.logMfu(), a.logMfu(), threshold(logMfu.degreesOfFreedom()));
    }

    /** Whether {@code a} is significantly better than {@code b} on at least one objective. */
    public boolean betterOnAny(Fitness a, Fitness b) {
        return lowerLoss(a, b) || higherMfu(a, b);
    }

    /**
     * Significant dominance in Jenetics' convention: 1 when {@code a} dominates {@code b}, -1 when
     * {@code b} dominates {@code a}, 0 when neither does. A working variant dominates every
     * failure; two failures are equal.
     */
    public int dominance(Fitness a, Fitness b) {
        if (!a.works() || !b.works()) {
            return Boolean.compare(a.works(), b.works());
        }
        boolean aBetter = betterOnAny(a, b);
        boolean bBetter = betterOnAny(b, a);
        return aBetter == bBetter ? 0 : aBetter ? 1 : -1;
    }

    /** Whether {@code a} significantly dominates {@code b}. */
    public boolean dominates(Fitness a, Fitness b) {
        return dominance(a, b) > 0;
    }

    /**
     * Whether more replicates could tell the two apart: whether, were each measured {@code count}
     * times (or as often as it already is, when that is more) and its means stayed as they are, one
     * objective would differ by more than the margin, either way. The margin itself, not today's
     * {@linkplain #threshold threshold}: more replicates also teach the noise, and the threshold
     * falls toward the margin as they do (with the seed's three replicates alone, the threshold of
     * two degrees of freedom would stop a race that a truly better child wins). False when either failed, or when no objective's noise is known and the margin is
     * above 0. Racing asks this before it measures a contested variant again, so that a difference
     * too small for the cap to settle (such as the speed noise between two copies of one program)
     * costs no evaluations: a futility stop, as sequential trials have.
     *
     * @param count the replicates each would have, at least 1
     */
    public boolean separableAt(Fitness a, Fitness b, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a count of replicates is at least 1, got " + count);
        }
        if (!a.works() || !b.works()) {
            return false;
        }
        int countA = Math.max(count, a.count());
        int countB = Math.max(count, b.count());
        return apart(loss, a.loss(), b.loss(), countA, countB) || apart(logMfu, a.logMfu(), b.logMfu(), countA, countB);
    }

    private boolean apart(Noise noise, Sample a, Sample b, int countA, int countB) {
        return noise.below(a.mean(), countA, b.mean(), countB, margin)
                || noise.below(b.mean(), countB, a.mean(), countA, margin);
    }

    /**
     * Whether the two are told apart: one objective differs significantly, either way, or exactly
     * one of them failed. Two variants not separated are, as far as the noise tells, the same.
     */
    public boolean separated(Fitness a, Fitness b) {
        if (!a.works() || !b.works()) {
            return a.works() != b.works();
        }
        return betterOnAny(a, b) || betterOnAny(b, a);
    }
}
