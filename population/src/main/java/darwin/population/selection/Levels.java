package darwin.population.selection;

import io.jenetics.ext.moea.Vec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A front's objectives as the noise resolves them, for crowding distances under a significance
 * with a margin: on each objective, a candidate's <em>level</em> is the number of significant
 * steps below it in the front. The front is sorted by the objective's mean, worst first, and the
 * level goes up by one wherever a candidate is significantly better than the one before it.
 * Candidates the noise cannot tell apart on an objective share a level (or stand one step apart
 * when a chain of small differences adds up), so the crowding distance reads no difference within
 * the noise. The speed objective, a wall-clock measurement, scatters from run to run. Crowding on
 * its means let two runs with the same seed and the same held-out losses part; on levels, copies of
 * one program are as crowded as each other whatever their speeds measured.
 */
final class Levels {

    private Levels() {}

    /**
     * The level vectors of a front of working candidates, in its order, both to be maximised:
     * the held-out loss's level (lower loss, higher level) and the MFU's.
     */
    static List<Vec<double[]>> of(List<Fitness> front, Significance significance) {
        double[] loss = levels(front, fitness -> -fitness.loss().mean(), significance::lowerLoss);
        double[] mfu = levels(front, fitness -> fitness.logMfu().mean(), significance::higherMfu);
        List<Vec<double[]>> points = new ArrayList<>(front.size());
        for (int i = 0; i < front.size(); i++) {
            points.add(Vec.of(loss[i], mfu[i]));
        }
        return List.copyOf(points);
    }

    /**
     * Each candidate's level on one objective.
     *
     * @param value the objective's mean, larger is better
     * @param better whether the first is significantly better than the second on it
     */
    private static double[] levels(List<Fitness> front, ToDoubleFunction<Fitness> value,
            BiPredicate<Fitness, Fitness> better) {
        int[] order = IntStream.range(0, front.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> value.applyAsDouble(front.get(i))))
                .mapToInt(Integer::intValue).toArray();
        double[] levels = new double[front.size()];
        int level = 0;
        for (int k = 1; k < order.length; k++) {
            if (better.test(front.get(order[k]), front.get(order[k - 1]))) {
                level++;
            }
            levels[order[k]] = level;
        }
        return levels;
    }
}
