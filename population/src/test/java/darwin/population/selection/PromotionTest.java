package darwin.population.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import darwin.core.EvaluationStatus;
import darwin.core.stats.Noise;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Promotion within a rung: by rank, about one in eta, with ties at the cut judged by the noise. */
class PromotionTest {

    private static final double SIGMA = 0.01;
    private static final Significance NOISY = new Significance(new Noise(SIGMA, 20), new Noise(0.05, 20), 2.0);

    private static String id(int i) {
        return Fixtures.id(i + 1);
    }

    private static Candidate at(int i, double loss) {
        return new Candidate(id(i), Fitness.measured(Math.exp(loss), 0.3));
    }

    @Test
    void aboutOneInEtaIsPromotedWhenTheDifferencesAreFarAboveTheNoise() {
        List<Candidate> entrants = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            entrants.add(at(i, 2.0 + 0.1 * ((i * 4) % 9))); // losses 2.0 … 2.8 in a shuffled order
        }
        assertEquals(List.of(id(0), id(5), id(7)), List.copyOf(new Promotion(3, NOISY).promoted(List.of(), entrants)),
                "the three lowest losses, in the entrants' order");
    }

    @Test
    void aChildWithinTheNoiseOfTheCutIsTiedAndPromoted() {
        // the cut is the third best (2.02); 2.03 is one sigma behind it, 2.2 twenty
        List<Candidate> entrants = List.of(at(0, 2.0), at(1, 2.01), at(2, 2.02), at(3, 2.03), at(4, 2.2), at(5, 2.3),
                at(6, 2.4), at(7, 2.5), at(8, 2.6));
        assertEquals(List.of(id(0), id(1), id(2), id(3)), List.copyOf(new Promotion(3, NOISY).promoted(List.of(), entrants)));
        assertEquals(List.of(id(0), id(1), id(2)),
                List.copyOf(new Promotion(3, NOISY.withMargin(0)).promoted(List.of(), entrants)), "margin 0 ties nothing");
    }

    @Test
    void withTheNoiseUnknownTiesAreStrictRatherThanEveryonePromoted() {
        Significance unknown = new Significance(Noise.UNKNOWN, Noise.UNKNOWN, 2.0);
        List<Candidate> entrants = List.of(at(0, 2.0), at(1, 2.01), at(2, 2.02), at(3, 2.03), at(4, 2.04), at(5, 2.05));
        assertEquals(List.of(id(0), id(1)), List.copyOf(new Promotion(3, unknown).promoted(List.of(), entrants)));
    }

    @Test
    void earlierGenerationsRaiseTheBarAndFailuresNeverGoOn() {
        List<Candidate> history = List.of(at(10, 1.5), at(11, 1.6), at(12, 1.7), at(13, 2.9), at(14, 3.0), at(15, 3.1));
        List<Candidate> entrants = List.of(at(0, 1.55), at(1, 2.0), new Candidate(id(2), Fitness.failed(
                EvaluationStatus.TIMEOUT)));
        // a pool of 9: the cut is the third best, 1.6
        assertEquals(List.of(id(0)), List.copyOf(new Promotion(3, NOISY).promoted(history, entrants)));
        assertEquals(List.of(), List.copyOf(new Promotion(3, NOISY).promoted(List.of(),
                List.of(new Candidate(id(2), Fitness.failed(EvaluationStatus.COMPILE_ERROR))))));
    }

    @Test
    void withNoiseAloneBetweenThemAboutOneInEtaOrItsTiesGoOnAndTheBestIsKept() {
        // 27 children of equal true loss plus one really better: the better one always goes on
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            List<Candidate> entrants = new ArrayList<>();
            entrants.add(at(0, 1.9 + SIGMA * random.nextGaussian()));
            for (int i = 1; i < 27; i++) {
                entrants.add(at(i, 2.0 + SIGMA * random.nextGaussian()));
            }
            var promoted = new Promotion(3, NOISY).promoted(List.of(), entrants);
            assertEquals(id(0), promoted.getFirst(), "trial " + trial);
        }
    }

    @Test
    void aReductionFactorBelowTwoIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Promotion(1, NOISY));
    }
}
