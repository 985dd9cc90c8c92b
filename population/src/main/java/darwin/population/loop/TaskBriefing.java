package darwin.population.loop;

import darwin.core.Budget;
import darwin.core.LineageStep;
import darwin.core.Metrics;
import darwin.core.MutationTask;
import darwin.core.Variant;
import darwin.memory.AgentMemories;
import darwin.memory.AgentMemory;
import darwin.memory.Attempt;
import darwin.memory.Effect;
import darwin.memory.MemoryDigest;
import darwin.population.selection.Member;
import darwin.population.selection.Pairing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a mutating agent is told about its task: its memory digest, the target's lineage (every
 * step that led to it, each with its effect against the noise and its tags), the best peers with
 * their figures, the target's measured figures, people's notes. These go to the mutation side as
 * records ({@link LineageStep}, {@link MutationTask.Peer}, {@link MutationTask.Note}), which it
 * renders into its prompt and from which the offline catalog reads the entries already tried.
 *
 * <p>It reads only what earlier generations recorded (a generation records its attempts after
 * all of its proposals are in), so the briefing of a slot does not depend on which other slot of
 * the same generation happened to end first.
 */
final class TaskBriefing {

    private static final int DIGEST_LINES = 24;
    private static final int PEERS = 3;
    private static final int NOTES = 10;
    /** A lineage deeper than this is cut: a guard against a cycle in files edited by hand. */
    private static final int MAX_DEPTH = 1000;

    private final AgentMemories memories;
    private final Function<String, List<String>> parents;

    /**
     * @param parents a variant's parents by id (empty when the variant is unknown)
     */
    TaskBriefing(AgentMemories memories, Function<String, List<String>> parents) {
        this.memories = memories;
        this.parents = parents;
    }

    /**
     * The task of one pairing.
     *
     * @param measured each variant's figures (the mean over its replicates), where known
     * @param occurrence which of the generation's pairings of this agent with this target it is
     *     ({@link #occurrence})
     */
    MutationTask task(Pairing pairing, Variant target, Map<String, Metrics> measured, List<Member> members, Budget budget,
            long seed, MutationTask.Occurrence occurrence) {
        AgentMemory memory = memories.get(pairing.mutator());
        List<MutationTask.Peer> peers = members.stream()
                .filter(m -> m.fitness().works())
                .sorted(Comparator.comparingDouble((Member m) -> m.fitness().perplexity()).thenComparing(Member::variant))
                .map(Member::variant).distinct().limit(PEERS)
                .map(id -> new MutationTask.Peer(id, members.stream().filter(m -> m.variant().equals(id)).map(Member::agent)
                        .toList(), Optional.ofNullable(measured.get(id))))
                .toList();
        return new MutationTask(pairing.mutator(), memory.persona(), MemoryDigest.of(memory, DIGEST_LINES), target,
                pairing.owner(), Optional.ofNullable(measured.get(target.id())), lineage(target.id()), peers, notes(memory),
                budget, seed, occurrence);
    }

    /**
     * Which of the generation's pairings of the same agent with the same target the one in
     * {@code slot} is, counted in slot order: it depends on the pairings alone, so a resumed
     * generation tells its slots apart as the first run did.
     */
    static MutationTask.Occurrence occurrence(List<Pairing> pairings, int slot) {
        Pairing pairing = pairings.get(slot);
        int nth = 0;
        int of = 0;
        for (int s = 0; s < pairings.size(); s++) {
            Pairing other = pairings.get(s);
            if (other.mutator().equals(pairing.mutator()) && other.target().equals(pairing.target())) {
                of++;
                if (s <= slot) {
                    nth++;
                }
            }
        }
        return new MutationTask.Occurrence(nth, of);
    }

    /** What people told the agent, the latest last. */
    private static List<MutationTask.Note> notes(AgentMemory memory) {
        List<MutationTask.Note> notes = memory.notes().stream()
                .map(n -> new MutationTask.Note(n.generation(), n.text())).toList();
        return notes.subList(Math.max(0, notes.size() - NOTES), notes.size());
    }

    /** Every step that led to a variant, newest first. */
    List<LineageStep> lineage(String variant) {
        Map<String, Attempt> byChild = new HashMap<>();
        memories.all().values().forEach(m -> m.attempts().forEach(a -> {
            if (a.child() != null) {
                byChild.merge(a.child(), a, (x, y) -> x.proposal().compareTo(y.proposal()) <= 0 ? x : y);
            }
        }));
        List<LineageStep> steps = new ArrayList<>();
        String current = variant;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Attempt step = byChild.get(current);
            if (step == null) {
                // a member upgraded by people's request: its parent is the member before
                List<String> before = parents.apply(current);
                if (before.size() != 1) {
                    break;
                }
                current = before.getFirst();
                continue;
            }
            steps.add(new LineageStep(step.generation(), step.mutator(), step.summary(), step.tags(), outcome(step)));
            current = step.parent();
        }
        return steps;
    }

    /** An attempt's change of perplexity, with its interval and verdict where the run knew its noise. */
    static LineageStep.Outcome outcome(Attempt step) {
        if (Double.isNaN(step.perplexityChange())) {
            return new LineageStep.Outcome.Unmeasured(step.status());
        }
        Effect effect = step.effect();
        if (effect == null) {
            return new LineageStep.Outcome.Measured(step.perplexityChange());
        }
        LineageStep.Verdict verdict = switch (effect.verdict()) {
            case BETTER -> LineageStep.Verdict.BETTER;
            case WORSE -> LineageStep.Verdict.WORSE;
            case WITHIN_NOISE -> LineageStep.Verdict.WITHIN_NOISE;
        };
        return new LineageStep.Outcome.Judged(effect.perplexity(), verdict);
    }
}
