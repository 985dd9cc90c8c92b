package darwin.population.selection;

import static darwin.population.selection.Fixtures.failed;
import static darwin.population.selection.Fixtures.fit;
import static darwin.population.selection.Fixtures.id;
import static darwin.population.selection.Fixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;

import darwin.core.stats.Noise;
import darwin.core.stats.Sample;
import io.jenetics.ext.moea.Pareto;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Selection with noise: incumbents win what the noise cannot decide, and {@code NONE} is the old selection. */
class SelectorSignificanceTest {

    /** 1% noise on both log figures, known as well as it can be: the threshold is the margin. */
    private static final Significance MARGIN_2 = new Significance(new Noise(0.01, Integer.MAX_VALUE),
            new Noise(0.01, Integer.MAX_VALUE), 2);

    private static final List<Selector> SELECTORS = List.of(new Nsga2(0),
            new Weighted(WeightedScore.relativeTo(fit(10, 0.2)), 0));

    /** A working variant measured {@code n} times, every time at this loss and an MFU of 0.2. */
    private static Fitness measured(double loss, int n) {
        double[] losses = new double[n];
        double[] mfus = new double[n];
        Arrays.fill(losses, loss);
        Arrays.fill(mfus, Math.log(0.2));
        return Fitness.ofLogs(Sample.of(losses), Sample.of(mfus));
    }

    private static List<String> selected(Survivors survivors) {
        return survivors.selected().stream().map(Standing::variant).toList();
    }

    @Test
    void aChildWithinTheMarginNeverDisplacesItsParentWhateverTheSeed() {
        List<Member> parent = List.of(member("A", 1, measured(2.30, 1)));
        List<Member> child = List.of(member("A", 2, measured(2.29, 1)));
        for (Selector selector : SELECTORS) {
            for (int seed = 0; seed < 50; seed++) {
                assertEquals(List.of(id(1)), selected(selector.select(parent, child, 1, MARGIN_2, new SplittableRandom(seed))),
                        selector + " at margin 2");
                assertEquals(List.of(id(2)), selected(selector.select(parent, child, 1, new SplittableRandom(seed))),
                        selector + " on the means");
            }
        }
    }

    @Test
    void anExactTieGoesToTheIncumbentWhateverTheSeed() {
        for (Selector selector : SELECTORS) {
            for (int seed = 0; seed < 50; seed++) {
                // the child's id sorts first, so that the shuffle alone would favour it half the time
                List<Member> parent = List.of(member("A", 7, fit(10, 0.2)));
                List<Member> child = List.of(member("A", 3, fit(10, 0.2)));
                assertEquals(List.of(id(7)), selected(selector.select(parent, child, 1, new SplittableRandom(seed))),
                        selector.toString());
            }
        }
    }

    @Test
    void anOffspringTheNoiseCannotTellFromTheIncumbentHoldsBackNoOtherOffspring() {
        // 3 rests on one replicate and cannot be told from 1; 4 rests on sixteen and can
        List<Member> members = List.of(member("A", 1, measured(2.300, 4)));
        List<Member> offspring = List.of(member("A", 3, measured(2.285, 1)), member("A", 4, measured(2.287, 16)));
        Survivors survivors = new Nsga2(0).select(members, offspring, 1, MARGIN_2, new SplittableRandom(1));
        assertEquals(List.of(id(4)), selected(survivors));
        List<Standing> base = new Nsga2(0).order(List.of(members.getFirst().candidate(),
                offspring.get(0).candidate(), offspring.get(1).candidate()), MARGIN_2, new SplittableRandom(1));
        assertEquals(List.of(id(3), id(4), id(1)), base.stream().map(Standing::variant).toList(),
                "the strategy's own order puts 3 first: lower mean, same front");
        assertEquals(List.of(id(4), id(1), id(3)), Survival.incumbentsFirst(base, Set.of(id(1)),
                MARGIN_2::separated).stream().map(Standing::variant).toList());
    }

    @Test
    void anOffspringPassesNoIncumbentItCannotBeToldFromWhereverThatIncumbentStands() {
        // h and i are current members; the strategy ranks o first: it is separated from h (a
        // trade-off, significant both ways) but not from i, which stands behind h
        Fitness h = Fitness.ofLogs(Sample.of(2.20, 2.20, 2.20, 2.20), Sample.of(-2.3, -2.3, -2.3, -2.3));
        Fitness i = measured(2.300, 4);
        Fitness o = measured(2.301, 4);
        List<Standing> order = List.of(new Standing.InFront(id(3), o, 0, Double.POSITIVE_INFINITY),
                new Standing.InFront(id(1), h, 0, Double.POSITIVE_INFINITY),
                new Standing.InFront(id(2), i, 0, 1.0));
        assertEquals(List.of(id(1), id(2), id(3)), Survival.incumbentsFirst(order, Set.of(id(1), id(2)),
                MARGIN_2::separated).stream().map(Standing::variant).toList(),
                "with two places, o would otherwise push out i, from which the noise cannot tell it");
    }

