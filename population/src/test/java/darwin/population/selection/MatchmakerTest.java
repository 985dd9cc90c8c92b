package darwin.population.selection;

import static darwin.population.selection.Fixtures.failed;
import static darwin.population.selection.Fixtures.fit;
import static darwin.population.selection.Fixtures.id;
import static darwin.population.selection.Fixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatchmakerTest {

    private static final Matchmaker NSGA2 = new Matchmaker(Selector.standard());

    /** Four agents; B and C share variant 2; variant 4 is dominated by all others; D's failed. */
    private static final List<Member> MEMBERS = List.of(
            member("A", 1, fit(10, 0.2)),
            member("B", 2, fit(9, 0.1)),
            member("C", 2, fit(9, 0.1)),
            member("D", 3, failed()));

    @Test
    void neverPairsAnAgentWithItsOwnVariantWhenAnotherChoiceExists() {
        for (int seed = 0; seed < 50; seed++) {
            for (Pairing pairing : NSGA2.pair(MEMBERS, 8, new SplittableRandom(seed))) {
                Set<String> owners = new HashSet<>();
                MEMBERS.stream().filter(member -> member.variant().equals(pairing.target()))
                        .forEach(member -> owners.add(member.agent()));
                assertFalse(owners.contains(pairing.mutator()), pairing.toString());
                assertTrue(owners.contains(pairing.owner()), pairing.toString());
            }
        }
    }

    @Test
    void theOwnerOfASharedTargetIsItsFirstOwner() {
        for (int seed = 0; seed < 20; seed++) {
            NSGA2.pair(MEMBERS, 8, new SplittableRandom(seed)).stream()
                    .filter(pairing -> pairing.target().equals(id(2)))
                    .forEach(pairing -> assertEquals("B", pairing.owner()));
        }
    }

    @Test
    void whenEveryAgentOwnsTheTargetAnyAgentMayMutateIt() {
        List<Member> everyone = List.of(member("A", 1, fit(10, 0.2)), member("B", 1, fit(10, 0.2)),
                member("C", 1, fit(10, 0.2)));
        List<Pairing> pairings = NSGA2.pair(everyone, 30, new SplittableRandom(1));
        assertEquals(30, pairings.size());
        pairings.forEach(pairing -> {
            assertEquals(id(1), pairing.target());
            assertEquals("A", pairing.owner());
        });
        assertEquals(Set.of("A", "B", "C"), Set.copyOf(pairings.stream().map(Pairing::mutator).toList()));
    }

    @Test
    void theTournamentFavoursTheFitter() {
        // three fronts of one: 1 dominates 2 dominates 3; a binary tournament never picks the last
        List<Member> members = List.of(member("A", 1, fit(8, 0.3)), member("B", 2, fit(9, 0.2)),
                member("C", 3, fit(10, 0.1)));
        Map<String, Integer> wins = new HashMap<>();
        NSGA2.pair(members, 3000, new SplittableRandom(5))
                .forEach(pairing -> wins.merge(pairing.target(), 1, Integer::sum));
        assertEquals(null, wins.get(id(3)), "the worst never wins a binary tournament");
        assertTrue(wins.get(id(1)) > 1800 && wins.get(id(1)) < 2200, "the best wins two draws in three: " + wins);
    }

    @Test
    void theSameSeedGivesTheSamePairingsAndAnotherSeedOthers() {
        List<Pairing> first = NSGA2.pair(MEMBERS, 12, new SplittableRandom(42));
        assertEquals(first, NSGA2.pair(MEMBERS, 12, new SplittableRandom(42)));
        assertNotEquals(first, NSGA2.pair(MEMBERS, 12, new SplittableRandom(43)));
        Matchmaker weighted = new Matchmaker(new Weighted(WeightedScore.relativeTo(fit(10, 0.2)), 1));
        assertEquals(weighted.pair(MEMBERS, 12, new SplittableRandom(42)),
                weighted.pair(MEMBERS, 12, new SplittableRandom(42)));
    }

    @Test
    void refusesInputsThatBreakTheRules() {
        assertThrows(IllegalArgumentException.class, () -> NSGA2.pair(List.of(), 1, new SplittableRandom(0)));
        assertThrows(IllegalArgumentException.class, () -> NSGA2.pair(MEMBERS, -1, new SplittableRandom(0)));
        assertThrows(IllegalArgumentException.class, () -> NSGA2.pair(
                List.of(member("A", 1, fit(10, 0.2)), member("A", 2, fit(10, 0.2))), 1, new SplittableRandom(0)));
        assertEquals(List.of(), NSGA2.pair(MEMBERS, 0, new SplittableRandom(0)));
    }
}
