package darwin.mutation.prompt;

import darwin.core.Budget;
import darwin.core.Metrics;
import darwin.core.Persona;
import darwin.core.Variant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a mutation prompt is made of.
 *
 * @param persona the mutating agent
 * @param memory the agent's memory digest: lines, most informative first (duplicates are dropped)
 * @param target the variant to improve
 * @param owner the agent that owns the target
 * @param targetMetrics the target's latest measured result, if it has one
 * @param lineage one line per ancestor step, newest first (what was changed, what it did)
 * @param peers one line per best peer (its metrics and what distinguishes it)
 * @param suggestions people's notes to this agent or to all
 * @param budget the compute budget every variant gets
 */
public record PromptInput(
        Persona persona,
        List<String> memory,
        Variant target,
        String owner,
        Optional<Metrics> targetMetrics,
        List<String> lineage,
        List<String> peers,
        List<String> suggestions,
        Budget budget) {

    public PromptInput {
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(budget, "budget");
        owner = Objects.requireNonNullElse(owner, "");
        memory = List.copyOf(memory);
        targetMetrics = Objects.requireNonNullElse(targetMetrics, Optional.empty());
        lineage = List.copyOf(lineage);
        peers = List.copyOf(peers);
        suggestions = List.copyOf(suggestions);
    }
}
