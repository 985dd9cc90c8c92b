package darwin.core.stats;

import java.util.Arrays;
import java.util.List;

/**
 * The replicates of one figure: the same variant measured with different seeds (or at different
 * moments). Immutable; the values keep their order.
 *
 * @param values the measurements, at least one, every one finite
 */
public record Sample(List<Double> values) {

    public Sample {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a sample holds at least one value");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a sample holds finite values, got " + value);
            }
        }
    }

    public static Sample of(double... values) {
        return new Sample(Arrays.stream(values).boxed().toList());
    }

    /** This sample with one more value. */
    public Sample plus(double value) {
        Double[] more = values.toArray(new Double[values.size() + 1]);
        more[values.size()] = value;
        return new Sample(List.of(more));
    }

    public int count() {
        return values.size();
    }

    public double mean() {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }

    /** The sum of squared deviations from the mean (0 for one value). */
    public double sumOfSquares() {
        double mean = mean();
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum;
    }

    /** The sample standard deviation (n − 1 in the denominator); NaN for a single value. */
    public double sd() {
        return values.size() < 2 ? Double.NaN : Math.sqrt(sumOfSquares() / (values.size() - 1));
    }

    /** The spread of this sample alone: its standard deviation with n − 1 degrees of freedom. */
    public Noise noise() {
        return values.size() < 2 ? Noise.UNKNOWN : new Noise(sd(), values.size() - 1);
    }

    /**
     * The mean with a {@code level} confidence interval, from this sample's own spread (Student's t
     * with n − 1 degrees of freedom); unbounded for a single value.
     */
    public Interval interval(double level) {
        return noise().around(mean(), count(), level);
    }
}
