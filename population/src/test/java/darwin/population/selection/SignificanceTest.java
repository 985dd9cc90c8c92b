package darwin.population.selection;

import static darwin.population.selection.Fixtures.candidate;
import static darwin.population.selection.Fixtures.failed;
import static darwin.population.selection.Fixtures.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.stats.Noise;
import darwin.core.stats.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignificanceTest {

    /** A noise of 0.01 on both log figures, known as well as it can be: the threshold is the margin. */
    private static final Noise WELL_KNOWN = new Noise(0.01, Integer.MAX_VALUE);

    /** A working variant measured {@code n} times at exactly these figures (no spread of its own). */
    private static Fitness at(double loss, double logMfu, int n) {
        Double[] losses = new Double[n];
        Double[] mfus = new Double[n];
        java.util.Arrays.fill(losses, loss);
        java.util.Arrays.fill(mfus, logMfu);
        return Fitness.ofLogs(new Sample(List.of(losses)), new Sample(List.of(mfus)));
    }

    @Test
    void noneComparesTheMeansStrictly() {
        Significance none = Significance.NONE;
        assertTrue(none.dominates(fit(10, 0.3), fit(10.000001, 0.3)));
        assertFalse(none.dominates(fit(10, 0.3), fit(10, 0.3)));
        assertEquals(0, none.dominance(fit(10, 0.3), fit(9, 0.2)), "a trade-off");
        assertTrue(none.separated(fit(10, 0.3), fit(10, 0.30001)));
        assertFalse(none.separated(fit(10, 0.3), fit(10, 0.3)), "equal means are not separated");
        assertEquals(Fitness.dominance(fit(11, 0.3), fit(10, 0.3)), none.dominance(fit(11, 0.3), fit(10, 0.3)));
    }

    @Test
    void aDifferenceCountsOnlyBeyondTheMarginInStandardErrorsOfTheDifference() {
        Significance significance = new Significance(WELL_KNOWN, WELL_KNOWN, 2);
        // one replicate each: the standard error of the difference is 0.01 · √2 ≈ 0.01414
        assertFalse(significance.lowerLoss(at(0, 0, 1), at(0.028, 0, 1)), "1.98 standard errors");
        assertTrue(significance.lowerLoss(at(0, 0, 1), at(0.029, 0, 1)), "2.05 standard errors");
        // four replicates each: 0.01 · √(1/2) ≈ 0.00707, so the same gap is now 4 standard errors
        assertTrue(significance.lowerLoss(at(0, 0, 4), at(0.028, 0, 4)));
        assertTrue(significance.higherMfu(at(0, 0.029, 1), at(0, 0, 1)));
        assertFalse(significance.higherMfu(at(0, 0, 1), at(0, 0.029, 1)), "one-sided");
    }

    @Test
    void separableAtACountAsksWhetherThatManyReplicatesWouldTellTheMeansApart() {
        Significance significance = new Significance(WELL_KNOWN, WELL_KNOWN, 2);
        Fitness parent = at(0, 0, 1);
        // four replicates each: a standard error of 0.00707, so a gap of 0.0141 is the margin
        assertFalse(significance.separableAt(parent, at(0.014, 0, 1), 4));
        assertTrue(significance.separableAt(parent, at(0.015, 0, 1), 4));
        assertTrue(significance.separableAt(at(0.015, 0, 1), parent, 4), "either way");
        assertTrue(significance.separableAt(parent, at(0, -0.015, 1), 4), "on either objective");
        assertFalse(significance.separableAt(parent, at(0.015, 0, 1), 1), "not at the one replicate they have");
        assertTrue(significance.separableAt(parent, at(0.015, 0, 9), 4), "a count beyond the cap stays");
        assertFalse(significance.separableAt(parent, failed(), 4), "a failure is never raced");
        assertFalse(new Significance(Noise.UNKNOWN, Noise.UNKNOWN, 2).separableAt(parent, at(1, 0, 1), 4),
                "no noise known: a margin above 0 separates nothing, however often they are measured");
        assertThrows(IllegalArgumentException.class, () -> significance.separableAt(parent, parent, 0));
    }

    @Test
    void withFewDegreesOfFreedomTheThresholdIsStudentsT() {
        Significance significance = new Significance(new Noise(0.01, 2), new Noise(0.01, 2), 2);
        assertEquals(4.5265, significance.threshold(2), 1e-4);
        assertEquals(2.5165, significance.threshold(6), 1e-4);
        assertEquals(2.0868, significance.threshold(30), 1e-4);
        assertEquals(2, significance.threshold(Double.POSITIVE_INFINITY));
        assertEquals(0, Significance.NONE.threshold(2), "margin 0 stays 0");
        assertFalse(significance.lowerLoss(at(0, 0, 1), at(0.06, 0, 1)), "4.24 standard errors, under t(2)");
        assertTrue(significance.lowerLoss(at(0, 0, 1), at(0.065, 0, 1)), "4.60 standard errors");
    }

    @Test
    void withNoNoiseKnownAPositiveMarginSeparatesNothing() {
        Significance blind = Significance.NONE.withMargin(2);
        assertFalse(blind.dominates(fit(5, 0.9), fit(50, 0.1)));
        assertFalse(blind.separated(fit(5, 0.9), fit(50, 0.1)));
        assertTrue(blind.dominates(fit(50, 0.1), failed()), "a working variant dominates every failure");
        assertTrue(blind.separated(failed(), fit(50, 0.1)));
        assertFalse(blind.separated(failed(), Fitness.failed(darwin.core.EvaluationStatus.TIMEOUT)));
    }

    @Test
    void significantDominanceIsNotTransitiveAndTheFrontsStillFollowIt() {
        Significance significance = new Significance(WELL_KNOWN, WELL_KNOWN, 2);
        // each step 2.1 standard errors better on loss and 1.9 worse on MFU: a beats b, b beats c,
        // but from a to c the MFU falls 3.8 standard errors, which is significant
        double step = 0.01 * Math.sqrt(2);
        Fitness a = at(0, 0, 1);
        Fitness b = at(2.1 * step, 1.9 * step, 1);
        Fitness c = at(4.2 * step, 3.8 * step, 1);
        assertTrue(significance.dominates(a, b));
        assertTrue(significance.dominates(b, c));
        assertFalse(significance.dominates(a, c));
        assertEquals(0, significance.dominance(a, c));
        List<Standing.InFront> standings = ParetoFronts.rank(
                List.of(candidate(3, c), candidate(1, a), candidate(2, b)), significance);
        assertEquals(List.of(2, 0, 1), standings.stream().map(Standing.InFront::front).toList(),
                "c is behind b, which is behind a, although a does not dominate c");
    }

    @Test
    void theNoiseIsPooledOverEveryWorkingVariantOnce() {
        Fitness seed = Fitness.ofLogs(Sample.of(1.00, 1.02, 0.98), Sample.of(-2.0, -2.1, -1.9));
        Fitness child = Fitness.ofLogs(Sample.of(0.90, 0.92), Sample.of(-1.5, -1.5));
        Significance significance = Significance.pooled(List.of(candidate(1, seed), candidate(2, child),
                candidate(1, seed), candidate(3, fit(10, 0.1)), candidate(4, failed())), 2);
        // loss: squares 0.0008 + 0.0002 over 2 + 1 degrees of freedom
        assertEquals(new Noise(Math.sqrt(0.001 / 3), 3).sd(), significance.loss().sd(), 1e-12);
        assertEquals(3, significance.loss().degreesOfFreedom());
        assertEquals(Math.sqrt(0.02 / 3), significance.logMfu().sd(), 1e-12);
        assertEquals(2, significance.margin());
        assertThrows(IllegalArgumentException.class,
                () -> Significance.pooled(List.of(candidate(1, seed), candidate(1, child)), 2), "two fitnesses");
    }

    @Test
    void itChecksItself() {
        assertThrows(IllegalArgumentException.class, () -> new Significance(WELL_KNOWN, WELL_KNOWN, -1));
        assertThrows(IllegalArgumentException.class, () -> new Significance(WELL_KNOWN, WELL_KNOWN, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new Significance(WELL_KNOWN, WELL_KNOWN, Double.POSITIVE_INFINITY));
        assertThrows(NullPointerException.class, () -> new Significance(null, WELL_KNOWN, 1));
        assertThrows(IllegalArgumentException.class, () -> Significance.NONE.withMargin(2).threshold(0));
    }
}
