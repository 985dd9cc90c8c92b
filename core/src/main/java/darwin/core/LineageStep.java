package darwin.core;

import darwin.core.stats.Interval;
import java.util.List;
import java.util.Objects;

/**
 * One step on the way to a task's target: an earlier attempt whose child is the target or one of
 * its ancestors, and what came of it. The loop reads it from the agents' memories; the mutation
 * side renders it into a prompt, and the offline catalog reads from the steps' tags which of its
 * entries the target has been through.
 *
 * @param generation the generation of the attempt
 * @param mutator the agent that proposed it
 * @param summary its one-line summary
 * @param tags its kinds of change, the catalog's {@code catalog:<entry>} tags among them
 * @param outcome what it did to perplexity
 */
public record LineageStep(int generation, String mutator, String summary, List<String> tags, Outcome outcome) {

    public LineageStep {
        if (generation < 0) {
            throw new IllegalArgumentException("a generation is not negative, got " + generation);
        }
        Objects.requireNonNull(mutator, "mutator");
        summary = Objects.requireNonNullElse(summary, "");
        tags = List.copyOf(tags);
        Objects.requireNonNull(outcome, "outcome");
    }

    /** What a step did to perplexity, as far as it was measured. */
    public sealed interface Outcome {

        /**
         * No change of perplexity is known: the child failed, or either side was not measured.
         *
         * @param status the attempt's status, such as {@code TIMEOUT}
         */
        record Unmeasured(String status) implements Outcome {
            public Unmeasured {
                Objects.requireNonNull(status, "status");
            }
        }

        /**
         * A change measured once each side, with no interval (a run that takes one draw per variant).
         *
         * @param perplexity the relative change, {@code -0.05} for 5% lower (infinite when a side diverged)
         */
        record Measured(double perplexity) implements Outcome {
            public Measured {
                if (Double.isNaN(perplexity)) {
                    throw new IllegalArgumentException("a measured change is a number, got NaN");
                }
            }
        }

        /**
         * A change with its interval, judged against the run's noise.
         *
         * @param perplexity the relative change of perplexity with its interval
         * @param verdict what the change is, beyond the noise
         */
        record Judged(Interval perplexity, Verdict verdict) implements Outcome {
            public Judged {
                Objects.requireNonNull(perplexity, "perplexity");
                Objects.requireNonNull(verdict, "verdict");
            }
        }
    }

    /** How a change of perplexity compares with its noise. */
    public enum Verdict {
        /** Lower perplexity, beyond the noise. */
        BETTER,
        /** Higher perplexity, beyond the noise. */
        WORSE,
        /** No larger than the noise: no evidence either way. */
        WITHIN_NOISE
    }
}
