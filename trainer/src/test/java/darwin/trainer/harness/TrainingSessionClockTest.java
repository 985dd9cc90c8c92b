package darwin.trainer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import darwin.core.Budget;
import darwin.core.EvaluationStatus;
import darwin.trainer.FakeModels;
import darwin.trainer.data.TokenSampler;
import darwin.trainer.device.Engines;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The training clock covers the program's code before its {@code train} call, and a program that
 * returns past its time budget and grace is a {@code TIMEOUT}, whatever it trained.
 */
@Timeout(60)
class TrainingSessionClockTest {

    private static final int VOCABULARY = 65;
    private static final int[] TEXT = IntStream.range(0, 4096).map(i -> i % VOCABULARY).toArray();

    private static NDManager manager;
    private static TrainingSession session;

    @BeforeAll
    static void engine() {
        Engines.load();
        manager = NDManager.newBaseManager(Engines.defaultDevice());
        session = new TrainingSession(manager.getDevice(), VOCABULARY);
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** A program that draws a batch unless its budget is spent, sleeps {@code millis} and returns an untrained model. */
    private static TrainingOutcome sleeping(long millis, Budget budget, double before) {
        return session.train(HarnessTest.program(context -> {
            if (!context.clock().exhausted()) {
                context.batches().next(context.manager(), 2, 8).close();
            }
            Thread.sleep(millis);
            return FakeModels.uniform(context.manager(), VOCABULARY, 64);
        }), manager, new TokenSampler(TEXT, 1), budget, 1, null, TrainingListener.NONE, before);
    }

    @Test
    void aProgramThatReturnsPastItsBudgetAndGraceIsATimeout() {
        // 0.1 s and a grace of 1.005 s: returning after 1.3 s is too late
        TrainingOutcome outcome = sleeping(1300, Budget.seconds(0.1), 0);
        assertEquals(EvaluationStatus.TIMEOUT, outcome.failure() == null ? null : outcome.failure().status());
        assertTrue(outcome.failure().reason().contains("past its budget of"), outcome.failure().reason());
        assertTrue(outcome.trainSeconds() >= 1.3, "the seconds are the harness's: " + outcome.trainSeconds());
    }

    @Test
    void secondsBeforeTheTrainCallCountTowardsTheTimeout() {
        TrainingOutcome outcome = sleeping(0, Budget.seconds(0.1), 1.2);
        assertEquals(EvaluationStatus.TIMEOUT, outcome.failure() == null ? null : outcome.failure().status());
    }

    @Test
    void aProgramThatReturnsWithinTheGraceKeepsItsModelAndItsLoadingIsTimed() {
        TrainingOutcome outcome = sleeping(200, Budget.seconds(0.1), 0.3);
        assertTrue(outcome.trained(), () -> outcome.failure().reason());
        assertTrue(outcome.trainSeconds() >= 0.5, "loading and the call: " + outcome.trainSeconds());
    }

    @Test
    void aBatchAskedForPastTheBudgetAndGraceIsATimeoutNotAnError() {
        TrainingOutcome outcome = session.train(HarnessTest.program(context -> {
            context.batches().next(context.manager(), 2, 8).close();
            return FakeModels.uniform(context.manager(), VOCABULARY, 64);
        }), manager, new TokenSampler(TEXT, 1), Budget.seconds(0.1), 1, null, TrainingListener.NONE, 2);
        assertEquals(EvaluationStatus.TIMEOUT, outcome.failure() == null ? null : outcome.failure().status());
    }

    @Test
    void aStepBudgetHasNoTimeLimitButItsSecondsCountTheLoading() {
        TrainingOutcome outcome = sleeping(0, Budget.steps(1), 100);
        assertTrue(outcome.trained(), () -> outcome.failure().reason());
        assertTrue(outcome.trainSeconds() >= 100, "the loading's seconds are reported: " + outcome.trainSeconds());
    }
}
