package darwin.population.loop;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Variant;
import darwin.core.VariantDiff;
import darwin.memory.AgentMemories;
import darwin.memory.Attempt;
import darwin.memory.ledger.Proposed;
import darwin.population.selection.Significance;
import java.util.List;
import java.util.Map;

/**
 * Records a generation's attempts in the agents' memories, in slot order, once each (a resumed
 * generation finds the ones recorded before it stopped): who changed what, the diff, what it cost,
 * the figures before and after as means over replicates, and the effect against the noise as
 * {@value #LEVEL} intervals.
 */
final class Attempts {

    /** The status of an attempt whose child worked but stopped at a rung below the full budget. */
    static final String NOT_PROMOTED = "NOT_PROMOTED";

    /** The confidence level of the effects' intervals. */
    static final double LEVEL = 0.95;

    private final AgentMemories memories;
    private final Variants variants;
    private final VariantDiff diff;

    Attempts(AgentMemories memories, Variants variants, VariantDiff diff) {
        this.memories = memories;
        this.variants = variants;
        this.diff = diff;
    }

    /**
     * Records every slot's attempt not yet recorded, with its effect against {@code significance}
     * and, in a run with rungs, the rung its child reached ({@code reached}, by id): a child that
     * stopped below the full budget has no figures after, since a rung's are no fitness.
     */
    void record(int g, List<Slot> slots, Map<String, List<EvaluationResult>> results, Significance significance,
            Map<String, Stage> reached, Rungs rungs, Budget budget) {
        for (Slot slot : slots) {
            Proposed p = slot.proposal();
            if (memories.knows(p.agent(), p.key())) {
                continue;
            }
            Variant target = variants.get(p.target());
            List<EvaluationResult> before = results.getOrDefault(p.target(), List.of());
            List<EvaluationResult> after = p.child() == null ? List.of() : results.getOrDefault(p.child(), List.of());
            EvaluationResult last = after.isEmpty() ? null : after.stream().filter(r -> !r.status().measured()).findFirst()
                    .orElse(after.getFirst());
            Stage reach = p.child() == null ? null : reached.get(p.child());
            String stage = reach == null ? null : "rung " + (reach.rung() + 1) + "/" + rungs.count();
            String status = last == null ? p.status() : last.status().name();
            String reason = last == null ? p.reason() : last.reason();
            if (reach != null && reach.rung() < rungs.full()) {
                EvaluationResult there = reach.result();
                String at = "rung " + (reach.rung() + 1) + " of " + rungs.count() + " (" + rungs.budget(budget, reach.rung())
                        .describe() + ")";
                status = there.status().measured() ? NOT_PROMOTED : there.status().name();
                reason = there.status().measured() ? "not promoted past " + at + ": its held-out loss there was not among"
                        + " the rung's best, beyond the noise" : "at " + at + ": " + there.reason();
            }
            String change = p.child() == null ? "" : diff.between(target, variants.get(p.child()));
            memories.record(new Attempt(p.key(), g, p.agent(), p.owner(), target.id(), p.child(), p.summary(), p.reasoning(),
                    p.tags(), change, p.inputTokens(), p.outputTokens(), p.cost(), status, reason,
                    Effects.meanMetrics(before).orElse(null), Effects.meanMetrics(after).orElse(null),
                    Effects.of(before, after, significance, LEVEL).orElse(null), stage));
        }
    }
}
