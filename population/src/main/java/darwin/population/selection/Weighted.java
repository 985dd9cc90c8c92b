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
 * <p>With noise, the order is still that of the scores of the means (the best estimate there is);
 * two candidates are {@linkplain #separated separated} when their scores differ by more than the
 * margin ({@link WeightedScore#below}), which is what lets an offspring pass a current member in
 * survival.
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
    public List<Standing> order(Collection<Candidate> candidates, Significance significance, RandomGenerator random) {
        Objects.requireNonNull(significance, "significance");
        return Candidates.shuffled(candidates, random).stream()
                .map(candidate -> new Standing.Scored(candidate.variant(), candidate.fitness(),
                        score.score(candidate.fitness())))
                .sorted(Comparator.comparingDouble(Standing.Scored::score))
                .map(Standing.class::cast)
                .toList();
    }

    @Override
    public boolean separated(Fitness a, Fitness b, Significance significance) {
        return score.below(a, b, significance) || score.below(b, a, significance);
    }
}
