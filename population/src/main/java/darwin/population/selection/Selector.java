package darwin.population.selection;

import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A strategy for choosing which variants survive a generation, and which are likeliest to be
 * mutated: {@link Nsga2} (the default) or {@link Weighted}.
 *
 * <p>A strategy is an order over candidates plus a number of elites; {@link #select} turns it into
 * survival and ownership the same way for both (see {@link Survivors} for the rules), and
 * {@link Matchmaker} into binary tournaments. Strategies are immutable values.
 *
 * <p>Noise: every method takes a {@link Significance}, which says when a difference is more than
 * noise. The strategy ranks with it ({@link Nsga2}: significant dominance makes the fronts) and
 * {@linkplain #separated tells candidates apart} with it; in survival, an offspring goes ahead of a
 * current member only when the two are separated (see {@link Survivors}). The overloads without one
 * use {@link Significance#NONE}: every strict difference of the means counts.
 *
 * <p>Randomness: candidates that a strategy cannot tell apart (equal front and crowding, equal
 * score, failures) are ordered by the random generator it is given, the run's one source of
 * randomness, and by nothing else: the same candidates and the same seed give the same order,
 * whatever order the caller listed them in.
 */
public sealed interface Selector permits Nsga2, Weighted {

    /** How many of the best current members survive unchanged, and keep their owners. */
    int elites();

    /**
     * The candidates, best first, ranked with a significance. Every candidate is treated alike:
     * current members come before offspring only in {@link #select}.
     *
     * @param candidates the candidates, one per variant
     * @param significance when a difference counts
     * @param random breaks the ties
     * @return one standing per candidate, best first
     * @throws IllegalArgumentException when a variant is a candidate twice
     */
    List<Standing> order(Collection<Candidate> candidates, Significance significance, RandomGenerator random);

    /** {@link #order(Collection, Significance, RandomGenerator)} on the means: {@link Significance#NONE}. */
    default List<Standing> order(Collection<Candidate> candidates, RandomGenerator random) {
        return order(candidates, Significance.NONE, random);
    }

    /**
     * Whether this strategy tells two fitnesses apart at a significance: for NSGA-II, an objective
     * differs significantly ({@link Significance#separated}); for the weighted strategy, the
     * scores do. Symmetric; a failure and a working variant are always separated, two failures
     * never.
     */
    boolean separated(Fitness a, Fitness b, Significance significance);

    /**
     * Chooses the next population from the current members and a generation's offspring, and who
     * owns what in it.
     *
     * @param members the current members: each agent once, with the variant it owns
     * @param offspring the generation's new variants, each with the agent that proposed it (an
     *        agent of {@code members}); a variant may appear more than once, with the same fitness
     * @param size the number of places, from 1 to the number of agents, at least {@link #elites()}
     * @param significance when a difference counts; an offspring goes ahead of a current member
     *        only when the two are {@linkplain #separated separated}
     * @param random breaks ties
     * @return the variants that won places, and each agent's variant
     * @throws IllegalArgumentException when the inputs break these rules
     */
    default Survivors select(List<Member> members, List<Member> offspring, int size, Significance significance,
            RandomGenerator random) {
        return Survival.select(this, members, offspring, size, significance, random);
    }

    /** {@link #select(List, List, int, Significance, RandomGenerator)} on the means: {@link Significance#NONE}. */
    default Survivors select(List<Member> members, List<Member> offspring, int size, RandomGenerator random) {
        return select(members, offspring, size, Significance.NONE, random);
    }

    /** The default strategy: NSGA-II with {@value Nsga2#DEFAULT_ELITES} elite. */
    static Selector standard() {
        return new Nsga2(Nsga2.DEFAULT_ELITES);
    }
}
