package darwin.population.selection;

import static darwin.population.selection.Fixtures.candidate;
import static darwin.population.selection.Fixtures.failed;
import static darwin.population.selection.Fixtures.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.stats.Noise;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontsTest {

    @Test
    void sortsAHandMadeSetIntoItsKnownFronts() {
        List<Candidate> candidates = List.of(
                candidate(1, fit(10, 0.30)),  // a: front 0
                candidate(2, fit(12, 0.40)),  // b: front 0
                candidate(3, fit(15, 0.50)),  // c: front 0
                candidate(4, fit(12, 0.30)),  // d: dominated by a and b
                candidate(5, fit(16, 0.45)),  // e: dominated by c only
                candidate(6, fit(13, 0.20)),  // f: dominated by d, which is in front 1
                candidate(7, failed()),       // failures: after every working front
                candidate(8, failed()));
        List<Integer> fronts = ParetoFronts.rank(candidates).stream().map(Standing.InFront::front).toList();
        assertEquals(List.of(0, 0, 0, 1, 1, 2, 3, 3), fronts);
    }

    @Test
    void crowdingDistanceHasItsKnownValuesAndInfiniteEnds() {
        // one front; perplexity spans 10, MFU spans 0.4
        List<Candidate> front = List.of(
                candidate(1, fit(10, 0.10)),
                candidate(2, fit(11, 0.20)),
                candidate(3, fit(13, 0.25)),
                candidate(4, fit(14, 0.40)),
                candidate(5, fit(20, 0.50)));
        List<Standing.InFront> standings = ParetoFronts.rank(front);
        standings.forEach(standing -> assertEquals(0, standing.front()));
        assertEquals(Double.POSITIVE_INFINITY, standings.get(0).crowding());
        assertEquals(3.0 / 10 + 0.15 / 0.4, standings.get(1).crowding(), 1e-12);
        assertEquals(3.0 / 10 + 0.20 / 0.4, standings.get(2).crowding(), 1e-12);
        assertEquals(7.0 / 10 + 0.25 / 0.4, standings.get(3).crowding(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, standings.get(4).crowding());
    }

    @Test
    void underANoiseWithAMarginTheCrowdingDistanceReadsNoDifferenceWithinTheNoise() {
        Significance noisy = new Significance(new Noise(0.01, Integer.MAX_VALUE), new Noise(0.05, Integer.MAX_VALUE), 2);
        // one front of trade-offs, far apart on both objectives; 4 is 2 again, with a speed
        // measured a little higher or a little lower, within its noise
        List<Double> crowdingFaster = crowding(noisy, 1.01);
        List<Double> crowdingSlower = crowding(noisy, 0.99);
        assertEquals(crowdingFaster, crowdingSlower, "the same crowding whichever way the speed scattered");
        assertEquals(List.of(Double.POSITIVE_INFINITY, 1.0, Double.POSITIVE_INFINITY, 1.0), crowdingFaster,
                "2 and 4 share both levels, 1 and 3 are the ends");
        assertTrue(crowding(noisy.withMargin(0), 1.01).get(3) != crowding(noisy.withMargin(0), 0.99).get(3),
                "between the means, the scatter moves the crowding");
    }

    @Test
    void copiesOfOneProgramAreEquallyCrowdedAndNoneIsNotANumber() {
        Significance noisy = new Significance(new Noise(0.01, Integer.MAX_VALUE), new Noise(0.05, Integer.MAX_VALUE), 2);
        List<Standing.InFront> standings = ParetoFronts.rank(List.of(candidate(1, fit(10, 0.30)),
                candidate(2, fit(10, 0.31)), candidate(3, fit(10, 0.29)), candidate(4, fit(10, 0.30))), noisy);
        standings.forEach(standing -> assertEquals(0, standing.front()));
        standings.forEach(standing -> assertTrue(!Double.isNaN(standing.crowding()), standings.toString()));
    }

    private static List<Double> crowding(Significance significance, double speedScatter) {
        return ParetoFronts.rank(List.of(
                candidate(1, fit(10, 0.10)),
                candidate(2, fit(12, 0.20)),
                candidate(3, fit(15, 0.40)),
                candidate(4, fit(12, 0.20 * speedScatter))), significance)
                .stream().map(Standing.InFront::crowding).toList();
    }

    @Test
    void crowdingIsComputedWithinEachFront() {
        List<Standing.InFront> standings = ParetoFronts.rank(List.of(
                candidate(1, fit(10, 0.5)),
                candidate(2, fit(20, 0.1)),
                candidate(3, fit(21, 0.2)),
                candidate(4, failed())));
        assertEquals(List.of(0, 1, 1, 2), standings.stream().map(Standing.InFront::front).toList());
        assertEquals(Double.POSITIVE_INFINITY, standings.get(0).crowding(), "a front of one");
        assertEquals(Double.POSITIVE_INFINITY, standings.get(1).crowding(), "a front of two");
        assertEquals(Double.POSITIVE_INFINITY, standings.get(2).crowding(), "a front of two");
        assertEquals(0, standings.get(3).crowding(), "failures have no objectives to be crowded on");
    }

    @Test
    void failuresRankAfterEveryWorkingVariant() {
        List<Standing.InFront> standings = ParetoFronts.rank(List.of(
                candidate(1, failed()),
                candidate(2, fit(1e6, 0.0)),
                candidate(3, fit(10, 0.5)),
                candidate(4, fit(5e5, 0.0))));
        int failure = standings.get(0).front();
        standings.subList(1, 4).forEach(working -> assertTrue(working.front() < failure, working.toString()));
    }

    @Test
    void withNothingWorkingTheFailuresAreFrontZero() {
        List<Standing.InFront> standings = ParetoFronts.rank(List.of(candidate(1, failed()), candidate(2, failed())));
        assertEquals(List.of(0, 0), standings.stream().map(Standing.InFront::front).toList());
    }

    @Test
    void anEmptySetHasNoFronts() {
        assertEquals(List.of(), ParetoFronts.rank(List.of()));
    }
}
