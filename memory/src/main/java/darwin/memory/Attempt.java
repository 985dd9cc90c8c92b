package darwin.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import darwin.core.Metrics;
import java.util.List;
import java.util.Objects;

/**
 * One attempt at improving a variant, as both the mutating agent and the target's owner remember
 * it: who changed what, why, what it cost, and what came of it. Figures that do not exist (no
 * metrics before a first evaluation, none after a failure) are {@code null}, as in the JSON.
 *
 * @param proposal the proposal's key, {@code g<generation>-s<slot>} (e.g. {@code g3-s1}): unique in the run, and
 *     the key of its proposal event in the ledger
 * @param generation the generation it belongs to
 * @param mutator the agent that proposed it
 * @param owner the agent that owned the target
 * @param parent the target variant's id
 * @param child the new variant's id, {@code null} when no variant came of it
 * @param summary one line
 * @param reasoning the mutator's reasoning
 * @param tags kinds of change
 * @param diff the unified diff from parent to child ({@code ""} when none)
 * @param inputTokens tokens sent to the LLM
 * @param outputTokens tokens received
 * @param cost US dollars
 * @param status the proposal's status, or the evaluation's when it was evaluated
 * @param reason one line on the status
 * @param before the parent's metrics, or {@code null}
 * @param after the child's metrics, or {@code null}
 * @param effect the change with its uncertainty, from every replicate of both, or {@code null} when it was not
 *     measured (or recorded before runs kept replicates)
 * @param stage how far the child climbed a run with rungs: {@code rung 1/3} for one that stopped at
 *     the lowest of three, {@code rung 3/3} for one that reached the full budget; {@code null} (left
 *     out) without rungs, in older files, and when no child was trained
 */
public record Attempt(
        String proposal,
        int generation,
        String mutator,
        String owner,
        String parent,
        String child,
        String summary,
        String reasoning,
        List<String> tags,
        String diff,
        long inputTokens,
        long outputTokens,
        double cost,
        String status,
        String reason,
        Metrics before,
        Metrics after,
        Effect effect,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stage) {

    public Attempt {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(mutator, "mutator");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(status, "status");
        owner = Objects.requireNonNullElse(owner, "");
        summary = Objects.requireNonNullElse(summary, "");
        reasoning = Objects.requireNonNullElse(reasoning, "");
        tags = List.copyOf(tags == null ? List.of() : tags);
        diff = Objects.requireNonNullElse(diff, "");
        reason = Objects.requireNonNullElse(reason, "");
    }

    /** An attempt whose change has no interval (one draw each side). */
    public Attempt(String proposal, int generation, String mutator, String owner, String parent, String child,
            String summary, String reasoning, List<String> tags, String diff, long inputTokens, long outputTokens,
            double cost, String status, String reason, Metrics before, Metrics after) {
        this(proposal, generation, mutator, owner, parent, child, summary, reasoning, tags, diff, inputTokens,
                outputTokens, cost, status, reason, before, after, null);
    }

    /** An attempt of a run without rungs. */
    public Attempt(String proposal, int generation, String mutator, String owner, String parent, String child,
            String summary, String reasoning, List<String> tags, String diff, long inputTokens, long outputTokens,
            double cost, String status, String reason, Metrics before, Metrics after, Effect effect) {
        this(proposal, generation, mutator, owner, parent, child, summary, reasoning, tags, diff, inputTokens,
                outputTokens, cost, status, reason, before, after, effect, null);
    }

    /** Relative change of held-out perplexity, after over before, minus one; NaN when unknown. */
    public double perplexityChange() {
        return before == null || after == null ? Double.NaN : after.perplexity() / before.perplexity() - 1;
    }

    /** Change of MFU in percentage points; NaN when unknown. */
    public double mfuChange() {
        return before == null || after == null ? Double.NaN : 100 * (after.mfu() - before.mfu());
    }

    /**
     * Whether it made the variant better: lower perplexity beyond the noise when the attempt has an
     * {@link Effect}; for an attempt recorded without one, lower perplexity in its single draw.
     */
    public boolean improved() {
        return effect != null ? effect.verdict() == Effect.Verdict.BETTER : perplexityChange() < 0;
    }
}
