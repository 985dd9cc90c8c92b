package darwin.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a mutating agent is asked to do: improve a target variant it does not own.
 *
 * @param agent the mutating agent's id
 * @param persona what it cares about
 * @param memory its memory digest, most informative first
 * @param target the variant to improve
 * @param owner the target's owner
 * @param targetMetrics the target's latest measured result, if any
 * @param lineage one line per ancestor step, newest first
 * @param peers one line per best peer
 * @param suggestions people's notes to this agent or to all
 * @param budget the compute budget
 * @param tried ids of offline catalog entries already applied in the target's lineage
 * @param seed seeds any randomness of the proposal
 */
public record MutationTask(
        String agent,
        Persona persona,
        List<String> memory,
        Variant target,
        String owner,
        Optional<Metrics> targetMetrics,
        List<String> lineage,
        List<String> peers,
        List<String> suggestions,
        Budget budget,
        List<String> tried,
        long seed) {

    public MutationTask {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(budget, "budget");
        owner = Objects.requireNonNullElse(owner, "");
        memory = List.copyOf(memory);
        targetMetrics = Objects.requireNonNullElse(targetMetrics, Optional.empty());
        lineage = List.copyOf(lineage);
        peers = List.copyOf(peers);
        suggestions = List.copyOf(suggestions);
        tried = List.copyOf(tried);
    }
}
