package darwin.memory;

import darwin.core.stats.Interval;
import java.util.Objects;

/**
 * What an attempt did to its target, with the uncertainty of each figure: the relative change of
 * held-out perplexity and of MFU (child over parent, minus one) with their 95% intervals, from
 * every replicate of the parent and of the child measured at the same budget, and the run's noise.
 *
 * @param perplexity the relative change of perplexity, {@code -0.05} for 5% lower, with its interval
 * @param mfu the relative change of MFU with its interval
 * @param before how many replicates of the parent the change rests on
 * @param after how many replicates of the child
 * @param verdict what the perplexity change is, beyond its noise
 */
public record Effect(Interval perplexity, Interval mfu, int before, int after, Verdict verdict) {

    public Effect {
        Objects.requireNonNull(perplexity, "perplexity");
        Objects.requireNonNull(mfu, "mfu");
        Objects.requireNonNull(verdict, "verdict");
        if (before < 1 || after < 1) {
            throw new IllegalArgumentException("an effect rests on at least one replicate each side");
        }
    }

    /** How a change of perplexity compares with its noise. */
    public enum Verdict {
        /** Lower perplexity, beyond the noise: the attempt improved its target. */
        BETTER,
        /** Higher perplexity, beyond the noise. */
        WORSE,
        /** A change no larger than the noise: nothing was learnt about the change from it. */
        WITHIN_NOISE
    }
}
