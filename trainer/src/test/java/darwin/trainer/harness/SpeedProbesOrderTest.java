package darwin.trainer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of the probes and the estimate from their pairs, without an engine. */
class SpeedProbesOrderTest {

    @Test
    void eachProgramRunsFirstInHalfOfAnyEvenNumberOfPairs() {
        assertEquals(List.of(true, false, false, true, true, false, false, true), firsts(8));
        for (int pairs = 2; pairs <= 12; pairs += 2) {
            long first = firsts(pairs).stream().filter(f -> f).count();
            assertEquals(pairs / 2, first, pairs + " pairs");
        }
    }

    @Test
    void anAdvantageOfTheSecondPlaceCancelsWhereTheSeedOnceOutranItself() {
        // the second probe of a pair runs 10% faster for its place alone; the programs are the same
        double place = 1.10;
        List<Double> ratios = new ArrayList<>();
        List<Double> references = new ArrayList<>();
        List<Double> variants = new ArrayList<>();
        for (int pair = 0; pair < SpeedProbes.PAIRS; pair++) {
            boolean referenceFirst = SpeedProbes.referenceFirst(pair);
            double reference = 1000 * (referenceFirst ? 1 : place);
            double variant = 1000 * (referenceFirst ? place : 1);
            references.add(reference);
            variants.add(variant);
            ratios.add(variant / reference);
        }
        assertEquals(1.0, SpeedProbes.geometricMedian(ratios), 1e-12, "the pairs' median sees no difference");

        // the estimate that this replaced, on the old order (R V, V R, R V): 10% faster than itself
        List<Double> oldReferences = List.of(1000.0, 1000 * place, 1000.0);
        List<Double> oldVariants = List.of(1000 * place, 1000.0, 1000 * place);
        assertEquals(place, SpeedProbes.median(oldVariants) / SpeedProbes.median(oldReferences), 1e-12);
    }

    @Test
    void oneSpoiledPairIsLeftOut() {
        // three pairs agree on 0.8; a busy moment slowed one reference probe to a third
        assertEquals(0.8, SpeedProbes.geometricMedian(List.of(0.8, 0.8, 2.4, 0.8)), 1e-12);
        assertEquals(Math.sqrt(0.8 * 0.9), SpeedProbes.geometricMedian(List.of(0.9, 0.7, 0.8, 3.0)), 1e-12);
        assertEquals(0.9, SpeedProbes.geometricMedian(List.of(0.9, 0.2, 1.5)), 1e-12);
    }

    private static List<Boolean> firsts(int pairs) {
        List<Boolean> firsts = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            firsts.add(SpeedProbes.referenceFirst(pair));
        }
        return firsts;
    }
}
