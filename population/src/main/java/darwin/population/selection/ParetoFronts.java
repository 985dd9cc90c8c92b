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
 * non-dominated sort, over the candidates' {@link Fitness} with {@link Significance#dominance} as
 * the dominance relation ({@link Fitness#dominance}, on the means, under {@link Significance#NONE}).
 * The sort compares every pair once and counts each candidate's dominators, so it needs a relation
 * that is antisymmetric and has no cycle, not a transitive one; a candidate on a cycle would never
 * reach a dominator count of 0 and would keep Jenetics' initial rank 0. Significant dominance on
 * two objectives has no cycle (see {@link Significance}), and {@link #rank(List, Significance)}
 * checks the fronts it returns all the same: no candidate is dominated by one of its own front or
 * of a later one. Jenetics' other overload wants every element to be a {@link Vec}, and a
 * failure has no objectives to make one of; through the relation, every failure is dominated by
 * every working candidate and by no failure, so the failures make one front of their own after
 * the last front of working candidates (or front 0 when nothing works).
 *
 * <p>Crowding: {@link Pareto#crowdingDistance(io.jenetics.util.BaseSeq)} over the
 * {@linkplain Fitness#objectives() objective vectors} of each front of working candidates (under a
 * significance with a margin above 0, over their {@link Levels} instead: the means as far as the
 * noise tells them apart), separately: for each objective, the gap between a candidate's two neighbours divided by the
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
        return rank(candidates, Significance.NONE);
    }

    /**
     * The front, by significant dominance, and the crowding distance of each candidate: between
     * the means at margin 0, between the {@link Levels} of the means above it.
     *
     * @param candidates the candidates, one per variant
     * @param significance when one candidate dominates another
     * @return one standing per candidate, in the candidates' order
     * @throws IllegalStateException when the relation had a cycle (which two objectives rule out)
     */
    public static List<Standing.InFront> rank(List<Candidate> candidates, Significance significance) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(significance, "significance");
        int[] fronts = Pareto.rank(ISeq.of(candidates.stream().map(Candidate::fitness).toList()),
                significance::dominance);
        checkFronts(candidates, fronts, significance);
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
            List<Fitness> measured = members.stream().map(i -> candidates.get(i).fitness()).toList();
            ISeq<Vec<double[]>> points = ISeq.of(significance.margin() > 0 ? Levels.of(measured, significance)
                    : measured.stream().map(Fitness::objectives).toList());
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

    private static void checkFronts(List<Candidate> candidates, int[] fronts, Significance significance) {
        for (int i = 0; i < fronts.length; i++) {
            for (int j = 0; j < fronts.length; j++) {
                if (fronts[j] >= fronts[i]
                        && significance.dominates(candidates.get(j).fitness(), candidates.get(i).fitness())) {
                    throw new IllegalStateException("the dominance relation has a cycle: " + candidates.get(j).variant()
                            + " in front " + fronts[j] + " dominates " + candidates.get(i).variant() + " in front "
                            + fronts[i]);
                }
            }
        }
    }

    private static int max(int[] values) {
        int max = 0;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
