package darwin.population.selection;

import static darwin.population.selection.Fixtures.failed;
import static darwin.population.selection.Fixtures.fit;
import static darwin.population.selection.Fixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenerationTest {

    @Test
    void theFrontHoldsEveryOwnerOfANonDominatedVariant() {
        Member a = member("A", 1, fit(10, 0.2));
        Member b = member("B", 2, fit(12, 0.4));
        Member c = member("C", 2, fit(12, 0.4));
        Member d = member("D", 3, fit(12, 0.2));
        Member e = member("E", 4, failed());
        Generation generation = new Generation(List.of(a, b, c, d, e));
        assertEquals(List.of(a, b, c), generation.paretoFront());
    }

    @Test
    void theBestIsTheLowestPerplexityAmongWorkingMembersThenTheHighestMfu() {
        Member a = member("A", 1, fit(10, 0.2));
        Member b = member("B", 2, fit(10, 0.3));
        Member c = member("C", 3, fit(11, 0.9));
        assertEquals(Optional.of(b), new Generation(List.of(member("F", 4, failed()), a, b, c)).best());
    }

    @Test
    void withNothingWorkingThereIsNoFrontAndNoBest() {
        Generation generation = new Generation(List.of(member("A", 1, failed())));
        assertEquals(List.of(), generation.paretoFront());
        assertEquals(Optional.empty(), generation.best());
    }
}