    @Test
    void theSelectionDoesNotDependOnTheOrderTheCallerListsTheCandidatesIn() {
        for (int seed = 0; seed < 100; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Member> members = new ArrayList<>();
            List<Member> offspring = new ArrayList<>();
            int agents = 2 + random.nextInt(5);
            for (int agent = 0; agent < agents; agent++) {
                int variant = random.nextInt(agents);
                members.add(member("agent-" + agent, variant, replicated(variant)));
                int child = 100 + random.nextInt(2 * agents);
                offspring.add(member("agent-" + agent, child, replicated(child)));
            }
            int size = 1 + random.nextInt(agents);
            List<Member> shuffledMembers = new ArrayList<>(members);
            List<Member> shuffledOffspring = new ArrayList<>(offspring);
            Collections.shuffle(shuffledMembers, new java.util.Random(seed));
            Collections.shuffle(shuffledOffspring, new java.util.Random(seed + 1));
            for (Selector selector : SELECTORS) {
                assertEquals(selected(selector.select(members, offspring, size, MARGIN_2, new SplittableRandom(seed))),
                        selected(selector.select(shuffledMembers, shuffledOffspring, size, MARGIN_2,
                                new SplittableRandom(seed))), selector + ", seed " + seed);
            }
        }
    }

    /** A fitness that depends on the variant only: one to three replicates near each other, every seventh fails. */
    private static Fitness replicated(int variant) {
        if (variant % 7 == 6) {
            return failed();
        }
        int n = 1 + variant % 3;
        double[] losses = new double[n];
        double[] mfus = new double[n];
        for (int i = 0; i < n; i++) {
            losses[i] = 2.3 + 0.01 * ((variant * 31 + i * 7) % 5);
            mfus[i] = Math.log(0.2) + 0.01 * ((variant * 17 + i * 3) % 5);
        }
        return Fitness.ofLogs(Sample.of(losses), Sample.of(mfus));
    }

    // ---- NONE against the selection as it was before replicates, recomputed from the raw figures

    /** The raw figures of a fixture's variants, as the old {@code Fitness} held them. */
    private record Raw(double perplexity, double mfu) {
        double[] maximised() {
            return new double[] {-perplexity, mfu};
        }
    }

