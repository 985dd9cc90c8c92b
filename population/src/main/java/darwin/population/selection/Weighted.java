package darwin.population.selection;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The weighted alternative to {@link Nsga2}: candidates in order of their {@link WeightedScore},
 * lowest first; failures, which score positive infinity, last.
 *
 * @param score the score
 * @param elites how many of the best current members survive unchanged
 */
public record Weighted(WeightedScore score, int elites) implements Selector {

    public Weighted {
        Objects.requireNonNull(score, "score");
        if (elites < 0) {
            throw new IllegalArgumentException("the number of elites is not negative, got " + elites);
        }
    }

    @Override
    public List<Standing> order(Collection<Candidate> candidates, RandomGenerator random) {
        return Candidates.shuffled(candidates, random).stream()
                .map(candidate -> new Standing.Scored(candidate.variant(), candidate.fitness(),
                        score.score(candidate.fitness())))
                .sorted(Comparator.comparingDouble(Standing.Scored::score))
                .map(Standing.class::cast)
                .toList();
    }
}
