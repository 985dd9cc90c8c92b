package darwin.population.loop;

import darwin.core.Budget;
import darwin.core.Change;
import darwin.core.EvaluationResult;
import darwin.core.Metrics;
import darwin.core.MutationTask;
import darwin.core.Mutator;
import darwin.core.Proposal;
import darwin.core.Variant;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.Proposed;
import darwin.population.selection.Member;
import darwin.population.selection.Pairing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A generation's offspring: every pairing is proposed by the {@link Mutator} and its child
 * evaluated, all pairings at once, so that the LLM writes the next proposals while earlier children
 * train. A proposal is keyed by its generation and slot ({@code g3-s1}): one the ledger holds is not
 * asked for again (its child is stored already), which is how a resumed generation redoes nothing.
 * With rungs, a child's first training is at its starting rung ({@link Ladder}).
 */
final class Offspring {

    private final EvolutionPlan plan;
    private final Mutator mutator;
    private final TaskBriefing briefing;
    private final Variants variants;
    private final Ledger ledger;
    private final Ladder ladder;
    private final EvolutionListener listener;

    Offspring(EvolutionPlan plan, Mutator mutator, TaskBriefing briefing, Variants variants, Ledger ledger,
            Ladder ladder, EvolutionListener listener) {
        this.plan = plan;
        this.mutator = mutator;
        this.briefing = briefing;
        this.variants = variants;
        this.ledger = ledger;
        this.ladder = ladder;
        this.listener = listener;
    }

    /**
     * Proposes and evaluates every pairing at once; the slots in slot order. The children's results
     * join {@code results}.
     *
     * @param figures each variant's mean figures, for the briefings
     * @param counts how many replicates each variant counts at the start of the generation
     */
    List<Slot> of(int g, List<Pairing> pairings, Map<String, Metrics> figures, List<Member> members,
            Map<String, Integer> counts, Map<String, List<EvaluationResult>> results, Budget budget)
            throws InterruptedException {
        List<Callable<Slot>> work = new ArrayList<>();
        for (int slot = 0; slot < pairings.size(); slot++) {
            int s = slot;
            MutationTask.Occurrence occurrence = TaskBriefing.occurrence(pairings, s);
            work.add(() -> slot(g, s, pairings.get(s), occurrence, figures, members, counts, results, budget));
        }
        return Parallel.all(g, work);
    }

    /** One pairing: the proposal (or the one already in the ledger) and its child's first evaluation. */
    private Slot slot(int g, int slot, Pairing pairing, MutationTask.Occurrence occurrence, Map<String, Metrics> figures,
            List<Member> members, Map<String, Integer> counts, Map<String, List<EvaluationResult>> results, Budget budget)
            throws InterruptedException {
        String key = "g" + g + "-s" + slot;
        Optional<Proposed> done = ledger.find(Proposed.class, key);
        Proposed proposal;
        if (done.isPresent()) {
            proposal = done.get();
        } else {
            Variant target = variants.get(pairing.target());
            Proposal fresh = mutator.propose(briefing.task(pairing, target, figures, members, budget, plan.seedFor(g, slot),
                    occurrence));
            fresh.child().ifPresent(variants::store);
            listener.proposed(g, slot, fresh);
            proposal = proposed(key, g, slot, pairing, fresh);
            ledger.append(proposal);
        }
        if (proposal.child() != null) {
            String child = proposal.child();
            ladder.enter(g, child, proposal.tags(), counts.getOrDefault(child, 1), results);
        }
        return new Slot(pairing, proposal);
    }

    /** A fresh proposal as the ledger records it: enough to resume without asking again. */
    static Proposed proposed(String key, int g, int slot, Pairing pairing, Proposal proposal) {
        Optional<Change> change = proposal.change();
        return new Proposed(key, g, slot, pairing.mutator(), pairing.target(), pairing.owner(), proposal.status().name(),
                proposal.reason(), proposal.child().map(Variant::id).orElse(null), change.map(Change::summary).orElse(""),
                change.map(Change::reasoning).orElse(""), change.map(Change::tags).orElse(List.of()), proposal.inputTokens(),
                proposal.outputTokens(), proposal.cost(), change.flatMap(Change::request).orElse(null));
    }
}
