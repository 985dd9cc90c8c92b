package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How long the parent lets a training child run after its word to go. */
class TrainingDeadlineTest {

    @Test
    void aTimeBudgetGetsItsGraceAndTheAllowanceToReport() {
        // 2 s, a grace of 1 s and 5% of 2 s, and 5 s to save and report
        assertEquals(Optional.of(Duration.ofMillis(2000 + 1100 + 5000)), TrainingDeadline.afterGo(Budget.seconds(2)));
    }

    @Test
    void otherBudgetsHaveOnlyTheProcesssWallLimit() {
        assertEquals(Optional.empty(), TrainingDeadline.afterGo(Budget.steps(30)));
        assertEquals(Optional.empty(), TrainingDeadline.afterGo(Budget.tokens(1000)));
        assertEquals(Optional.empty(), TrainingDeadline.afterGo(Budget.flops(1e12)));
        assertEquals(Optional.empty(), TrainingDeadline.afterGo(Budget.equalTime(20)));
    }

    @Test
    void aStoppedChildIsATimeoutThatNamesTheBudgetAndTheGrace() {
        EvaluationResult result = TrainingDeadline.timedOut(Budget.seconds(2), Duration.ofMillis(8100));
        assertEquals(EvaluationStatus.TIMEOUT, result.status());
        assertTrue(result.reason().contains("8.1 s after it was loaded, past its budget of " + Budget.seconds(2).describe()
                + " plus a grace of 1.10 s"), result.reason());
    }
}
