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
import org.junit.jupiter.api.Test;

class FitnessTest {

    private static Metrics metrics(double perplexity, double mfu) {
        return new Metrics(Math.log(perplexity), perplexity, mfu, 1000, 64_000, 100, 800_000, 5e6, 1e11, 12, 10, "cpu");
    }

    @Test
    void anOkResultGivesBothObjectives() {
        Fitness fitness = Fitness.of(EvaluationResult.ok(metrics(12.5, 0.21), ""));
        assertTrue(fitness.works());
        assertEquals(12.5, fitness.perplexity(), 1e-12);
        assertEquals(0.21, fitness.mfu(), 1e-15);
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
                () -> new Fitness(EvaluationStatus.VIOLATION, Sample.of(Math.log(10)), Sample.of(Math.log(0.1))));
        assertThrows(IllegalStateException.class, () -> failed().objectives());
        assertEquals(fit(10, 0.0), fit(10, -0.0), "no negative zero");
    }
}
