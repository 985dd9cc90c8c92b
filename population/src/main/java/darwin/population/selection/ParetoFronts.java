package darwin.population.selection;

import io.jenetics.ext.moea.Pareto;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Non-dominated sorting and crowding distance (Deb, Pratap, Agarwal and Meyarivan, "A Fast and
 * Elitist Multiobjective Genetic Algorithm: NSGA-II", IEEE TEC 6(2), 2002), by Jenetics.
 *
 * <p>Fronts: {@link Pareto#rank(io.jenetics.util.BaseSeq, java.util.Comparator)}, Deb's fast
 * non-dominated sort, over the candidates' {@link Fitness} with {@link Fitness#dominance} as the
 * dominance relation. Jenetics' other overload wants every element to be a {@link Vec}, and a
 * failure has no objectives to make one of; through the relation, every failure is dominated by
 * every working candidate and by no failure, so the failures make one front of their own after
 * the last front of working candidates (or front 0 when nothing works).
 *
 * <p>Crowding: {@link Pareto#crowdingDistance(io.jenetics.util.BaseSeq)} over the
 * {@linkplain Fitness#objectives() objective vectors} of each front of working candidates,
 * separately: for each objective, the gap between a candidate's two neighbours divided by the
 * front's range, summed; the candidates at either end of an objective's range, and every
 * candidate of a front of one or two, are infinitely far. The front of failures has no objectives
 * and gets 0 throughout.
 *
 * <p>Jenetics' {@code NSGA2Selector} and {@code Engine} are not used: they select Jenetics
 * phenotypes, which a variant is not, and they know neither elites nor owners.
 */
public final class ParetoFronts {

    private ParetoFronts() {}

    /**
     * The front and crowding distance of each candidate.
     *
     * @param candidates the candidates, one per variant
     * @return one standing per candidate, in the candidates' order
     */
    public static List<Standing.InFront> rank(List<Candidate> candidates) {
        Objects.requireNonNull(candidates, "candidates");
        int[] fronts = Pareto.rank(ISeq.of(candidates.stream().map(Candidate::fitness).toList()), Fitness::dominance);
        double[] crowding = new double[candidates.size()];
        int count = candidates.isEmpty() ? 0 : max(fronts) + 1;
        for (int front = 0; front < count; front++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < fronts.length; i++) {
                if (fronts[i] == front) {
                    members.add(i);
                }
            }
            if (!candidates.get(members.getFirst()).fitness().works()) {
                continue; // the front of failures: 0 throughout
            }
            ISeq<Vec<double[]>> points = ISeq.of(members.stream()
                    .map(i -> candidates.get(i).fitness().objectives()).toList());
            double[] distances = Pareto.crowdingDistance(points);
            for (int k = 0; k < members.size(); k++) {
                crowding[members.get(k)] = distances[k];
            }
        }
        List<Standing.InFront> standings = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            standings.add(new Standing.InFront(candidate.variant(), candidate.fitness(), fronts[i], crowding[i]));
        }
        return List.copyOf(standings);
    }

    private static int max(int[] values) {
        int max = 0;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
