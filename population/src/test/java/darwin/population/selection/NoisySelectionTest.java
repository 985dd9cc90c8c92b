package darwin.population.selection;

import static darwin.population.selection.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.stats.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Selection against a stub measurement of known truth: each evaluation returns the variant's true
 * log perplexity and log MFU plus Gaussian noise of {@value #SIGMA} on the log scale (about 1%),
 * independently for each figure. One agent, one place, no elite: the parent (the seed, measured
 * {@value #SEED_REPLICATES} times, the noise floor) against one child measured once, then raced
 * up to {@value #CAP} replicates each at margin {@value #MARGIN}. Each case runs 200 seeded trials
 * (the system property {@code trials} sets another number, for the figures in BENCHMARKS.md, "Selection under noise") and
 * prints its rate with a 95% Wilson interval.
 */
class NoisySelectionTest {

    private static final double SIGMA = 0.01;
    private static final int SEED_REPLICATES = 3;
    private static final int CAP = 4;
    private static final double MARGIN = 2;
    private static final int TRIALS = Integer.getInteger("trials", 200);

    private static final double PARENT_LOSS = Math.log(10);
    private static final double PARENT_LOG_MFU = Math.log(0.2);

    private static final Selector NSGA2 = new Nsga2(0);
    private static final Selector WEIGHTED = new Weighted(WeightedScore.relativeTo(Fitness.measured(10, 0.2)), 0);

    /** The outcome of a batch of trials. */
    private record Rate(int wins, int trials, double evaluations) {
        double value() {
            return (double) wins / trials;
        }

        /** Wilson's 95% interval, as {@code [low, high]} in percent. */
        String interval() {
            double z = 1.96;
            double p = value();
            double centre = (p + z * z / (2 * trials)) / (1 + z * z / trials);
            double half = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / (1 + z * z / trials);
            return String.format(Locale.ROOT, "[%.1f%%, %.1f%%]", 100 * (centre - half), 100 * (centre + half));
        }

        String describe(String what) {
            return String.format(Locale.ROOT, "%s: %d/%d = %.1f%% %s, %.2f evaluations of the pair per trial",
                    what, wins, trials, 100 * value(), interval(), evaluations);
        }
    }

    /** A stub measurement: the truth plus Gaussian noise, replicates kept per variant. */
    private static final class Bench {
        private final SplittableRandom noise;
        private final Map<String, double[]> truth = new LinkedHashMap<>();
        private final Map<String, List<double[]>> replicates = new LinkedHashMap<>();
        private int evaluations;

        Bench(long seed) {
            noise = new SplittableRandom(seed);
        }

        void variant(String id, double loss, double logMfu, int times) {
            truth.put(id, new double[] {loss, logMfu});
            replicates.put(id, new ArrayList<>());
            for (int i = 0; i < times; i++) {
                measure(id);
            }
        }

        void measure(String id) {
            double[] t = truth.get(id);
            replicates.get(id).add(new double[] {t[0] + SIGMA * noise.nextGaussian(), t[1] + SIGMA * noise.nextGaussian()});
            evaluations++;
        }

        Fitness fitness(String id) {
            List<double[]> values = replicates.get(id);
            return Fitness.ofLogs(new Sample(values.stream().map(v -> v[0]).toList()),
                    new Sample(values.stream().map(v -> v[1]).toList()));
        }
    }

    /** Whether the child took the parent's place in one trial. */
    private static boolean childWins(Selector selector, double childLoss, long seed, boolean noisy, Bench bench) {
        String parent = id(1);
        String child = id(2);
        bench.variant(parent, PARENT_LOSS, PARENT_LOG_MFU, SEED_REPLICATES);
        bench.variant(child, childLoss, PARENT_LOG_MFU, 1);
        SplittableRandom random = new SplittableRandom(~seed);
        Racing racing = new Racing(selector, CAP);
        while (true) {
            List<Member> members = List.of(new Member("A", parent, bench.fitness(parent)));
            List<Member> offspring = List.of(new Member("A", child, bench.fitness(child)));
            Significance significance = noisy
                    ? Significance.pooled(List.of(members.getFirst().candidate(), offspring.getFirst().candidate()), MARGIN)
                    : Significance.NONE;
            List<String> again = noisy ? racing.contested(members, offspring, 1, significance, random) : List.of();
            if (again.isEmpty()) {
                return selector.select(members, offspring, 1, significance, random).selected().getFirst().variant()
                        .equals(child);
            }
            again.forEach(bench::measure);
        }
    }

    private static Rate rate(Selector selector, double childLoss, boolean noisy) {
        int wins = 0;
        long evaluations = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Bench bench = new Bench(trial);
            if (childWins(selector, childLoss, trial, noisy, bench)) {
                wins++;
            }
            evaluations += bench.evaluations;
        }
        return new Rate(wins, TRIALS, (double) evaluations / TRIALS);
    }

    @Test
    void aChildWorseByOneSigmaRarelyDisplacesABetterParent() {
        for (Selector selector : List.of(NSGA2, WEIGHTED)) {
            String name = selector.getClass().getSimpleName();
            Rate noisy = rate(selector, PARENT_LOSS + SIGMA, true);
            Rate means = rate(selector, PARENT_LOSS + SIGMA, false);
            System.out.println(noisy.describe(name + ", child worse by 1σ displaces the parent, margin " + MARGIN));
            System.out.println(means.describe(name + ", child worse by 1σ displaces the parent, means alone"));
            assertTrue(noisy.value() <= 0.05, noisy.describe(name));
            assertTrue(means.value() > 0.05, "the case tells selection with noise apart from the means alone: "
                    + means.describe(name));
        }
    }

    @Test
    void aChildBetterByFourSigmaWins() {
        for (Selector selector : List.of(NSGA2, WEIGHTED)) {
            String name = selector.getClass().getSimpleName();
            Rate noisy = rate(selector, PARENT_LOSS - 4 * SIGMA, true);
            System.out.println(noisy.describe(name + ", child better by 4σ wins, margin " + MARGIN));
            assertTrue(noisy.value() >= 0.90, noisy.describe(name));
        }
    }
}
