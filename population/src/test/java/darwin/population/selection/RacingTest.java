package darwin.population.selection;

import static darwin.population.selection.Fixtures.failed;
import static darwin.population.selection.Fixtures.id;
import static darwin.population.selection.Fixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import darwin.core.stats.Noise;
import darwin.core.stats.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RacingTest {

    /** 1% noise on both log figures, known as well as it can be: the threshold is the margin. */
    private static final Significance MARGIN_2 = new Significance(new Noise(0.01, Integer.MAX_VALUE),
            new Noise(0.01, Integer.MAX_VALUE), 2);

    /** A working variant measured {@code n} times, every time at this loss and an MFU of 0.2. */
    private static Fitness measured(double loss, int n) {
        double[] losses = new double[n];
        double[] mfus = new double[n];
        Arrays.fill(losses, loss);
        Arrays.fill(mfus, Math.log(0.2));
        return Fitness.ofLogs(Sample.of(losses), Sample.of(mfus));
    }

    private static List<String> contested(int cap, Fitness parent, Fitness child) {
        return new Racing(new Nsga2(0), cap).contested(List.of(member("A", 1, parent)), List.of(member("A", 2, child)),
                1, MARGIN_2, new SplittableRandom(9));
    }

    @Test
    void nothingIsMeasuredAgainWhenTheOutcomeIsDecided() {
        // one replicate each: a standard error of the difference of 0.0141, a threshold of 0.0283
        assertEquals(List.of(), contested(4, measured(2.30, 1), measured(2.25, 1)), "the child is far better");
        assertEquals(List.of(), contested(4, measured(2.30, 1), measured(2.35, 1)), "the child is far worse");
        assertEquals(List.of(), contested(4, measured(2.30, 1), measured(2.31, 1)),
                "the child is a little worse: the means and the margin both keep the parent");
    }

    @Test
    void theEntrantAndTheIncumbentItWouldDisplaceAreMeasuredAgainWhenNotYetSeparated() {
        List<String> pair = List.of(id(1), id(2));
        assertEquals(pair, contested(4, measured(2.30, 1), measured(2.28, 1)),
                "a little better: the means take the child, the margin keeps the parent");
        assertEquals(pair, contested(4, measured(2.30, 3), measured(2.285, 2)));
    }

    @Test
    void theCapStopsTheRace() {
        assertEquals(List.of(id(2)), contested(4, measured(2.30, 4), measured(2.28, 1)), "the parent is at the cap");
        assertEquals(List.of(id(1)), contested(4, measured(2.30, 1), measured(2.28, 4)), "the child is at the cap");
        assertEquals(List.of(), contested(4, measured(2.30, 4), measured(2.295, 4)), "both are");
        assertEquals(List.of(), contested(1, measured(2.30, 1), measured(2.29, 1)), "a cap of 1 never races");
    }

    @Test
    void aDifferenceTheCapCouldNotSettleIsNotMeasuredAgain() {
        // 1 and 0.5 standard deviations: four replicates each would leave them 1.4 and 0.7 standard
        // errors apart, below the margin of 2; nine would separate the first
        assertEquals(List.of(), contested(4, measured(2.30, 1), measured(2.29, 1)));
        assertEquals(List.of(), contested(4, measured(2.30, 1), measured(2.295, 1)));
        assertEquals(List.of(id(1), id(2)), contested(9, measured(2.30, 1), measured(2.29, 1)));
        assertEquals(List.of(), contested(9, measured(2.30, 1), measured(2.295, 1)));
    }

    @Test
    void raisingTheCountsSettlesARealDifference() {
        // 0.01 better: 0.71 standard errors with one replicate each, 2.1 with nine
        assertEquals(List.of(id(1), id(2)), contested(9, measured(2.30, 1), measured(2.29, 1)));
        assertEquals(List.of(), contested(9, measured(2.30, 9), measured(2.29, 9)));
    }

    @Test
    void failuresAreNeverMeasuredAgain() {
        assertEquals(List.of(), contested(4, measured(2.30, 1), failed()));
        assertEquals(List.of(), contested(4, failed(), measured(2.30, 1)));
    }

    @Test
    void theAnswerDependsOnlyOnTheInputsAndTheGenerator() {
        // three places: 2 is far better than everyone, 1 far better than 3 and 4; 4 is a little
        // better than 3 and takes the third place on the means alone, not at the margin
        List<Member> members = List.of(member("A", 1, measured(2.30, 1)), member("B", 3, measured(2.40, 2)),
                member("C", 5, measured(2.60, 1)));
        List<Member> offspring = List.of(member("B", 2, measured(2.20, 1)), member("A", 4, measured(2.385, 1)));
        Racing racing = new Racing(new Nsga2(0), 4);
        List<String> once = racing.contested(members, offspring, 3, MARGIN_2, new SplittableRandom(3));
        assertEquals(once, racing.contested(members.reversed(), offspring.reversed(), 3, MARGIN_2,
                new SplittableRandom(3)));
        assertEquals(List.of(id(3), id(4)), once);
    }

    @Test
    void refusesABadCap() {
        assertThrows(IllegalArgumentException.class, () -> new Racing(new Nsga2(0), 0));
        assertThrows(NullPointerException.class, () -> new Racing(null, 3));
    }
}
