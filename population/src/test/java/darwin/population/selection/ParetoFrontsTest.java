package darwin.population.selection;

import static darwin.population.selection.Fixtures.candidate;
import static darwin.population.selection.Fixtures.failed;
import static darwin.population.selection.Fixtures.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
