package darwin.population.loop;

import darwin.core.EvaluationResult;
import darwin.population.selection.Fitness;
import darwin.population.selection.Member;
import darwin.population.selection.Racing;
import darwin.population.selection.Significance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * A generation's racing: the candidates whose standing is not separated from the noise and would
 * change the survivors ({@link Racing}) are measured again with fresh seeds, round after round,
 * until none is left, each contested one is at the cap, or the generation's racing budget is spent.
 * When a round names more than the budget has left, the least measured go first (then by id), so
 * that a resume spends it the same way; each round draws from its own seeded stream.
 */
final class Race {

    /** The purpose of round 0's random stream; round r draws from {@code RACING - r} (see {@link EvolutionPlan#seedFor}). */
    static final int RACING = -100;

    private final EvolutionPlan plan;
    private final Replicates replicates;
    private final EvolutionListener listener;

    Race(EvolutionPlan plan, Replicates replicates, EvolutionListener listener) {
        this.plan = plan;
        this.replicates = replicates;
        this.listener = listener;
    }

    /** Races generation {@code g}'s close calls; the new replicates join {@code results}. */
    void run(int g, List<Member> members, List<Member> children, Significance significance,
            Map<String, List<EvaluationResult>> results) throws InterruptedException {
        int budget = plan.replication().raceBudget(children.size());
        int spent = 0;
        List<Member> currentMembers = members;
        List<Member> currentChildren = children;
        for (int round = 0; spent < budget; round++) {
            List<String> contested = new Racing(plan.selector(), plan.replication().cap()).contested(currentMembers,
                    currentChildren, plan.agents(), significance, new SplittableRandom(plan.seedFor(g, RACING - round)))
                    .stream().sorted(Comparator.comparingInt((String variant) -> results.get(variant).size())
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(budget - spent).toList();
            if (contested.isEmpty()) {
                return;
            }
            spent += contested.size();
            List<Callable<Void>> work = new ArrayList<>();
            for (String variant : contested) {
                int count = results.get(variant).size() + 1;
                work.add(() -> {
                    results.put(variant, replicates.first(variant, count));
                    listener.replicated(g, variant, count);
                    return null;
                });
            }
            Parallel.all(g, work);
            currentMembers = refreshed(currentMembers, results);
            currentChildren = refreshed(currentChildren, results);
        }
    }

    /** The members with the fitness of all their variants' replicates so far. */
    private static List<Member> refreshed(List<Member> members, Map<String, List<EvaluationResult>> results) {
        return members.stream().map(m -> new Member(m.agent(), m.variant(), Fitness.of(results.get(m.variant())))).toList();
    }
}
