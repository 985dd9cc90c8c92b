package darwin.mutation.llm;

import java.time.Duration;

/**
 * The instant by which a call must return, on the monotonic clock of this JVM
 * ({@link System#nanoTime()}): immune to changes of the wall clock, meaningless in another process.
 *
 * @param nanoTime the value of {@link System#nanoTime()} at the deadline
 */
public record Deadline(long nanoTime) {

    /** The deadline {@code timeout} from now. */
    public static Deadline after(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("a timeout must not be negative, got " + timeout);
        }
        long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : timeout.toNanos();
        return new Deadline(System.nanoTime() + nanos);
    }

    /** The time left, zero once the deadline has passed. */
    public Duration remaining() {
        long left = nanoTime - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Whether the deadline has passed. */
    public boolean passed() {
        return nanoTime - System.nanoTime() <= 0;
    }
}
