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
 * @param lineage the steps that led to the target, newest first, every one of them (a prompt shows the
 *     newest few; the offline catalog reads from all of them which entries the target has been through)
 * @param peers the best variants of the run, best first
 * @param suggestions people's notes to this agent or to all, the latest last
 * @param budget the compute budget
 * @param seed seeds any randomness of the proposal
 * @param occurrence which of its agent's tasks for the same target in the same generation this is:
 *     two tasks that differ only here must not be answered with one proposal
 */
public record MutationTask(
        String agent,
        Persona persona,
        List<String> memory,
        Variant target,
        String owner,
        Optional<Metrics> targetMetrics,
        List<LineageStep> lineage,
        List<Peer> peers,
        List<Note> suggestions,
        Budget budget,
        long seed,
        Occurrence occurrence) {

    /**
     * The task of an agent that has no other task for its target in its generation (the
     * {@link Occurrence#ONLY} one).
     */
    public MutationTask(String agent, Persona persona, List<String> memory, Variant target, String owner,
            Optional<Metrics> targetMetrics, List<LineageStep> lineage, List<Peer> peers, List<Note> suggestions,
            Budget budget, long seed) {
        this(agent, persona, memory, target, owner, targetMetrics, lineage, peers, suggestions, budget, seed,
                Occurrence.ONLY);
    }

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
        Objects.requireNonNull(occurrence, "occurrence");
    }

    /**
     * One of the best variants of the run, shown to the agent as a peer of its target.
     *
     * @param variant its id
     * @param owners the agents that own it, in member order
     * @param metrics its figures (the mean over its replicates), when it was measured
     */
    public record Peer(String variant, List<String> owners, Optional<Metrics> metrics) {
        public Peer {
            Objects.requireNonNull(variant, "variant");
            owners = List.copyOf(owners);
            metrics = Objects.requireNonNullElse(metrics, Optional.empty());
        }
    }

    /**
     * What people told the agent (a decision on its request, an upgrade applied, a suggestion).
     *
     * @param generation the generation it was passed on in
     * @param text what it says
     */
    public record Note(int generation, String text) {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Which of an agent's tasks for one target in one generation a task is: the {@code nth} of
     * {@code of}, counted in slot order. A generation may pair an agent with the same target more
     * than once; those tasks are alike in everything else, so this is what tells them apart.
     *
     * @param nth 1 for the first
     * @param of how many the generation holds, at least {@code nth}
     */
    public record Occurrence(int nth, int of) {

        /** The one task of its agent for its target. */
        public static final Occurrence ONLY = new Occurrence(1, 1);

        public Occurrence {
            if (nth < 1 || of < nth) {
                throw new IllegalArgumentException("an occurrence is the nth of n tasks, 1 <= nth <= n, got " + nth
                        + " of " + of);
            }
        }

        /** Whether the agent has no other task for this target in this generation. */
        public boolean only() {
            return of == 1;
        }
    }
}
