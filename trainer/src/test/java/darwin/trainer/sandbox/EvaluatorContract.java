package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Evaluator;
import darwin.core.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Evaluator} must do, whatever trains the variants: every implementation's test
 * extends this and says how to make the evaluator and which variants work and fail under it
 * ({@link LocalEvaluatorTest} over a stub slot evaluation; the stub evaluators of the population's
 * tests). {@link SandboxEvaluator} is no {@link Evaluator}: it is the slot evaluation that
 * {@link LocalEvaluator} runs, and trains for real, so its own tests cover it.
 *
 * <p>The contract: an evaluator never throws for the variant's fault (a failing variant is a
 * failed {@link EvaluationResult} with a status and a one-line reason); the same variant, budget
 * and seed give the same result, however many callers ask at once; and an interrupt is neither
 * swallowed nor remembered as the variant's result.
 */
@Timeout(60)
public abstract class EvaluatorContract {

    /** A fresh evaluator under test. Called more than once in a test, it evaluates alike. */
    protected abstract Evaluator evaluator() throws Exception;

    /** A variant the evaluator trains and measures. */
    protected abstract Variant working();

    /** A variant whose evaluation fails for its own fault (it diverges, runs out of memory, does not compile). */
    protected abstract Variant broken();

    /** The budget the cases evaluate at. */
    protected Budget budget() {
        return Budget.steps(5);
    }

    @Test
    void anEvaluatorRunsAtLeastOneEvaluationAtATime() throws Exception {
        assertTrue(evaluator().slots() >= 1, "slots: " + evaluator().slots());
    }

    @Test
    void aWorkingVariantIsMeasured() throws Exception {
        EvaluationResult result = evaluator().evaluate(working(), budget(), 1);
        assertEquals(EvaluationStatus.OK, result.status(), result.reason());
        assertTrue(result.measured().isPresent());
        assertFalse(result.reason().isBlank());
    }

    @Test
    void aFailingVariantIsAFailedResultWithAStatusAndAReasonNotAnException() throws Exception {
        EvaluationResult result = evaluator().evaluate(broken(), budget(), 1);
        assertNotEquals(EvaluationStatus.OK, result.status());
        assertTrue(result.measured().isEmpty(), "a failure carries no metrics");
        assertFalse(result.reason().isBlank(), "a failure says why");
        assertFalse(result.harnessFailure(), "the variant's fault, not the harness's: " + result.reason());
    }

    @Test
    void theSameVariantBudgetAndSeedGiveTheSameResult() throws Exception {
        Evaluator evaluator = evaluator();
        for (Variant variant : List.of(working(), broken())) {
            EvaluationResult first = evaluator.evaluate(variant, budget(), 3);
            assertEquals(first, evaluator.evaluate(variant, budget(), 3), "asked again");
            assertEquals(first, evaluator().evaluate(variant, budget(), 3), "asked of another evaluator alike");
        }
    }

    @Test
    void callersAtOnceGetWhatOneCallerGets() throws Exception {
        Evaluator evaluator = evaluator();
        int callers = 2 * evaluator.slots() + 2;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<EvaluationResult>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Variant variant = i % 2 == 0 ? working() : broken();
                long seed = 10 + i % 3;
                results.add(pool.submit(() -> {
                    go.await();
                    return evaluator.evaluate(variant, budget(), seed);
                }));
            }
            go.countDown();
            Evaluator alone = evaluator();
            for (int i = 0; i < callers; i++) {
                EvaluationResult expected = alone.evaluate(i % 2 == 0 ? working() : broken(), budget(), 10 + i % 3);
                assertEquals(expected, results.get(i).get(30, TimeUnit.SECONDS), "caller " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedCallerKeepsItsInterruptAndTheInterruptionIsNotRemembered() throws Exception {
        Evaluator evaluator = evaluator();
        Thread.currentThread().interrupt();
        try {
            evaluator.evaluate(working(), budget(), 7);
            assertTrue(Thread.currentThread().isInterrupted(), "an evaluator that returns keeps the caller's interrupt");
        } catch (InterruptedException e) {
            // the other way to honour it
        } finally {
            Thread.interrupted();
        }
        EvaluationResult after = evaluator.evaluate(working(), budget(), 7);
        assertEquals(EvaluationStatus.OK, after.status(), "asked again, it measures the variant: " + after.reason());
        assertEquals(evaluator().evaluate(working(), budget(), 7), after);
    }
}
