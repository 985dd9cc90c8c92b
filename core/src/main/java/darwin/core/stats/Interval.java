package darwin.core.stats;

import java.util.Locale;

/**
 * An estimate with its confidence interval.
 *
 * @param estimate the point estimate
 * @param low the lower bound (may be −∞ when the spread is unknown)
 * @param high the upper bound (may be +∞)
 * @param level the confidence level, such as 0.95
 */
public record Interval(double estimate, double low, double high, double level) {

    public Interval {
        if (Double.isNaN(estimate) || Double.isNaN(low) || Double.isNaN(high) || low > estimate || high < estimate) {
            throw new IllegalArgumentException("an interval holds its estimate: " + low + " ≤ " + estimate + " ≤ " + high);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a confidence level is between 0 and 1, got " + level);
        }
    }

    /** Whether the interval holds {@code value}. */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** Whether the whole interval lies below 0 (a significant decrease) or above it (an increase). */
    public boolean excludesZero() {
        return !contains(0);
    }

    /** Whether the bounds are finite: the spread was known. */
    public boolean bounded() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** Half the width of the interval. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /**
     * This interval of a difference of logs as a relative change: {@code exp(x) − 1} applied to the
     * estimate and both bounds (a difference of log perplexities becomes a change of perplexity).
     */
    public Interval relative() {
        return new Interval(Math.expm1(estimate), Math.expm1(low), Math.expm1(high), level);
    }

    /** Such as {@code -12.3% [-15.0%, -9.6%]} for a relative change. */
    public String percent() {
        return String.format(Locale.ROOT, "%+.1f%% [%+.1f%%, %+.1f%%]", 100 * estimate, 100 * low, 100 * high);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4g [%.4g, %.4g] (%.0f%%)", estimate, low, high, 100 * level);
    }
}
