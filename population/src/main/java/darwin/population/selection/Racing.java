package darwin.population.selection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Which variants to measure again before a selection, so that a close call is decided by more
 * replicates and not by one draw of the noise (racing, as in Maron and Moore's Hoeffding races).
 *
 * <p>The rule: select twice with the same tie-breaking seed, once comparing the means alone
 * (margin 0, same noise) and once at the significance's margin. Every variant that wins a place in
 * one selection and not in the other is contested: the means say it should change the survivors
 * (an offspring that would enter, the incumbent it would push out) and the noise says it is not
 * yet told apart. Those among them measured fewer than {@code cap} times are to be measured again,
 * unless the cap could not settle their contest: a variant is measured again only when, with
 * {@code cap} replicates each and the means as they are, it would be separated from one of its
 * rivals on the other side ({@link Significance#separableAt}). The others are as decided as they
 * will get: a difference far below the noise, such as the speed measured for two copies of one
 * program, costs no replicates. Both sides of a contest are named, so that the
 * entrant and the incumbent it would displace both gain replicates. Failures are never contested
 * (they stand the same in both selections) and are never measured again.
 *
 * <p>The caller evaluates each named variant once more with a fresh seed, rebuilds its
 * {@link Fitness} with every replicate ({@link Fitness#of(java.util.List)}) and the
 * {@link Significance} with the new residuals, and asks again, until the answer is empty: then it
 * selects at the margin. Each round adds a replicate to at least one variant below the cap, so the
 * loop ends, after at most {@code cap} rounds per contested variant.
 *
 * <p>Deterministic: one number drawn from the caller's generator seeds both selections; the same
 * inputs and generator state give the same answer, in the order of the variant ids.
 *
 * @param selector the strategy that will select
 * @param cap the most replicates a variant is measured to, at least 1 (1 never races)
 */
public record Racing(Selector selector, int cap) {

    public Racing {
        Objects.requireNonNull(selector, "selector");
        if (cap < 1) {
            throw new IllegalArgumentException("a cap on replicates is at least 1, got " + cap);
        }
    }

    /**
     * The variants to measure again now, sorted by id; empty when the selection at the margin is
     * the selection of the means, or when every contested variant has {@code cap} replicates.
     *
     * @param members the current members, as for {@link Selector#select}
     * @param offspring the generation's offspring, with their fitness so far
     * @param size the number of places
     * @param significance the run's noise and margin
     * @param random the run's one source of randomness; one number is drawn from it
     * @throws IllegalArgumentException when the inputs break {@link Selector#select}'s rules
     */
    public List<String> contested(List<Member> members, List<Member> offspring, int size, Significance significance,
            RandomGenerator random) {
        Objects.requireNonNull(significance, "significance");
        long seed = Objects.requireNonNull(random, "random").nextLong();
        Set<String> byMeans = places(members, offspring, size, significance.withMargin(0), seed);
        Set<String> byMargin = places(members, offspring, size, significance, seed);
        Map<String, Fitness> fitness = new HashMap<>();
        Stream.concat(members.stream(), offspring.stream()).forEach(m -> fitness.put(m.variant(), m.fitness()));
        Set<String> entrants = new TreeSet<>(byMeans);
        entrants.removeAll(byMargin);
        Set<String> held = new TreeSet<>(byMargin);
        held.removeAll(byMeans);
        Set<String> contested = new TreeSet<>(entrants);
        contested.addAll(held);
        return contested.stream()
                .filter(variant -> fitness.get(variant).works() && fitness.get(variant).count() < cap)
                .filter(variant -> worthMeasuring(fitness.get(variant), entrants.contains(variant) ? held : entrants,
                        fitness, significance))
                .toList();
    }

    /**
     * Whether the cap could settle a contest of this variant: whether it would be separated, at
     * {@code cap} replicates each and the means as they are, from one of its rivals on the other side
     * of the contest (the incumbents an entrant would push out, the entrants that would push an
     * incumbent out). With no rival (not expected: both selections fill the same places) it is
     * measured again, as before.
     */
    private boolean worthMeasuring(Fitness candidate, Set<String> rivals, Map<String, Fitness> fitness,
            Significance significance) {
        return rivals.isEmpty()
                || rivals.stream().anyMatch(rival -> significance.separableAt(candidate, fitness.get(rival), cap));
    }

    private Set<String> places(List<Member> members, List<Member> offspring, int size, Significance significance,
            long seed) {
        Set<String> places = new HashSet<>();
        selector.select(members, offspring, size, significance, new SplittableRandom(seed)).selected()
                .forEach(standing -> places.add(standing.variant()));
        return places;
    }
}
