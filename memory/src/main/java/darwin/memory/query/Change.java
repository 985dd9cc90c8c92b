package darwin.memory.query;

import darwin.core.stats.Interval;
import darwin.memory.Attempt;
import darwin.memory.Effect;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a measured attempt changed, as people are shown it: the relative change of perplexity and of
 * MFU with their 95% intervals, how many replicates each side rests on, and the verdict.
 *
 * <p>An attempt recorded with an {@link Effect} gives its figures as they are. One recorded without
 * (a run from before replicates were kept) rests on a single draw each side: its change is the
 * ratio of its metrics after and before, its intervals are unbounded, its replicate counts 1 and it
 * has no verdict ({@code null}): it is <em>unjudged</em>, as nothing says how large its noise was.
 *
 * @param perplexity the relative change of held-out perplexity, {@code -0.05} for 5% lower, with its interval
 * @param mfu the relative change of MFU with its interval; {@code null} when the target's MFU was 0
 * @param before replicates of the target it rests on
 * @param after replicates of the child
 * @param verdict the effect's verdict, or {@code null} for an unjudged single draw
 */
public record Change(Interval perplexity, Interval mfu, int before, int after, Effect.Verdict verdict) {

    public Change {
        Objects.requireNonNull(perplexity, "perplexity");
        if (before < 1 || after < 1) {
            throw new IllegalArgumentException("a change rests on at least one replicate each side");
        }
    }

    /** The change of a measured attempt; empty when it did not train or its target was not measured. */
    public static Optional<Change> of(Attempt attempt) {
        if (!Stage.of(attempt.status()).trained()) {
            return Optional.empty();
        }
        Effect effect = attempt.effect();
        if (effect != null) {
            return Optional.of(new Change(effect.perplexity(), effect.mfu(), effect.before(), effect.after(), effect.verdict()));
        }
        double change = attempt.perplexityChange();
        if (!Double.isFinite(change)) {
            return Optional.empty();
        }
        double mfu = attempt.after().mfu() / attempt.before().mfu() - 1;
        return Optional.of(new Change(unbounded(change), Double.isFinite(mfu) ? unbounded(mfu) : null, 1, 1, null));
    }

    private static Interval unbounded(double estimate) {
        return new Interval(estimate, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.95);
    }

    /** Whether the run judged this change against its noise. */
    public boolean judged() {
        return verdict != null;
    }

    /** Whether the perplexity change was beyond the noise, either way. */
    public boolean significant() {
        return verdict == Effect.Verdict.BETTER || verdict == Effect.Verdict.WORSE;
    }

    /** Whether the run found the change no larger than its noise. */
    public boolean withinNoise() {
        return verdict == Effect.Verdict.WITHIN_NOISE;
    }

    /** The verdict in words: {@code better}, {@code worse}, {@code within noise}, or {@code unjudged}. */
    public String verdictWords() {
        return verdict == null ? "unjudged" : switch (verdict) {
            case BETTER -> "better";
            case WORSE -> "worse";
            case WITHIN_NOISE -> "within noise";
        };
    }

    /**
     * A relative change in percent with the half-width of its interval: {@code -3.2% ±1.1}; with
     * {@code n=…} instead when the interval is unbounded (nothing says how large the noise was).
     */
    public static String percent(Interval change, int n) {
        String estimate = String.format(Locale.ROOT, "%+.1f%%", 100 * change.estimate());
        return change.bounded() ? estimate + String.format(Locale.ROOT, " ±%.1f", 100 * change.halfWidth())
                : estimate + " (n=" + n + ")";
    }

    /** The perplexity change for a table: {@code -3.2% ±1.1}, marked {@code ~} in front when within noise. */
    public String perplexityText() {
        return (withinNoise() ? "~" : "") + percent(perplexity, Math.min(before, after));
    }

    /** The MFU change for a table: {@code +6.0% ±2.3}; {@code -} when it cannot be computed. */
    public String mfuText() {
        return mfu == null ? "-" : percent(mfu, Math.min(before, after));
    }

    /** The replicates as {@code 3+3} (target + child). */
    public String replicates() {
        return before + "+" + after;
    }
}
