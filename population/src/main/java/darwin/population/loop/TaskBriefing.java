package darwin.population.loop;

import darwin.core.Budget;
import darwin.core.Change;
import darwin.core.Metrics;
import darwin.core.MutationTask;
import darwin.core.Variant;
import darwin.memory.AgentMemories;
import darwin.memory.AgentMemory;
import darwin.memory.Attempt;
import darwin.memory.Effect;
import darwin.memory.MemoryDigest;
import darwin.mutation.OfflineMutator;
import darwin.mutation.prompt.PromptBuilder;
import darwin.population.selection.Member;
import darwin.population.selection.Pairing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a mutating agent is told about its task: its memory digest, the target's lineage (what was
 * changed on the way to it, each change with its verdict against the noise, and the catalog
 * entries it went through), the best peers and the target's measured figures, people's notes.
 *
 * <p>It reads only what earlier generations recorded (a generation records its attempts after
 * all of its proposals are in), so the briefing of a slot does not depend on which other slot of
 * the same generation happened to end first.
 */
final class TaskBriefing {

    private static final int LINEAGE_LINES = 6;
    private static final int DIGEST_LINES = 24;
    private static final int PEER_LINES = 3;
    private static final int NOTE_LINES = 10;

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
        List<String> lineage = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        lineage(target.id(), lineage, tried);
        List<String> peers = members.stream()
                .filter(m -> m.fitness().works())
                .sorted(Comparator.comparingDouble((Member m) -> m.fitness().perplexity()).thenComparing(Member::variant))
                .map(Member::variant).distinct().limit(PEER_LINES)
                .map(id -> id + members.stream().filter(m -> m.variant().equals(id)).map(Member::agent).toList()
                        + ": " + Optional.ofNullable(measured.get(id)).map(PromptBuilder::describe).orElse(""))
                .toList();
        return new MutationTask(pairing.mutator(), memory.persona(), MemoryDigest.of(memory, DIGEST_LINES), target,
                pairing.owner(), Optional.ofNullable(measured.get(target.id())), lineage, peers, notes(memory), budget, tried,
                seed, occurrence);
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
    private static List<String> notes(AgentMemory memory) {
        List<String> notes = memory.notes().stream().map(n -> "gen " + n.generation() + ": " + n.text()).toList();
        return notes.subList(Math.max(0, notes.size() - NOTE_LINES), notes.size());
    }

    /** The steps that led to a variant, newest first, and the catalog entries along the way. */
    private void lineage(String variant, List<String> lines, List<String> tried) {
        Map<String, Attempt> byChild = new HashMap<>();
        memories.all().values().forEach(m -> m.attempts().forEach(a -> {
            if (a.child() != null) {
                byChild.merge(a.child(), a, (x, y) -> x.proposal().compareTo(y.proposal()) <= 0 ? x : y);
            }
        }));
        String current = variant;
        for (int depth = 0; depth < 1000; depth++) {
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
            if (lines.size() < LINEAGE_LINES) {
                lines.add("gen " + step.generation() + ", " + step.mutator() + ": " + step.summary() + " → " + effect(step));
            }
            OfflineMutator.entries(new Change("", "", step.tags(), List.of(), Optional.empty()))
                    .forEach(tried::add);
            current = step.parent();
        }
    }

    /** An attempt's change of perplexity, with its interval and whether it is more than noise. */
    static String effect(Attempt step) {
        if (Double.isNaN(step.perplexityChange())) {
            return step.status();
        }
        Effect effect = step.effect();
        if (effect == null) {
            return String.format(Locale.ROOT, "perplexity %+.1f%%", 100 * step.perplexityChange());
        }
        String verdict = switch (effect.verdict()) {
            case BETTER -> "better beyond noise";
            case WORSE -> "worse beyond noise";
            case WITHIN_NOISE -> "within noise: no evidence either way";
        };
        return "perplexity " + effect.perplexity().percent() + " (" + verdict + ")";
    }
}
