package darwin.population.selection;

import static darwin.population.selection.Fixtures.failed;
import static darwin.population.selection.Fixtures.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import darwin.core.stats.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitnessTest {

    private static Metrics metrics(double perplexity, double mfu) {
        return new Metrics(Math.log(perplexity), perplexity, mfu, 1000, 64_000, 100, 800_000, 5e6, 1e11, 12, 10, "cpu");
    }

    @Test
    void anOkResultGivesBothObjectives() {
        Fitness fitness = Fitness.of(EvaluationResult.ok(metrics(12.5, 0.21), ""));
        assertTrue(fitness.works());
        assertEquals(12.5, fitness.perplexity());
        assertEquals(0.21, fitness.mfu());
        assertEquals(1, fitness.count());
    }

    @Test
    void aFailedResultGivesAFailure() {
        Fitness fitness = Fitness.of(EvaluationResult.failed(EvaluationStatus.TIMEOUT, "ran past its budget", ""));
        assertFalse(fitness.works());
        assertEquals(EvaluationStatus.TIMEOUT, fitness.status());
        assertTrue(Double.isNaN(fitness.perplexity()));
    }

    @Test
    void anOkResultWithANonFinitePerplexityCountsAsDiverged() {
        Fitness fitness = Fitness.of(EvaluationResult.ok(metrics(Double.POSITIVE_INFINITY, 0.2), ""));
        assertEquals(EvaluationStatus.DIVERGED, fitness.status());
    }

    @Test
    void dominanceNeedsBothObjectivesAtLeastAsGoodAndOneBetter() {
        assertTrue(fit(10, 0.3).dominates(fit(11, 0.3)), "lower perplexity, same MFU");
        assertTrue(fit(10, 0.3).dominates(fit(10, 0.2)), "same perplexity, higher MFU");
        assertFalse(fit(10, 0.3).dominates(fit(9, 0.2)), "a trade-off");
        assertFalse(fit(9, 0.2).dominates(fit(10, 0.3)), "a trade-off");
        assertFalse(fit(10, 0.3).dominates(fit(10, 0.3)), "equal");
        assertEquals(0, Fitness.dominance(fit(10, 0.3), fit(9, 0.2)));
        assertEquals(-1, Fitness.dominance(fit(11, 0.3), fit(10, 0.3)));
    }

    @Test
    void aFailureDominatesNothingAndEveryWorkingVariantDominatesIt() {
        Fitness worst = fit(1e6, 0);
        assertTrue(worst.dominates(failed()));
        assertFalse(failed().dominates(worst));
        assertEquals(-1, Fitness.dominance(failed(), worst));
        assertEquals(0, Fitness.dominance(failed(), Fitness.failed(EvaluationStatus.OUT_OF_MEMORY)),
                "failures are equal, whatever their status");
    }

    @Test
    void itChecksItself() {
        assertThrows(IllegalArgumentException.class, () -> fit(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> fit(10, -0.1));
        assertThrows(IllegalArgumentException.class, () -> fit(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Fitness.failed(EvaluationStatus.OK));
        assertThrows(IllegalArgumentException.class,
                () -> new Fitness(EvaluationStatus.VIOLATION, Sample.of(10), Sample.of(0.1)));
        assertThrows(IllegalStateException.class, () -> failed().objectives());
        assertEquals(fit(10, 0.0), fit(10, -0.0), "no negative zero");
    }

    @Test
    void replicatesGiveGeometricMeansOnTheLogScale() {
        Fitness fitness = Fitness.of(List.of(EvaluationResult.ok(metrics(10, 0.2), ""),
                EvaluationResult.ok(metrics(12, 0.3), ""), EvaluationResult.ok(metrics(11, 0.25), "")));
        assertEquals(3, fitness.count());
        assertEquals(Math.cbrt(10 * 12 * 11), fitness.perplexity(), 1e-12);
        assertEquals(Math.cbrt(0.2 * 0.3 * 0.25), fitness.mfu(), 1e-15);
        assertEquals(Sample.of(Math.log(10), Math.log(12), Math.log(11)).mean(), fitness.loss().mean(), 1e-15);
        assertEquals(List.of(Math.log(0.2), Math.log(0.3), Math.log(0.25)), fitness.logMfu().values());
        Fitness again = Fitness.ofLogs(fitness.loss(), fitness.logMfu());
        assertEquals(fitness.perplexity(), again.perplexity(), 1e-12);
        assertEquals(fitness.mfu(), again.mfu(), 1e-15);
        assertEquals(Fitness.of(EvaluationResult.ok(metrics(12.5, 0.21), "")),
                Fitness.of(List.of(EvaluationResult.ok(metrics(12.5, 0.21), ""))), "one replicate either way");
    }

    @Test
    void aVariantOneOfWhoseReplicatesFailedIsThatFailure() {
        EvaluationResult ok = EvaluationResult.ok(metrics(10, 0.2), "");
        Fitness fitness = Fitness.of(List.of(ok, EvaluationResult.failed(EvaluationStatus.OUT_OF_MEMORY, "", ""),
                EvaluationResult.failed(EvaluationStatus.TIMEOUT, "", "")));
        assertEquals(Fitness.failed(EvaluationStatus.OUT_OF_MEMORY), fitness, "the first failure in the order given");
        assertEquals(0, fitness.count());
        assertEquals(EvaluationStatus.DIVERGED,
                Fitness.of(List.of(ok, EvaluationResult.ok(metrics(Double.NaN, 0.2), ""))).status());
        assertThrows(IllegalArgumentException.class, () -> Fitness.of(List.of()));
        assertThrows(IllegalStateException.class, () -> fitness.loss());
    }

    @Test
    void anMfuOfZeroIsTheFloorOnTheLogScale() {
        Fitness zero = Fitness.of(List.of(EvaluationResult.ok(metrics(10, 0), ""), EvaluationResult.ok(metrics(10, 0.2), "")));
        assertEquals(0, zero.mfu(), "a geometric mean with a factor 0");
        assertEquals(List.of(Math.log(Fitness.MFU_FLOOR), Math.log(0.2)), zero.logMfu().values());
        assertThrows(IllegalArgumentException.class, () -> WeightedScore.relativeTo(zero));
    }

    @Test
    void replicatesCheckThemselves() {
        assertThrows(IllegalArgumentException.class, () -> new Fitness(EvaluationStatus.OK, Sample.of(10, 11), Sample.of(0.2)),
                "as many MFUs as perplexities");
        assertThrows(IllegalArgumentException.class, () -> new Fitness(EvaluationStatus.OK, Sample.of(10, -1), Sample.of(0.2, 0.2)));
        assertThrows(NullPointerException.class, () -> new Fitness(EvaluationStatus.OK, null, null));
    }
}
