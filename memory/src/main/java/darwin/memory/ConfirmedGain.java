package darwin.memory;

import darwin.core.stats.Interval;
import java.time.Instant;
import java.util.Objects;

/**
 * A run's headline, measured again: a variant and the seed evaluated {@code repeat} times each,
 * interleaved on one slot with fresh seeds, and the change of each objective (variant over seed,
 * minus one) with its 95% interval.
 *
 * @param variant the variant confirmed (the run's best)
 * @param seed the seed variant
 * @param budget the key of the budget both were evaluated at
 * @param repeat evaluations of each that worked
 * @param perplexity the relative change of perplexity, negative when the variant is better
 * @param mfu the relative change of MFU, positive when the variant is faster
 * @param at when the confirmation ended
 */
public record ConfirmedGain(String variant, String seed, String budget, int repeat, Interval perplexity, Interval mfu,
        Instant at) {

    public ConfirmedGain {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(perplexity, "perplexity");
        Objects.requireNonNull(mfu, "mfu");
        Objects.requireNonNull(at, "at");
    }

    /** Whether the perplexity gain is real at the 95% level: its whole interval lies below 0. */
    public boolean significant() {
        return perplexity.high() < 0;
    }
}
