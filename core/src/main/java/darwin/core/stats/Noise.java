package darwin.core.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * How much a measurement scatters when it is repeated: a standard deviation and the degrees of
 * freedom it was estimated with. The noise floor of a run is the seed's replicates' noise; pooled
 * with the residuals of every other variant measured more than once, it tells how far apart two
 * means must be before their difference is more than noise.
 *
 * @param sd the standard deviation of one measurement, finite and not negative
 * @param degreesOfFreedom how many independent residuals it rests on; 0 when nothing is known
 */
public record Noise(double sd, int degreesOfFreedom) {

    /** Nothing measured twice yet: no spread known, every interval unbounded. */
    public static final Noise UNKNOWN = new Noise(0, 0);

    public Noise {
        if (!Double.isFinite(sd) || sd < 0) {
            throw new IllegalArgumentException("a standard deviation is finite and not negative, got " + sd);
        }
        if (degreesOfFreedom < 0) {
            throw new IllegalArgumentException("degrees of freedom are not negative, got " + degreesOfFreedom);
        }
        if (degreesOfFreedom == 0 && sd != 0) {
            throw new IllegalArgumentException("a spread with no degrees of freedom is unknown");
        }
    }

    /** Whether the spread rests on at least one residual. */
    public boolean known() {
        return degreesOfFreedom > 0;
    }

    /**
     * The pooled noise of several samples of the same measurement (each variant's replicates
     * about its own mean): the residuals' sum of squares over their degrees of freedom together.
     */
    public static Noise pooled(Iterable<Sample> samples) {
        double squares = 0;
        int freedom = 0;
        for (Sample sample : samples) {
            squares += sample.sumOfSquares();
            freedom += sample.count() - 1;
        }
        return freedom == 0 ? UNKNOWN : new Noise(Math.sqrt(squares / freedom), freedom);
    }

    /** This noise pooled with another estimate of the same spread. */
    public Noise pool(Noise other) {
        int freedom = degreesOfFreedom + other.degreesOfFreedom;
        if (freedom == 0) {
            return UNKNOWN;
        }
        double squares = sd * sd * degreesOfFreedom + other.sd * other.sd * other.degreesOfFreedom;
        return new Noise(Math.sqrt(squares / freedom), freedom);
    }

    /** The standard error of a mean of {@code count} measurements. */
    public double standardError(int count) {
        checkCount(count);
        return sd / Math.sqrt(count);
    }

    /** The standard error of the difference between a mean of {@code a} and one of {@code b} measurements. */
    public double standardError(int a, int b) {
        checkCount(a);
        checkCount(b);
        return sd * Math.sqrt(1.0 / a + 1.0 / b);
    }

    /**
     * Student's t quantile for a two-sided interval of confidence {@code level} with these degrees
     * of freedom; infinite when the spread is unknown.
     */
    public double t(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a confidence level is between 0 and 1, got " + level);
        }
        if (!known()) {
            return Double.POSITIVE_INFINITY;
        }
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.5 + level / 2);
    }

    /** The {@code level} interval around a mean of {@code count} measurements. */
    public Interval around(double mean, int count, double level) {
        double half = known() ? t(level) * standardError(count) : Double.POSITIVE_INFINITY;
        return new Interval(mean, mean - half, mean + half, level);
    }

    /**
     * The {@code level} interval of the difference {@code a − b} of two samples' means, measured
     * with this noise.
     */
    public Interval difference(Sample a, Sample b, double level) {
        double delta = a.mean() - b.mean();
        double half = known() ? t(level) * standardError(a.count(), b.count()) : Double.POSITIVE_INFINITY;
        return new Interval(delta, delta - half, delta + half, level);
    }

    /**
     * Whether {@code a}'s mean is below {@code b}'s by more than {@code margin} standard errors of
     * their difference. With no spread known, any strict difference separates them when
     * {@code margin} is 0 and none does otherwise.
     */
    public boolean below(Sample a, Sample b, double margin) {
        return below(a.mean(), a.count(), b.mean(), b.count(), margin);
    }

    /** {@link #below(Sample, Sample, double)} from the means and counts alone. */
    public boolean below(double meanA, int countA, double meanB, int countB, double margin) {
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("a margin is a finite number of standard errors, not negative, got " + margin);
        }
        double gap = meanB - meanA;
        if (!known()) {
            return margin == 0 && gap > 0;
        }
        return gap > margin * standardError(countA, countB);
    }

    private static void checkCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a mean is of at least one measurement, got " + count);
        }
    }
}
