package darwin.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseTest {

    @Test
    void sampleFiguresAreTheTextbookOnes() {
        Sample sample = Sample.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(5, sample.mean(), 1e-12);
        assertEquals(32, sample.sumOfSquares(), 1e-12);
        assertEquals(Math.sqrt(32 / 7.0), sample.sd(), 1e-12);
        assertEquals(7, sample.noise().degreesOfFreedom());
        assertEquals(9, sample.plus(41).count());
        assertTrue(Double.isNaN(Sample.of(3).sd()));
        assertThrows(IllegalArgumentException.class, () -> Sample.of());
        assertThrows(IllegalArgumentException.class, () -> Sample.of(1, Double.NaN));
    }

    @Test
    void tQuantilesMatchTheTables() {
        assertEquals(12.706, new Noise(1, 1).t(0.95), 1e-3);
        assertEquals(4.303, new Noise(1, 2).t(0.95), 1e-3);
        assertEquals(2.228, new Noise(1, 10).t(0.95), 1e-3);
        assertEquals(Double.POSITIVE_INFINITY, Noise.UNKNOWN.t(0.95));
    }

    @Test
    void poolingAddsSquaresAndFreedom() {
        Noise pooled = Noise.pooled(List.of(Sample.of(1, 3), Sample.of(10, 14), Sample.of(7)));
        // (2 + 8) / 2 degrees of freedom
        assertEquals(Math.sqrt(5), pooled.sd(), 1e-12);
        assertEquals(2, pooled.degreesOfFreedom());
        Noise again = new Noise(1, 3).pool(new Noise(3, 1));
        assertEquals(Math.sqrt((3 + 9) / 4.0), again.sd(), 1e-12);
        assertEquals(4, again.degreesOfFreedom());
        assertEquals(Noise.UNKNOWN, Noise.pooled(List.of(Sample.of(1), Sample.of(2))));
    }

    @Test
    void intervalsCoverTheTrueDifferenceAtTheirLevel() {
        SplittableRandom random = new SplittableRandom(7);
        int covered = 0;
        int trials = 2000;
        for (int trial = 0; trial < trials; trial++) {
            double[] a = new double[3];
            double[] b = new double[4];
            for (int i = 0; i < a.length; i++) {
                a[i] = 1.0 + 0.1 * gaussian(random);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = 0.8 + 0.1 * gaussian(random);
            }
            Sample sa = Sample.of(a);
            Sample sb = Sample.of(b);
            Interval interval = Noise.pooled(List.of(sa, sb)).difference(sa, sb, 0.95);
            if (interval.contains(0.2)) {
                covered++;
            }
        }
        double share = covered / (double) trials;
        assertTrue(share > 0.93 && share < 0.97, "coverage " + share);
    }

    @Test
    void separationNeedsMoreThanTheMargin() {
        Noise noise = new Noise(0.1, 10);
        // standard error of the difference of two single measurements: 0.1·√2 ≈ 0.1414
        assertTrue(noise.below(1.0, 1, 1.3, 1, 2));
        assertFalse(noise.below(1.0, 1, 1.2, 1, 2));
        assertTrue(noise.below(1.0, 8, 1.2, 8, 2));
        assertFalse(noise.below(1.3, 1, 1.0, 1, 0));
        assertFalse(Noise.UNKNOWN.below(1, 1, 2, 1, 2));
        assertTrue(Noise.UNKNOWN.below(1, 1, 2, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> noise.below(1, 1, 2, 1, -1));
    }

    @Test
    void relativeIntervalsOfLogDifferences() {
        Interval logs = new Interval(Math.log(0.9), Math.log(0.85), Math.log(0.95), 0.95);
        Interval relative = logs.relative();
        assertEquals(-0.10, relative.estimate(), 1e-12);
        assertEquals(-0.15, relative.low(), 1e-12);
        assertEquals(-0.05, relative.high(), 1e-12);
        assertTrue(relative.excludesZero());
        assertEquals("-10.0% [-15.0%, -5.0%]", relative.percent());
        assertFalse(Noise.UNKNOWN.around(1, 1, 0.95).bounded());
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
