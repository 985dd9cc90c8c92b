package darwin.population.loop;

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

    /** Records every slot's attempt not yet recorded, with its effect against {@code significance}. */
    void record(int g, List<Slot> slots, Map<String, List<EvaluationResult>> results, Significance significance) {
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
            String change = p.child() == null ? "" : diff.between(target, variants.get(p.child()));
            memories.record(new Attempt(p.key(), g, p.agent(), p.owner(), target.id(), p.child(), p.summary(), p.reasoning(),
                    p.tags(), change, p.inputTokens(), p.outputTokens(), p.cost(), last == null ? p.status() : last.status().name(),
                    last == null ? p.reason() : last.reason(), Effects.meanMetrics(before).orElse(null),
                    Effects.meanMetrics(after).orElse(null), Effects.of(before, after, significance, LEVEL).orElse(null)));
        }
    }
}
