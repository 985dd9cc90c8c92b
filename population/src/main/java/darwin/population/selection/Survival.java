package darwin.population.selection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/** Survival selection for any strategy, by the rules that {@link Survivors} states. */
final class Survival {

    private Survival() {}

    static Survivors select(Selector selector, List<Member> members, List<Member> offspring, int size,
            Significance significance, RandomGenerator random) {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(significance, "significance");
        Objects.requireNonNull(random, "random");
        List<Member> current = List.copyOf(members);
        List<Member> children = List.copyOf(offspring);
        Set<String> agents = new LinkedHashSet<>();
        for (Member member : current) {
            if (!agents.add(member.agent())) {
                throw new IllegalArgumentException("agent " + member.agent() + " is a current member twice");
            }
        }
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("a population has at least one member");
        }
        for (Member child : children) {
            if (!agents.contains(child.agent())) {
                throw new IllegalArgumentException("offspring " + child.variant() + " was proposed by "
                        + child.agent() + ", who is not a member");
            }
        }
        if (size < 1 || size > agents.size()) {
            throw new IllegalArgumentException("the population size is between 1 and the number of agents ("
                    + agents.size() + "), got " + size);
        }
        if (selector.elites() > size) {
            throw new IllegalArgumentException(selector.elites() + " elites do not fit in " + size + " places");
        }

        List<Candidate> pool = Candidates.distinct(Stream.concat(current.stream(), children.stream()).toList());
        List<Candidate> workingParents = Candidates.distinct(current).stream()
                .filter(candidate -> candidate.fitness().works()).toList();
        List<String> elites = selector.order(workingParents, significance, random).stream()
                .limit(selector.elites()).map(Standing::variant).toList();

        boolean anyWorks = pool.stream().anyMatch(candidate -> candidate.fitness().works());
        List<Candidate> eligible = pool.stream().filter(candidate -> !anyWorks || candidate.fitness().works()).toList();
        Set<String> chosen = new HashSet<>(elites);
        List<Standing> selected = new ArrayList<>();
        Set<String> incumbents = new HashSet<>();
        current.forEach(member -> incumbents.add(member.variant()));
        List<Standing> order = incumbentsFirst(selector.order(eligible, significance, random), incumbents,
                (a, b) -> selector.separated(a, b, significance));
        for (Standing standing : order) {
            if (chosen.contains(standing.variant())) {
                selected.add(standing);
            } else if (chosen.size() < size) {
                chosen.add(standing.variant());
                selected.add(standing);
            }
        }
        return new Survivors(Ownership.assign(current, children, selected), selected, elites);
    }

    /**
     * The strategy's order with current members ahead of the offspring they are not separated
     * from. Step by step, the next candidate is the first remaining one, in the strategy's order,
     * that is a current member or an offspring separated from the best remaining current member:
     * an offspring passes the incumbent it would push down only by more than the margin, and an
     * incumbent that stands behind another one holds nobody back. The best remaining incumbent is
     * always eligible, so every step places someone; among current members, and among offspring,
     * the strategy's order stands.
     */
    static List<Standing> incumbentsFirst(List<Standing> order, Set<String> incumbents,
            BiPredicate<Fitness, Fitness> separated) {
        List<Standing> remaining = new ArrayList<>(order);
        List<Standing> result = new ArrayList<>(order.size());
        while (!remaining.isEmpty()) {
            Standing head = remaining.stream().filter(s -> incumbents.contains(s.variant())).findFirst().orElse(null);
            Standing next = remaining.stream()
                    .filter(s -> head == null || incumbents.contains(s.variant())
                            || separated.test(s.fitness(), head.fitness()))
                    .findFirst().orElseThrow();
            remaining.remove(next);
            result.add(next);
        }
        return List.copyOf(result);
    }
}
