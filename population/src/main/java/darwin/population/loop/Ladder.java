package darwin.population.loop;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Evaluator;
import darwin.core.Metrics;
import darwin.core.Variant;
import darwin.memory.ledger.EventType;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LedgerEvents;
import darwin.memory.ledger.Promoted;
import darwin.memory.ledger.RungEvaluated;
import darwin.population.selection.Candidate;
import darwin.population.selection.Fitness;
import darwin.population.selection.Promotion;
import darwin.population.selection.Significance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A generation's children climbing the run's {@link Rungs}: each is trained first at its starting
 * rung (as soon as it is proposed, so that training overlaps the LLM's writing), then, rung by rung,
 * the {@link Promotion} of the rung decides who is trained at the next; who reaches the full budget
 * is measured by {@link Replicates} like any variant and enters selection. A rung result is a
 * {@code RUNG} event and a cached result of its own (the budget is in its key); each rung's decision
 * a {@code PROMOTION} event.
 *
 * <p>Resume: a rung's history is the {@code RUNG} events of earlier generations, fixed when the
 * generation begins, and a rung result asked for again is answered from the evaluator's cache, so a
 * generation killed inside a rung promotes the same children and trains none twice.
 */
final class Ladder {

    private final Rungs rungs;
    private final Evaluator evaluator;
    private final Ledger ledger;
    private final Function<String, Variant> variants;
    private final Replicates replicates;
    private final long runSeed;
    private final EvolutionListener listener;
    private final Map<String, EvaluationResult> trained = new ConcurrentHashMap<>();

    Ladder(Rungs rungs, Evaluator evaluator, Ledger ledger, Function<String, Variant> variants, Replicates replicates,
            long runSeed, EvolutionListener listener) {
        this.rungs = rungs;
        this.evaluator = evaluator;
        this.ledger = ledger;
        this.variants = variants;
        this.replicates = replicates;
        this.runSeed = runSeed;
        this.listener = listener;
    }

    Rungs rungs() {
        return rungs;
    }

    /**
     * A child's first training: at its starting rung, or, with rungs off or for a child that starts
     * at the top, its first {@code count} replicates at the full budget (which join {@code results}).
     */
    void enter(int g, String child, List<String> tags, int count, Map<String, List<EvaluationResult>> results)
            throws InterruptedException {
        int start = rungs.start(tags);
        if (start == rungs.full()) {
            full(g, child, count, results);
        } else {
            train(g, child, start);
        }
    }

    /**
     * Closes the generation's rungs below the full budget in turn and trains the children promoted
     * to the next; those that reach the top are measured and join {@code results}.
     *
     * @param starts each child's id with its change's tags, in slot order
     * @return how far each child climbed, by id, in slot order
     */
    Map<String, Stage> climb(int g, Map<String, List<String>> starts, Significance significance,
            Map<String, Integer> counts, Map<String, List<EvaluationResult>> results) throws InterruptedException {
        Map<String, Stage> reached = new LinkedHashMap<>();
        Promotion promotion = new Promotion(rungs.eta(), significance);
        SequencedSet<String> promoted = new LinkedHashSet<>();
        for (int rung = 0; rung < rungs.full(); rung++) {
            int r = rung;
            List<String> entrants = starts.keySet().stream()
                    .filter(c -> promoted.contains(c) || rungs.start(starts.get(c)) == r).toList();
            List<Callable<EvaluationResult>> work = new ArrayList<>();
            for (String child : entrants) {
                work.add(() -> train(g, child, r));
            }
            List<EvaluationResult> trained = Parallel.all(g, work);
            List<Candidate> entered = new ArrayList<>();
            for (int i = 0; i < entrants.size(); i++) {
                entered.add(new Candidate(entrants.get(i), Fitness.of(trained.get(i))));
                reached.put(entrants.get(i), new Stage(r, trained.get(i)));
            }
            SequencedSet<String> up = promotion.promoted(history(g, r), entered);
            ledger.append(new Promoted(g, r, budget(r).key(), entrants, List.copyOf(up)));
            listener.promoted(g, r, rungs.count(), entrants.size(), up.size());
            promoted.clear();
            promoted.addAll(up);
        }
        List<String> top = starts.keySet().stream()
                .filter(c -> promoted.contains(c) || rungs.start(starts.get(c)) == rungs.full()).toList();
        List<Callable<List<EvaluationResult>>> work = new ArrayList<>();
        for (String child : top) {
            work.add(() -> full(g, child, counts.getOrDefault(child, 1), results));
        }
        List<List<EvaluationResult>> measured = Parallel.all(g, work);
        for (int i = 0; i < top.size(); i++) {
            reached.put(top.get(i), new Stage(rungs.full(), measured.get(i).getFirst()));
        }
        Map<String, Stage> ordered = new LinkedHashMap<>();
        starts.keySet().forEach(c -> ordered.put(c, reached.get(c)));
        return ordered;
    }

    /** The budget of rung {@code rung} at the budget in force. */
    Budget budget(int rung) {
        return rungs.budget(replicates.budget(), rung);
    }

    private List<EvaluationResult> full(int g, String child, int count, Map<String, List<EvaluationResult>> results)
            throws InterruptedException {
        List<EvaluationResult> measured = replicates.first(child, count);
        results.merge(child, measured, (a, b) -> a.size() >= b.size() ? a : b);
        listener.evaluated(g, child, measured.getFirst());
        return measured;
    }

    /**
     * One rung run with the run's seed: from this process's memory, the evaluator or its cache,
     * recorded once.
     */
    private EvaluationResult train(int g, String child, int rung) throws InterruptedException {
        Budget at = budget(rung);
        EvaluationResult known = trained.get(child + "@" + at.key());
        if (known != null) {
            return known;
        }
        EvaluationResult result = evaluator.evaluate(variants.apply(child), at, runSeed);
        Metrics metrics = result.measured().orElse(null);
        ledger.append(new RungEvaluated(g, child, rung, at.key(), runSeed, result.status().name(), result.reason(),
                metrics));
        trained.put(child + "@" + at.key(), result);
        listener.rungEvaluated(g, child, rung, rungs.count(), result);
        return result;
    }

    /** The rung's results in earlier generations, at the budget it has now. */
    private List<Candidate> history(int g, int rung) {
        String key = budget(rung).key();
        List<Candidate> history = new ArrayList<>();
        for (RungEvaluated e : LedgerEvents.of(ledger.entries(EventType.RUNG), RungEvaluated.class)) {
            if (e.generation() < g && e.rung() == rung && e.budget().equals(key)) {
                Optional<Metrics> m = e.measured();
                history.add(new Candidate(e.variant(), m.map(x -> Fitness.measured(x.perplexity(), x.mfu()))
                        .orElseGet(() -> Fitness.failed(failure(e.status())))));
            }
        }
        return history;
    }

    /** The failure a rung event names; any that is not a status name of this darwin is a runtime error. */
    private static EvaluationStatus failure(String status) {
        return Arrays.stream(EvaluationStatus.values()).filter(s -> !s.measured() && s.name().equals(status)).findFirst()
                .orElse(EvaluationStatus.RUNTIME_ERROR);
    }
}
