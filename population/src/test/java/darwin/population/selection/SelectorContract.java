package darwin.population.selection;

import static darwin.population.selection.Fixtures.failed;
import static darwin.population.selection.Fixtures.fit;
import static darwin.population.selection.Fixtures.id;
import static darwin.population.selection.Fixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.stats.Noise;
import darwin.core.stats.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Selector} must do: every strategy's test extends this and says how to make
 * the strategy with a number of elites ({@link Nsga2Test}, {@link WeightedTest}).
 *
 * <p>The contract: selection fills the population's places, with working variants while there are
 * enough, and every agent owns one selected variant; the best current members survive as elites
 * with their owners; a failed variant never takes a place, or a rank, ahead of a working one; the
 * same candidates and seed give the same outcome however they are listed; and an offspring no
 * better than its parent by more than the noise never displaces it, while one better beyond the
 * noise does. Each property runs over {@value #GENERATIONS} generations drawn from fixed seeds,
 * with and without a significance.
 */
abstract class SelectorContract {

    static final int GENERATIONS = 200;

    /** 1% noise on both log figures, known as well as it can be: the threshold is the margin. */
    static final Significance MARGIN_2 = new Significance(new Noise(0.01, Integer.MAX_VALUE),
            new Noise(0.01, Integer.MAX_VALUE), 2);

    /** The strategy under test, with {@code elites} elites. */
    protected abstract Selector selector(int elites);

    /** A generation drawn at random: members (some sharing a variant), offspring, places and elites. */
    private record Drawn(List<Member> members, List<Member> offspring, int size, int elites, Significance significance,
            long seed) {

        static Drawn of(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Member> members = new ArrayList<>();
            List<Member> offspring = new ArrayList<>();
            int agents = 1 + random.nextInt(6);
            for (int agent = 0; agent < agents; agent++) {
                int variant = random.nextInt(agents);
                members.add(member("agent-" + agent, variant, fitnessOf(variant)));
                if (random.nextInt(4) > 0) {
                    int child = 100 + random.nextInt(2 * agents);
                    offspring.add(member("agent-" + agent, child, fitnessOf(child)));
                }
            }
            int size = 1 + random.nextInt(agents);
            return new Drawn(members, offspring, size, random.nextInt(size + 1),
                    random.nextBoolean() ? Significance.NONE : MARGIN_2, seed);
        }

        Survivors select(Selector selector) {
            return selector.select(members, offspring, size, significance, new SplittableRandom(~seed));
        }

        List<Candidate> candidates() {
            return Candidates.distinct(Stream.concat(members.stream(), offspring.stream()).toList());
        }

        /** The seed it was drawn from, which is all a failure message needs to replay it. */
        @Override
        public String toString() {
            return "the generation drawn from seed " + seed;
        }
    }

    /** A fitness that depends on the variant only, from three replicates: every fifth fails. */
    static Fitness fitnessOf(int variant) {
        if (variant % 5 == 4) {
            return failed();
        }
        double loss = 2.0 + (variant * 7919 % 13) / 100.0;
        double logMfu = Math.log(0.05 + (variant * 104729 % 11) / 40.0);
        return Fitness.ofLogs(Sample.of(loss - 0.01, loss, loss + 0.01), Sample.of(logMfu - 0.01, logMfu, logMfu + 0.01));
    }

    private static List<String> variants(List<Standing> standings) {
        return standings.stream().map(Standing::variant).toList();
    }

    @Test
    void selectionFillsThePlacesWithWorkingVariantsWhileThereAreEnough() {
        for (long seed = 0; seed < GENERATIONS; seed++) {
            Drawn drawn = Drawn.of(seed);
            Survivors survivors = drawn.select(selector(drawn.elites()));
            List<Candidate> candidates = drawn.candidates();
            long working = candidates.stream().filter(c -> c.fitness().works()).count();
            long expected = working > 0 ? Math.min(drawn.size(), working) : Math.min(drawn.size(), candidates.size());
            assertEquals(expected, survivors.selected().size(), "places filled, " + drawn);
            assertEquals(drawn.members().stream().map(Member::agent).toList(),
                    survivors.members().stream().map(Member::agent).toList(), "every agent owns one variant, " + drawn);
            Set<String> owned = new HashSet<>();
            survivors.members().forEach(m -> owned.add(m.variant()));
            assertEquals(Set.copyOf(variants(survivors.selected())), owned, "every selected variant has an owner, " + drawn);
        }
    }

    @Test
    void theBestCurrentMembersSurviveAsElitesWithTheirOwners() {
        for (long seed = 0; seed < GENERATIONS; seed++) {
            Drawn drawn = Drawn.of(seed);
            Survivors survivors = drawn.select(selector(drawn.elites()));
            List<Candidate> workingMembers = Candidates.distinct(drawn.members()).stream()
                    .filter(c -> c.fitness().works()).toList();
            assertEquals(Math.min(drawn.elites(), workingMembers.size()), survivors.elites().size(), drawn.toString());
            assertTrue(variants(survivors.selected()).containsAll(survivors.elites()), "an elite has a place, " + drawn);
            for (String elite : survivors.elites()) {
                Member firstOwner = drawn.members().stream().filter(m -> m.variant().equals(elite)).findFirst().orElseThrow();
                assertTrue(firstOwner.fitness().works(), "an elite works, " + drawn);
                assertEquals(elite, survivors.variantOf(firstOwner.agent()).orElseThrow(), "an elite keeps its owner, " + drawn);
            }
        }
        // offspring that dominate every member crowd out all but the elite
        List<Member> members = List.of(member("A", 1, fit(10, 0.10)), member("B", 2, fit(20, 0.05)));
        List<Member> offspring = List.of(member("A", 3, fit(8, 0.30)), member("B", 4, fit(9, 0.20)));
        Survivors survivors = selector(1).select(members, offspring, 2, new SplittableRandom(1));
        assertEquals(List.of(id(1)), survivors.elites(), "the better member is the elite");
        assertEquals(id(1), survivors.variantOf("A").orElseThrow());
        assertEquals(Set.of(id(1), id(3)), Set.copyOf(variants(survivors.selected())));
    }

    @Test
    void aFailedVariantTakesNoPlaceAndNoRankAheadOfAWorkingOne() {
        for (long seed = 0; seed < GENERATIONS; seed++) {
            Drawn drawn = Drawn.of(seed);
            Selector selector = selector(drawn.elites());
            List<Candidate> candidates = drawn.candidates();
            if (candidates.stream().anyMatch(c -> c.fitness().works())) {
                Survivors survivors = drawn.select(selector);
                assertTrue(survivors.selected().stream().allMatch(s -> s.fitness().works()), "no failure selected, " + drawn);
            }
            List<Standing> order = selector.order(candidates, drawn.significance(), new SplittableRandom(seed));
            int firstFailure = order.size();
            for (int i = 0; i < order.size(); i++) {
                if (!order.get(i).fitness().works()) {
                    firstFailure = Math.min(firstFailure, i);
                } else {
                    assertTrue(i < firstFailure, "a working variant ranked after a failure, " + order);
                }
            }
        }
    }

    @Test
    void theSameCandidatesAndSeedGiveTheSameOutcomeHoweverTheyAreListed() {
        for (long seed = 0; seed < GENERATIONS; seed++) {
            Drawn drawn = Drawn.of(seed);
            Selector selector = selector(drawn.elites());
            List<Member> members = new ArrayList<>(drawn.members());
            List<Member> offspring = new ArrayList<>(drawn.offspring());
            Collections.shuffle(members, new Random(seed));
            Collections.shuffle(offspring, new Random(seed + 1));
            Drawn relisted = new Drawn(members, offspring, drawn.size(), drawn.elites(), drawn.significance(), seed);

            Survivors survivors = drawn.select(selector);
            assertEquals(survivors, drawn.select(selector), "the same seed, " + drawn);
            assertEquals(variants(survivors.selected()), variants(relisted.select(selector).selected()),
                    "listed in another order, " + drawn);
            List<Candidate> candidates = drawn.candidates();
            List<Standing> order = selector.order(candidates, drawn.significance(), new SplittableRandom(seed));
            assertEquals(order, selector.order(candidates.reversed(), drawn.significance(), new SplittableRandom(seed)));
            assertEquals(Set.copyOf(candidates.stream().map(Candidate::variant).toList()), Set.copyOf(variants(order)));
            assertEquals(candidates.size(), order.size(), "every candidate ranked once");
        }
    }

    @Test
    void aCandidateTwiceIsRefused() {
        Candidate twice = Fixtures.candidate(1, fit(10, 0.1));
        assertThrows(IllegalArgumentException.class, () -> selector(0).order(List.of(twice, twice), new SplittableRandom(1)));
    }

    @Test
    void aDominatedChildNeverDisplacesItsParentWhateverTheSeedAndTheNoise() {
        Fitness parent = fit(10, 0.2);
        for (Fitness child : List.of(fit(10.5, 0.19), fit(10.5, 0.2), fit(10, 0.19), fit(30, 0.01))) {
            for (Significance significance : List.of(Significance.NONE, MARGIN_2)) {
                for (int seed = 0; seed < 50; seed++) {
                    Survivors survivors = selector(0).select(List.of(member("A", 7, parent)),
                            List.of(member("A", 3, child)), 1, significance, new SplittableRandom(seed));
                    assertEquals(List.of(id(7)), variants(survivors.selected()), child + " at " + significance);
                }
            }
        }
    }

    @Test
    void aChildBetterWithinTheNoiseKeepsItsParentAndOneBetterBeyondItDisplacesIt() {
        Fitness parent = replicated(2.30, 4);
        Fitness withinNoise = replicated(2.29, 1);
        Fitness beyondNoise = replicated(2.20, 4);
        for (int seed = 0; seed < 50; seed++) {
            List<Member> members = List.of(member("A", 1, parent));
            assertEquals(List.of(id(1)), variants(selector(0).select(members, List.of(member("A", 2, withinNoise)), 1,
                    MARGIN_2, new SplittableRandom(seed)).selected()), "within the margin");
            assertEquals(List.of(id(2)), variants(selector(0).select(members, List.of(member("A", 2, withinNoise)), 1,
                    new SplittableRandom(seed)).selected()), "on the means, the lower loss wins");
            assertEquals(List.of(id(2)), variants(selector(0).select(members, List.of(member("A", 2, beyondNoise)), 1,
                    MARGIN_2, new SplittableRandom(seed)).selected()), "beyond the margin");
        }
    }

    @Test
    void separationIsSymmetricAndAlwaysTellsAFailureFromAWorkingVariant() {
        Selector selector = selector(0);
        List<Fitness> fitnesses = new ArrayList<>();
        for (int variant = 0; variant < 20; variant++) {
            fitnesses.add(fitnessOf(variant));
        }
        for (Significance significance : List.of(Significance.NONE, MARGIN_2)) {
            for (Fitness a : fitnesses) {
                for (Fitness b : fitnesses) {
                    assertEquals(selector.separated(a, b, significance), selector.separated(b, a, significance));
                    if (a.works() != b.works()) {
                        assertTrue(selector.separated(a, b, significance), "a failure and a working variant");
                    } else if (!a.works()) {
                        assertFalse(selector.separated(a, b, significance), "two failures");
                    }
                }
            }
            assertFalse(selector.separated(fit(10, 0.2), fit(10, 0.2), significance), "an exact tie");
        }
    }

    /** A working variant measured {@code n} times, every time at this loss and an MFU of 0.2. */
    private static Fitness replicated(double loss, int n) {
        double[] losses = new double[n];
        double[] mfus = new double[n];
        Arrays.fill(losses, loss);
        Arrays.fill(mfus, Math.log(0.2));
        return Fitness.ofLogs(Sample.of(losses), Sample.of(mfus));
    }
}
