package darwin.population.selection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Operations on sets of candidates that every strategy shares. */
final class Candidates {

    private Candidates() {}

    /**
     * The distinct variants of some members, each once, in the order of their first appearance.
     *
     * @throws IllegalArgumentException when one variant appears with two fitnesses
     */
    static List<Candidate> distinct(Collection<Member> members) {
        Map<String, Candidate> byVariant = new LinkedHashMap<>();
        for (Member member : members) {
            Candidate known = byVariant.putIfAbsent(member.variant(), member.candidate());
            if (known != null && !known.fitness().equals(member.fitness())) {
                throw new IllegalArgumentException("variant " + member.variant() + " has two fitnesses: "
                        + known.fitness() + " and " + member.fitness());
            }
        }
        return List.copyOf(byVariant.values());
    }

    /**
     * The candidates in an order that depends only on their variant ids and the generator: sorted
     * by id, then shuffled (Fisher–Yates). A strategy that sorts this list stably breaks its ties
     * by the generator, and not by the order its caller happened to list the candidates in.
     *
     * @throws IllegalArgumentException when a variant appears twice
     */
    static List<Candidate> shuffled(Collection<Candidate> candidates, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        List<Candidate> list = new ArrayList<>(candidates);
        list.sort(Comparator.comparing(Candidate::variant));
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).variant().equals(list.get(i - 1).variant())) {
                throw new IllegalArgumentException("variant " + list.get(i).variant() + " is a candidate twice");
            }
        }
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
        return list;
    }
}
