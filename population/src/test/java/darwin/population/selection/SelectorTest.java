package darwin.population.selection;

import static darwin.population.selection.Fixtures.failed;
import static darwin.population.selection.Fixtures.fit;
import static darwin.population.selection.Fixtures.id;
import static darwin.population.selection.Fixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SelectorTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(7);

    private static List<String> variants(List<Standing> standings) {
        return standings.stream().map(Standing::variant).toList();
    }

    private static Map<String, String> owners(Survivors survivors) {
        return survivors.members().stream().collect(Collectors.toMap(Member::agent, Member::variant));
    }

    private static List<String> ids(int... numbers) {
        List<String> ids = new ArrayList<>();
        for (int n : numbers) {
            ids.add(id(n));
        }
        return ids;
    }

    @Test
    void nsga2SurvivalKeepsWholeFrontsThenTheLeastCrowdedOfTheLastFront() {
        // parents: one front of five; crowding ∞, 0.675, 0.8, 1.325, ∞
        List<Member> parents = List.of(
                member("A1", 1, fit(10, 0.10)),
                member("A2", 2, fit(11, 0.20)),
                member("A3", 3, fit(13, 0.25)),
                member("A4", 4, fit(14, 0.40)),
                member("A5", 5, fit(20, 0.50)));
        // offspring that dominate every parent: front 0
        List<Member> offspring = List.of(member("A2", 11, fit(5, 0.60)), member("A3", 12, fit(6, 0.70)));
        Survivors survivors = new Nsga2(0).select(parents, offspring, 5, RANDOM);

        List<String> selected = variants(survivors.selected());
        assertEquals(Set.copyOf(ids(11, 12)), Set.copyOf(selected.subList(0, 2)), "the whole first front");
        assertEquals(Set.copyOf(ids(1, 5)), Set.copyOf(selected.subList(2, 4)), "the ends of the last front");
        assertEquals(id(4), selected.get(4), "then its largest crowding distance");
        assertEquals(List.of(), survivors.elites());
        assertEquals(Map.of("A1", id(1), "A2", id(11), "A3", id(12), "A4", id(4), "A5", id(5)), owners(survivors),
                "survivors keep their owners; the others take the offspring they proposed");
    }

    @Test
    void elitesSurviveWithTheirOwners() {
        List<Member> parents = List.of(member("A", 1, fit(10, 0.10)), member("B", 2, fit(20, 0.05)));
        List<Member> offspring = List.of(member("B", 3, fit(9, 0.20)), member("A", 4, fit(8, 0.30)));

        Survivors plain = new Nsga2(0).select(parents, offspring, 2, RANDOM);
        assertEquals(ids(4, 3), variants(plain.selected()), "without elites the offspring crowd out every parent");
        assertEquals(Map.of("A", id(4), "B", id(3)), owners(plain));

        Survivors elitist = new Nsga2(1).select(parents, offspring, 2, RANDOM);
        assertEquals(ids(1), elitist.elites());
        assertEquals(Set.copyOf(ids(1, 4)), Set.copyOf(variants(elitist.selected())));
        assertEquals(Map.of("A", id(1), "B", id(4)), owners(elitist),
                "the elite keeps its owner; B, whose offspring lost, inherits the ownerless one");
    }

    @Test
    void ownershipGoesToHoldersThenProposersThenHeirs() {
        List<Member> parents = List.of(
                member("A", 1, fit(10, 0.5)),
                member("B", 1, fit(10, 0.5)),   // B shares A's variant
                member("C", 2, fit(12, 0.3)));  // dominated by 1
        List<Member> offspring = List.of(
                member("C", 3, fit(9, 0.4)),
                member("A", 4, fit(11, 0.6)),
                member("A", 5, fit(13, 0.2)));  // dominated
        Survivors survivors = new Nsga2(1).select(parents, offspring, 3, RANDOM);

        assertEquals(Set.copyOf(ids(1, 3, 4)), Set.copyOf(variants(survivors.selected())));
        assertEquals(Map.of("A", id(1), "C", id(3), "B", id(4)), owners(survivors),
                "A holds 1; C takes its own offspring; B leaves the shared 1 for the ownerless 4");
        everyAgentOwnsOneSelectedVariantAndEverySelectedVariantHasAnOwner(parents, survivors);
    }

    @Test
    void agentsShareWhenThereAreFewerWorkingVariantsThanAgents() {
        List<Member> parents = List.of(
                member("A", 1, fit(10, 0.2)), member("B", 1, fit(10, 0.2)), member("C", 1, fit(10, 0.2)));
        List<Member> offspring = List.of(
                member("A", 2, fit(9, 0.3)), member("B", 3, failed()), member("C", 4, failed()));
        Survivors survivors = new Nsga2(1).select(parents, offspring, 3, RANDOM);

        assertEquals(Set.copyOf(ids(1, 2)), Set.copyOf(variants(survivors.selected())),
                "failures take no place while a variant works");
        assertEquals(Map.of("A", id(1), "B", id(2), "C", id(1)), owners(survivors));
        assertEquals(List.of("A", "C"), survivors.owners(id(1)));
    }

    @Test
    void whenNothingWorksFailuresFillThePlaces() {
        List<Member> parents = List.of(member("A", 1, failed()), member("B", 2, failed()));
        List<Member> offspring = List.of(member("A", 3, failed()));
        Survivors survivors = new Nsga2(1).select(parents, offspring, 2, RANDOM);
        assertEquals(2, survivors.selected().size());
        assertEquals(List.of(), survivors.elites(), "a failure is never an elite");
        everyAgentOwnsOneSelectedVariantAndEverySelectedVariantHasAnOwner(parents, survivors);
    }

    @Test
    void everyAgentOwnsOneVariantAfterAnySelection() {
        for (int seed = 0; seed < 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Member> parents = new ArrayList<>();
            List<Member> offspring = new ArrayList<>();
            int agents = 2 + random.nextInt(5);
            for (int agent = 0; agent < agents; agent++) {
                int variant = random.nextInt(agents);  // some agents share
                parents.add(member("agent-" + agent, variant, fitnessOf(variant)));
                int child = 100 + random.nextInt(2 * agents);
                offspring.add(member("agent-" + agent, child, fitnessOf(child)));
            }
            int size = 1 + random.nextInt(agents);
            int elites = random.nextInt(size + 1);
            Selector selector = random.nextBoolean() ? new Nsga2(elites)
                    : new Weighted(WeightedScore.relativeTo(fit(20, 0.1)), elites);
            Survivors survivors = selector.select(parents, offspring, size, random);
            everyAgentOwnsOneSelectedVariantAndEverySelectedVariantHasAnOwner(parents, survivors);
            assertTrue(survivors.selected().size() <= size);
            for (String elite : survivors.elites()) {
                Member firstOwner = parents.stream().filter(parent -> parent.variant().equals(elite)).findFirst()
                        .orElseThrow();
                assertEquals(elite, survivors.variantOf(firstOwner.agent()).orElseThrow(), "an elite keeps its owner");
            }
        }
    }

    /** A fitness that depends on the variant only: every fifth fails. */
    private static Fitness fitnessOf(int variant) {
        return variant % 5 == 4 ? failed() : fit(10 + (variant * 7919) % 13, 0.05 + (variant * 104729) % 11 / 40.0);
    }

    private static void everyAgentOwnsOneSelectedVariantAndEverySelectedVariantHasAnOwner(List<Member> parents,
            Survivors survivors) {
        assertEquals(parents.stream().map(Member::agent).toList(),
                survivors.members().stream().map(Member::agent).toList());
        Set<String> owned = new HashSet<>();
        survivors.members().forEach(member -> owned.add(member.variant()));
        assertEquals(Set.copyOf(variants(survivors.selected())), owned);
    }

    @Test
    void weightedSelectionOrdersByScore() {
        // relative to the seed (10, 0.2) with both weights 1: u −0.1, v −0.5, w −1.3, x failed
        WeightedScore score = WeightedScore.relativeTo(fit(10, 0.2));
        Weighted weighted = new Weighted(score, 1);
        List<Member> parents = List.of(
                member("A", 1, fit(9, 0.2)),
                member("B", 2, fit(10, 0.3)),
                member("C", 4, failed()));
        List<Member> offspring = List.of(member("C", 3, fit(12, 0.5)));

        List<Standing> order = weighted.order(
                List.of(parents.get(0).candidate(), parents.get(1).candidate(), parents.get(2).candidate(),
                        offspring.get(0).candidate()), RANDOM);
        assertEquals(ids(3, 2, 1, 4), variants(order));
        assertEquals(-1.3, assertInstanceOf(Standing.Scored.class, order.get(0)).score(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, assertInstanceOf(Standing.Scored.class, order.get(3)).score());

        Survivors survivors = weighted.select(parents, offspring, 2, RANDOM);
        assertEquals(ids(2), survivors.elites());
        assertEquals(ids(3, 2), variants(survivors.selected()));
        assertEquals(Map.of("A", id(3), "B", id(2), "C", id(3)), owners(survivors));
    }

    @Test
    void theSameSeedGivesTheSameSelectionAndEqualCrowdingGoesToTheLowerPerplexity() {
        // one front of four variants, whose two ends are infinitely far; one place
        List<Member> parents = List.of(
                member("A", 1, fit(10, 0.1)), member("B", 2, fit(11, 0.2)),
                member("C", 3, fit(12, 0.3)), member("D", 4, fit(13, 0.4)));
        List<Member> offspring = List.of(member("A", 5, failed()), member("B", 6, failed()));
        Set<List<String>> outcomes = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            Survivors once = new Nsga2(0).select(parents, offspring, 1, new SplittableRandom(seed));
            Survivors again = new Nsga2(0).select(parents, offspring, 1, new SplittableRandom(seed));
            assertEquals(once, again);
            outcomes.add(variants(once.selected()));
        }
        assertEquals(Set.of(ids(1)), outcomes, "the two ends tie on crowding; the lower perplexity wins, whatever the seed");
    }

    @Test
    void theOrderDoesNotDependOnHowTheCandidatesAreListed() {
        List<Candidate> candidates = List.of(
                Fixtures.candidate(1, fit(10, 0.1)), Fixtures.candidate(2, fit(10, 0.1)),
                Fixtures.candidate(3, failed()), Fixtures.candidate(4, failed()), Fixtures.candidate(5, fit(9, 0.3)));
        List<Candidate> reversed = candidates.reversed();
        for (Selector selector : List.of(new Nsga2(0), new Weighted(WeightedScore.relativeTo(fit(10, 0.1)), 0))) {
            assertEquals(selector.order(candidates, new SplittableRandom(3)),
                    selector.order(reversed, new SplittableRandom(3)));
        }
    }

    @Test
    void refusesInputsThatBreakTheRules() {
        List<Member> parents = List.of(member("A", 1, fit(10, 0.1)), member("B", 2, fit(11, 0.2)));
        Nsga2 nsga2 = new Nsga2(1);
        assertThrows(IllegalArgumentException.class, () -> nsga2.select(parents, List.of(), 3, RANDOM),
                "more places than agents");
        assertThrows(IllegalArgumentException.class, () -> nsga2.select(parents, List.of(), 0, RANDOM));
        assertThrows(IllegalArgumentException.class, () -> new Nsga2(3).select(parents, List.of(), 2, RANDOM),
                "more elites than places");
        assertThrows(IllegalArgumentException.class,
                () -> nsga2.select(parents, List.of(member("Z", 3, fit(9, 0.1))), 2, RANDOM), "an unknown proposer");
        assertThrows(IllegalArgumentException.class,
                () -> nsga2.select(parents, List.of(member("A", 2, fit(9, 0.1))), 2, RANDOM), "two fitnesses");
        assertThrows(IllegalArgumentException.class,
                () -> nsga2.select(List.of(parents.get(0), member("A", 2, fit(11, 0.2))), List.of(), 1, RANDOM),
                "an agent twice");
        assertThrows(IllegalArgumentException.class, () -> new Nsga2(-1));
    }

    @Test
    void theStandardSelectorIsNsga2WithOneElite() {
        assertEquals(new Nsga2(1), Selector.standard());
    }
}
