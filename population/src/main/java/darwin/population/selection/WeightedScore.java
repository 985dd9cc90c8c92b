package darwin.population.selection;

import java.util.Objects;

/**
 * A single figure of merit for the {@link Weighted} strategy, lower is better:
 *
 * <pre>
 *   score = perplexityWeight · perplexity / referencePerplexity − mfuWeight · MFU / referenceMfu
 * </pre>
 *
 * <p>Each objective is divided by the reference's (the seed's) figure, so the score has no units
 * and the weights say what a relative change is worth: with both weights 1, perplexity 10% below
 * the seed's is worth as much as MFU 10% above it. The seed itself scores
 * {@code perplexityWeight − mfuWeight}. A failure scores positive infinity: after every working
 * variant. Perplexity and MFU are a variant's geometric means over its replicates.
 *
 * <p>Noise ({@link #below}): the standard error of a score follows from the noise of the log
 * figures by the delta method. A perplexity {@code p = exp(mean loss)} over {@code n} replicates
 * has a standard error of about {@code p · σ_loss / √n}, an MFU likewise, so
 *
 * <pre>
 *   se(score)² = (perplexityWeight · p / referencePerplexity)² · σ_loss² / n
 *              + (mfuWeight · MFU / referenceMfu)² · σ_logMfu² / n
 * </pre>
 *
 * <p>and two scores differ significantly when the gap exceeds {@code margin · √(se(a)² + se(b)²)}.
 *
 * @param perplexityWeight the weight of perplexity, not negative
 * @param mfuWeight the weight of MFU, not negative; the two weights are not both 0
 * @param referencePerplexity the reference's perplexity, positive
 * @param referenceMfu the reference's MFU, positive
 */
public record WeightedScore(double perplexityWeight, double mfuWeight, double referencePerplexity,
        double referenceMfu) {

    public WeightedScore {
        if (!(perplexityWeight >= 0) || !(mfuWeight >= 0) || Double.isInfinite(perplexityWeight)
                || Double.isInfinite(mfuWeight)) {
            throw new IllegalArgumentException("weights are finite and not negative, got " + perplexityWeight
                    + " and " + mfuWeight);
        }
        if (perplexityWeight == 0 && mfuWeight == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        if (!(referencePerplexity > 0) || Double.isInfinite(referencePerplexity)) {
            throw new IllegalArgumentException("the reference perplexity is finite and positive, got "
                    + referencePerplexity);
        }
        if (!(referenceMfu > 0) || Double.isInfinite(referenceMfu)) {
            throw new IllegalArgumentException("the reference MFU is finite and positive, got " + referenceMfu);
        }
    }

    /**
     * A score relative to the seed's fitness, with both weights 1.
     *
     * @throws IllegalArgumentException when the seed failed or measured an MFU of 0
     */
    public static WeightedScore relativeTo(Fitness seed) {
        return relativeTo(seed, 1, 1);
    }

    /**
     * A score relative to the seed's fitness, with the given weights.
     *
     * @throws IllegalArgumentException when the seed failed or measured an MFU of 0 (at the
     *         {@linkplain Fitness#MFU_FLOOR floor})
     */
    public static WeightedScore relativeTo(Fitness seed, double perplexityWeight, double mfuWeight) {
        Objects.requireNonNull(seed, "seed");
        if (!seed.works()) {
            throw new IllegalArgumentException("a failed seed (" + seed.status() + ") gives no reference");
        }
        double floor = Math.log(Fitness.MFU_FLOOR);
        if (seed.logMfu().values().stream().anyMatch(value -> value <= floor)) {
            throw new IllegalArgumentException("a seed that measured an MFU of 0 gives no reference");
        }
        return new WeightedScore(perplexityWeight, mfuWeight, seed.perplexity(), seed.mfu());
    }

    /** The score of a fitness: lower is better, positive infinity for a failure. */
    public double score(Fitness fitness) {
        if (!fitness.works()) {
            return Double.POSITIVE_INFINITY;
        }
        return perplexityWeight * fitness.perplexity() / referencePerplexity - mfuWeight * fitness.mfu() / referenceMfu;
    }

    /**
     * Whether {@code a} scores lower than {@code b} by more than the significance's margin times
     * the standard error of the difference (see the class comment). A working variant is below
     * every failure; a failure is below nothing. An objective of positive weight whose noise is not
     * known makes the standard error unknown: then only margin 0 separates, on any strict gap.
     */
    public boolean below(Fitness a, Fitness b, Significance significance) {
        Objects.requireNonNull(significance, "significance");
        if (!a.works() || !b.works()) {
            return a.works() && !b.works();
        }
        double gap = score(b) - score(a);
        boolean unknown = perplexityWeight > 0 && !significance.loss().known()
                || mfuWeight > 0 && !significance.logMfu().known();
        if (unknown) {
            return significance.margin() == 0 && gap > 0;
        }
        return gap > significance.margin() * Math.sqrt(variance(a, significance) + variance(b, significance));
    }

    /** The squared standard error of a working fitness's score. */
    private double variance(Fitness fitness, Significance significance) {
        double perplexity = perplexityWeight * fitness.perplexity() / referencePerplexity;
        double mfu = mfuWeight * fitness.mfu() / referenceMfu;
        double sdLoss = significance.loss().sd();
        double sdMfu = significance.logMfu().sd();
        return (perplexity * perplexity * sdLoss * sdLoss + mfu * mfu * sdMfu * sdMfu) / fitness.count();
    }
}