    /** The old NSGA-II order: fronts by Pareto dominance of the raw figures, crowding between them. */
    private static List<String> oldNsga2(List<Candidate> candidates, Map<String, Raw> raw, RandomGenerator random) {
        List<Candidate> shuffled = Candidates.shuffled(candidates, random);
        Comparator<Candidate> dominance = (a, b) -> a.fitness().works() && b.fitness().works()
                ? Pareto.dominance(raw.get(a.variant()).maximised(), raw.get(b.variant()).maximised())
                : Boolean.compare(a.fitness().works(), b.fitness().works());
        int[] fronts = Pareto.rank(ISeq.of(shuffled), dominance);
        double[] crowding = new double[shuffled.size()];
        for (int front = 0; front < shuffled.size(); front++) {
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < fronts.length; i++) {
                if (fronts[i] == front && shuffled.get(i).fitness().works()) {
                    in.add(i);
                }
            }
            if (in.isEmpty()) {
                continue;
            }
            double[] distances = Pareto.crowdingDistance(ISeq.of(in.stream()
                    .map(i -> Vec.of(raw.get(shuffled.get(i).variant()).maximised())).toList()));
            for (int k = 0; k < in.size(); k++) {
                crowding[in.get(k)] = distances[k];
            }
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            indices.add(i);
        }
        indices.sort(Comparator.comparingInt((Integer i) -> fronts[i])
                .thenComparing(Comparator.comparingDouble((Integer i) -> crowding[i]).reversed())
                .thenComparingDouble(i -> shuffled.get(i).fitness().works()
                        ? raw.get(shuffled.get(i).variant()).perplexity() : Double.POSITIVE_INFINITY));
        return indices.stream().map(i -> shuffled.get(i).variant()).toList();
    }

    /** The old weighted order: the score of the raw figures, relative to the seed's (10, 0.2). */
    private static List<String> oldWeighted(List<Candidate> candidates, Map<String, Raw> raw, RandomGenerator random) {
        return Candidates.shuffled(candidates, random).stream()
                .sorted(Comparator.comparingDouble(c -> c.fitness().works()
                        ? raw.get(c.variant()).perplexity() / 10 - raw.get(c.variant()).mfu() / 0.2
                        : Double.POSITIVE_INFINITY))
                .map(Candidate::variant).toList();
    }

    @Test
    void noneOrdersAsBeforeReplicates() {
        // the fixtures of SelectorTest and ParetoFrontsTest, and random ones on a coarse grid full of ties
        List<Map<String, Raw>> fixtures = new ArrayList<>();
        fixtures.add(rawOf(10, 0.10, 11, 0.20, 13, 0.25, 14, 0.40, 20, 0.50, 5, 0.60, 6, 0.70));
        fixtures.add(rawOf(10, 0.30, 12, 0.40, 15, 0.50, 12, 0.30, 16, 0.45, 13, 0.20, -1, 0, -1, 0));
        fixtures.add(rawOf(10, 0.10, 20, 0.05, 9, 0.20, 8, 0.30));
        fixtures.add(rawOf(9, 0.2, 10, 0.3, -1, 0, 12, 0.5));
        fixtures.add(rawOf(10, 0.1, 10, 0.1, -1, 0, -1, 0, 9, 0.3));
        SplittableRandom grid = new SplittableRandom(11);
        for (int f = 0; f < 100; f++) {
            int n = 1 + grid.nextInt(8);
            double[] figures = new double[2 * n];
            for (int i = 0; i < n; i++) {
                figures[2 * i] = grid.nextInt(6) == 0 ? -1 : 9 + grid.nextInt(5);
                figures[2 * i + 1] = 0.1 * (1 + grid.nextInt(4));
            }
            fixtures.add(rawOf(figures));
        }
        for (Map<String, Raw> raw : fixtures) {
            List<Candidate> candidates = raw.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new Candidate(e.getKey(), e.getValue().perplexity() < 0 ? failed()
                            : fit(e.getValue().perplexity(), e.getValue().mfu())))
                    .toList();
            for (int seed = 0; seed < 5; seed++) {
                assertEquals(oldNsga2(candidates, raw, new SplittableRandom(seed)), new Nsga2(0)
                        .order(candidates, Significance.NONE, new SplittableRandom(seed)).stream()
                        .map(Standing::variant).toList(), raw.toString());
                assertEquals(oldWeighted(candidates, raw, new SplittableRandom(seed)), SELECTORS.get(1)
                        .order(candidates, Significance.NONE, new SplittableRandom(seed)).stream()
                        .map(Standing::variant).toList(), raw.toString());
            }
        }
    }

    @Test
    void noneSelectsAsBeforeReplicatesWhereNoOffspringTiesAnIncumbent() {
        for (int seed = 0; seed < 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Member> members = new ArrayList<>();
            List<Member> offspring = new ArrayList<>();
            Map<String, Raw> raw = new HashMap<>();
            int agents = 2 + random.nextInt(5);
            for (int agent = 0; agent < agents; agent++) {
                int variant = random.nextInt(agents);
                members.add(member("agent-" + agent, variant, rawFitness(variant, raw)));
                int child = 100 + random.nextInt(2 * agents);
                offspring.add(member("agent-" + agent, child, rawFitness(child, raw)));
            }
            int size = 1 + random.nextInt(agents);
            int elites = random.nextInt(size + 1);
            Nsga2 nsga2 = new Nsga2(elites);
            // the old Survival: elites among the working members, then the old order over the pool
            RandomGenerator old = new SplittableRandom(seed);
            List<Candidate> working = Candidates.distinct(members).stream().filter(c -> c.fitness().works()).toList();
            List<String> places = new ArrayList<>(oldNsga2(working, raw, old).stream().limit(elites).toList());
            List<Candidate> pool = Candidates.distinct(Stream.concat(members.stream(), offspring.stream()).toList());
            boolean anyWorks = pool.stream().anyMatch(c -> c.fitness().works());
            List<Candidate> eligible = pool.stream().filter(c -> !anyWorks || c.fitness().works()).toList();
            Set<String> chosen = new HashSet<>(places);
            List<String> expected = new ArrayList<>();
            for (String variant : oldNsga2(eligible, raw, old)) {
                if (chosen.contains(variant) || chosen.size() < size) {
                    chosen.add(variant);
                    expected.add(variant);
                }
            }
            assertEquals(expected, selected(nsga2.select(members, offspring, size, Significance.NONE,
                    new SplittableRandom(seed))), "seed " + seed);
        }
    }

    /** Distinct figures for every variant (no offspring ties an incumbent), a fifth of them failures. */
    private static Fitness rawFitness(int variant, Map<String, Raw> raw) {
        if (variant % 5 == 4) {
            raw.put(id(variant), new Raw(-1, 0));
            return failed();
        }
        Raw figures = new Raw(10 + variant * 0.37 % 3.1, 0.05 + variant * 0.013 % 0.4);
        raw.put(id(variant), figures);
        return fit(figures.perplexity(), figures.mfu());
    }

    /** Raw figures for variants 1, 2, …: pairs of perplexity and MFU, a negative perplexity for a failure. */
    private static Map<String, Raw> rawOf(double... figures) {
        Map<String, Raw> raw = new HashMap<>();
        for (int i = 0; i < figures.length / 2; i++) {
            raw.put(id(i + 1), new Raw(figures[2 * i], figures[2 * i + 1]));
        }
        return raw;
    }
}
