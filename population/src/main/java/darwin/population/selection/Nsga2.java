package darwin.population.selection;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * NSGA-II: candidates in order of their Pareto front, and within a front of their crowding
 * distance, largest first (Deb's crowded-comparison operator); {@link ParetoFronts} computes
 * both. Surviving by this order is NSGA-II's survival: whole fronts while they fit, then the
 * least crowded candidates of the front that does not.
 *
 * <p>With noise, the fronts are those of {@linkplain Significance#dominance significant
 * dominance}: a candidate lands behind another only when it is significantly worse on one
 * objective and not significantly better on the other. Crowding distances are between the means
 * as far as the noise resolves them ({@link Levels}): copies of one program whose speeds scatter
 * within the noise are equally crowded.
 * Two candidates are {@linkplain #separated separated} when one objective differs significantly.
 *
 * @param elites how many of the best current members survive unchanged
 */
public record Nsga2(int elites) implements Selector {

    /** The number of elites of {@link Selector#standard()}. */
    public static final int DEFAULT_ELITES = 1;

    /** The crowded-comparison order: lower front first, then larger crowding distance first. */
    public static final Comparator<Standing.InFront> CROWDED_COMPARISON = Comparator
            .comparingInt(Standing.InFront::front)
            .thenComparing(Comparator.comparingDouble(Standing.InFront::crowding).reversed())
            // among equally crowded points (both ends of a front are infinitely so), the lower
            // perplexity first: it is the objective the run is judged by
            .thenComparingDouble(s -> s.fitness().works() ? s.fitness().perplexity() : Double.POSITIVE_INFINITY);

    public Nsga2 {
        if (elites < 0) {
            throw new IllegalArgumentException("the number of elites is not negative, got " + elites);
        }
    }

    @Override
    public List<Standing> order(Collection<Candidate> candidates, Significance significance, RandomGenerator random) {
        List<Standing.InFront> standings = ParetoFronts.rank(Candidates.shuffled(candidates, random), significance);
        return standings.stream().sorted(CROWDED_COMPARISON).map(Standing.class::cast).toList();
    }

    @Override
    public boolean separated(Fitness a, Fitness b, Significance significance) {
        return significance.separated(a, b);
    }
}
