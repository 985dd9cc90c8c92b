package darwin.mutation.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the wait before retry {@code n} (0 for the first) is
 * {@code min(max, initial × multiplier^n)}, less a random share of up to {@code jitter} of it, so
 * that agents rate-limited together do not all come back at once.
 *
 * @param initial the wait before the first retry, before jitter
 * @param max the longest wait, before jitter
 * @param multiplier how much each wait grows, at least 1
 * @param jitter the share of a wait that may be taken off at random, 0 to 1
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** One second, doubling to at most thirty, with half of each wait random. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.5);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff waits must satisfy 0 <= initial <= max, got " + initial + " and " + max);
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("the backoff multiplier must be at least 1, got " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("the jitter must be between 0 and 1, got " + jitter);
        }
    }

    /** The wait before retry {@code retry} (0 for the first), drawing the jitter from {@code random}. */
    public Duration delay(int retry, RandomGenerator random) {
        if (retry < 0) {
            throw new IllegalArgumentException("retries count from 0, got " + retry);
        }
        double nanos = Math.min(max.toNanos(), initial.toNanos() * Math.pow(multiplier, retry));
        double jittered = nanos * (1 - jitter * random.nextDouble());
        return Duration.ofNanos((long) jittered);
    }
}
