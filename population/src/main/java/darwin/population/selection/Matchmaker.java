package darwin.population.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Decides who mutates whom in a generation: for each offspring slot a target variant among the
 * current members, and a mutating agent that does not own it.
 *
 * <p>Target: a binary tournament. Two distinct variants of the current members are drawn
 * uniformly (each variant once, however many agents share it, so that a variant's chances follow
 * its fitness and not its number of owners), and the one the {@link Selector} orders first wins:
 * for NSGA-II the lower front, then the larger crowding distance; for the weighted strategy the
 * lower score. With one distinct variant, that one.
 *
 * <p>Mutator: uniform among the agents that do not own the target; when every agent owns it (all
 * share one variant), uniform among all agents.
 *
 * <p>Randomness: the members are ordered once per call, then each slot draws two numbers for the
 * tournament (none with one variant) and one for the mutator, all from the generator given, so
 * the same members, slots and seed give the same pairings.
 *
 * @param selector the strategy whose order decides the tournaments
 */
public record Matchmaker(Selector selector) {

    public Matchmaker {
        Objects.requireNonNull(selector, "selector");
    }

    /** {@link #pair(List, int, Significance, RandomGenerator)} on the means: {@link Significance#NONE}. */
    public List<Pairing> pair(List<Member> members, int slots, RandomGenerator random) {
        return pair(members, slots, Significance.NONE, random);
    }

    /**
     * The pairings of a generation.
     *
     * @param members the current members: each agent once, with the variant it owns
     * @param slots the number of offspring to propose, not negative
     * @param significance when a difference counts in the selector's order (for NSGA-II, which
     *        variants share a front and win tournaments by crowding alone)
     * @param random the run's one source of randomness
     * @return one pairing per slot, in slot order
     */
    public List<Pairing> pair(List<Member> members, int slots, Significance significance, RandomGenerator random) {
        Objects.requireNonNull(significance, "significance");
        Objects.requireNonNull(random, "random");
        if (slots < 0) {
            throw new IllegalArgumentException("the number of slots is not negative, got " + slots);
        }
        Set<String> agents = new LinkedHashSet<>();
        Map<String, List<String>> owners = new HashMap<>();
        for (Member member : members) {
            if (!agents.add(member.agent())) {
                throw new IllegalArgumentException("agent " + member.agent() + " is a member twice");
            }
            owners.computeIfAbsent(member.variant(), variant -> new ArrayList<>()).add(member.agent());
        }
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("pairing needs at least one member");
        }
        List<String> order = selector.order(Candidates.distinct(members), significance, random).stream()
                .map(Standing::variant).toList();
        List<Pairing> pairings = new ArrayList<>(slots);
        for (int slot = 0; slot < slots; slot++) {
            String target = order.get(tournament(order.size(), random));
            List<String> targetOwners = owners.get(target);
            List<String> others = agents.stream().filter(agent -> !targetOwners.contains(agent)).toList();
            List<String> eligible = others.isEmpty() ? List.copyOf(agents) : others;
            String mutator = eligible.get(random.nextInt(eligible.size()));
            pairings.add(new Pairing(mutator, target, targetOwners.getFirst()));
        }
        return List.copyOf(pairings);
    }

    /** The winner of a binary tournament among positions 0..n-1: the lower of two distinct draws. */
    private static int tournament(int n, RandomGenerator random) {
        if (n == 1) {
            return 0;
        }
        int first = random.nextInt(n);
        int second = random.nextInt(n - 1);
        if (second >= first) {
            second++;
        }
        return Math.min(first, second);
    }
}
