package darwin.population.selection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/** Survival selection for any strategy, by the rules that {@link Survivors} states. */
final class Survival {

    private Survival() {}

    static Survivors select(Selector selector, List<Member> members, List<Member> offspring, int size,
            RandomGenerator random) {
        Objects.requireNonNull(selector, "selector");
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
        List<String> elites = selector.order(workingParents, random).stream()
                .limit(selector.elites()).map(Standing::variant).toList();

        boolean anyWorks = pool.stream().anyMatch(candidate -> candidate.fitness().works());
        List<Candidate> eligible = pool.stream().filter(candidate -> !anyWorks || candidate.fitness().works()).toList();
        Set<String> chosen = new HashSet<>(elites);
        List<Standing> selected = new ArrayList<>();
        for (Standing standing : selector.order(eligible, random)) {
            if (chosen.contains(standing.variant())) {
                selected.add(standing);
            } else if (chosen.size() < size) {
                chosen.add(standing.variant());
                selected.add(standing);
            }
        }
        return new Survivors(Ownership.assign(current, children, selected), selected, elites);
    }
}
