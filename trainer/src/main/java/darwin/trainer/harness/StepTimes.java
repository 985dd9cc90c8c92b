package darwin.trainer.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * When a training asked for each batch, how many tokens each had, and when the {@code train} call
 * returned: the harness's own clock of a throughput probe. Step {@code i} lasts from hand-out
 * {@code i} to hand-out {@code i + 1}; the last ends when the call returns.
 *
 * @param handOutNanos {@link System#nanoTime()} when each batch was asked for
 * @param batchTokens the tokens of each batch
 * @param endNanos {@link System#nanoTime()} when the {@code train} call returned
 */
public record StepTimes(long[] handOutNanos, long[] batchTokens, long endNanos) {

    public StepTimes {
        if (handOutNanos.length != batchTokens.length) {
            throw new IllegalArgumentException("one size per hand-out: " + handOutNanos.length + " times, "
                    + batchTokens.length + " sizes");
        }
        handOutNanos = handOutNanos.clone();
        batchTokens = batchTokens.clone();
    }

    /**
     * Tokens per second from the hand-out of step {@code from} to the end of the call: every batch
     * from then on over the time the program took for them. A program that fetches batches ahead
     * of its work (a prefetching thread) is timed right, as the call ends only once it has done
     * the work of the batches it took.
     */
    public double tokensPerSecondToEnd(int from) {
        if (from < 0 || from >= handOutNanos.length) {
            throw new IllegalArgumentException("step " + from + " is not among " + steps() + " hand-outs");
        }
        long tokens = 0;
        for (int i = from; i < batchTokens.length; i++) {
            tokens += batchTokens[i];
        }
        long nanos = endNanos - handOutNanos[from];
        return nanos > 0 ? tokens * 1e9 / nanos : Double.POSITIVE_INFINITY;
    }

    /** Batches handed out. */
    public int steps() {
        return handOutNanos.length;
    }

    /** Steps whose end is a hand-out: all but the last. */
    public int timedSteps() {
        return Math.max(0, handOutNanos.length - 1);
    }

    /**
     * Tokens per second of steps {@code from} (inclusive) to {@code to} (exclusive): their tokens
     * over the time from the hand-out of {@code from} to that of {@code to}.
     */
    public double tokensPerSecond(int from, int to) {
        if (from < 0 || to <= from || to >= handOutNanos.length) {
            throw new IllegalArgumentException("steps " + from + " to " + to + " are not timed among " + steps() + " hand-outs");
        }
        long tokens = 0;
        for (int i = from; i < to; i++) {
            tokens += batchTokens[i];
        }
        long nanos = handOutNanos[to] - handOutNanos[from];
        return nanos > 0 ? tokens * 1e9 / nanos : Double.POSITIVE_INFINITY;
    }

    /** Tokens per second of each whole window of {@code window} timed steps after the first {@code warmUp}. */
    public List<Double> windowRates(int warmUp, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("a window has at least one step, got " + window);
        }
        List<Double> rates = new ArrayList<>();
        for (int from = warmUp; from + window <= timedSteps(); from += window) {
            rates.add(tokensPerSecond(from, from + window));
        }
        return rates;
    }
}
