package darwin.trainer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetTrackerTest {

    private static BudgetTracker started(Budget budget) {
        BudgetTracker tracker = new BudgetTracker(budget);
        tracker.start();
        return tracker;
    }

    @Test
    void aStepBudgetEndsAfterItsLastStep() {
        BudgetTracker tracker = started(Budget.steps(3));
        for (int i = 0; i < 3; i++) {
            assertFalse(tracker.exhausted());
            tracker.countBatch(100);
        }
        assertTrue(tracker.exhausted());
        assertEquals(1.0, tracker.progress());
        assertEquals(300, tracker.tokens());
    }

    @Test
    void aTokenBudgetHandsOutABatchWhileTheTokensAreBelowTheLimit() {
        BudgetTracker tracker = started(Budget.tokens(250));
        tracker.countBatch(100);
        assertEquals(0.4, tracker.progress(), 1e-12);
        tracker.countBatch(100);
        assertFalse(tracker.exhausted(), "200 tokens are below 250: one more batch");
        assertEquals(0.8, tracker.progress(), 1e-12);
        tracker.countBatch(100);
        assertTrue(tracker.exhausted());
        assertEquals(1.0, tracker.progress(), "progress stops at 1 though the last batch went past the limit");
        assertEquals(3, tracker.steps());
    }

    @Test
    void aTokenBudgetEndsExactlyAtItsLimit() {
        BudgetTracker tracker = started(Budget.tokens(200));
        tracker.countBatch(100);
        tracker.countBatch(100);
        assertTrue(tracker.exhausted());
    }

    @Test
    void aTimeBudgetEndsWithItsSeconds() throws InterruptedException {
        BudgetTracker tracker = started(Budget.seconds(0.05));
        assertFalse(tracker.exhausted());
        assertTrue(tracker.progress() < 1);
        Thread.sleep(60);
        assertTrue(tracker.exhausted());
        assertEquals(1.0, tracker.progress());
    }

    @Test
    void secondsOfTheProgramBeforeItsTrainCallCountAgainstATimeBudget() {
        BudgetTracker loaded = new BudgetTracker(Budget.seconds(10));
        loaded.start(4);
        assertTrue(loaded.elapsedSeconds() >= 4, "the loading's seconds are on the clock: " + loaded.elapsedSeconds());
        assertTrue(loaded.progress() >= 0.4);
        BudgetTracker slow = new BudgetTracker(Budget.seconds(10));
        slow.start(11);
        assertTrue(slow.exhausted(), "a program whose loading took the whole budget gets no batch");
        assertThrows(IllegalArgumentException.class, () -> slow.start(-1));
        assertThrows(IllegalArgumentException.class, () -> slow.start(Double.NaN));
    }

    @Test
    void theGraceOfATimeBudgetIsASecondAndAShareOfIt() {
        assertEquals(1.0 + 0.05 * 20, TimeGrace.seconds(new Budget.Seconds(20)), 1e-12);
        assertEquals(20 + 2.0, TimeGrace.limit(new Budget.Seconds(20)), 1e-12);
        assertEquals(3 + 1.15, TimeGrace.limit(new Budget.Seconds(3)), 1e-12);
    }

    @Test
    void flopsAndEqualTimeAreGrantedAsTokensBeforeATrackerCountsThem() {
        assertThrows(IllegalArgumentException.class, () -> new BudgetTracker(Budget.flops(1e12)));
        assertThrows(IllegalArgumentException.class, () -> new BudgetTracker(Budget.equalTime(20)));
    }

    @Test
    void stepTimesGiveRatesToTheEndOfTheCallAndByWindow() {
        // four batches of 100 tokens asked for at 0, 10, 30 and 40 ms; the call returned at 50 ms
        StepTimes times = new StepTimes(new long[] {0, 10_000_000, 30_000_000, 40_000_000},
                new long[] {100, 100, 100, 100}, 50_000_000);
        assertEquals(4, times.steps());
        assertEquals(3, times.timedSteps());
        assertEquals(400 / 0.05, times.tokensPerSecondToEnd(0), 1e-6);
        assertEquals(200 / 0.02, times.tokensPerSecondToEnd(2), 1e-6);
        assertEquals(List.of(100 / 0.01, 100 / 0.02, 100 / 0.01), times.windowRates(0, 1));
        assertEquals(List.of(200 / 0.03), times.windowRates(0, 2));
        assertThrows(IllegalArgumentException.class, () -> times.tokensPerSecondToEnd(4));
        assertThrows(IllegalArgumentException.class, () -> times.tokensPerSecond(1, 4));
    }

    @Test
    void theCalibratedThroughputIsAHighQuantileOfTheWindows() {
        // the sixth of eight, the third from the top: two windows a busy moment hit cannot lower it
        assertEquals(7.0, ThroughputCalibration.quantile(List.of(1.0, 9.0, 2.0, 8.0, 3.0, 7.0, 4.0, 6.0), 0.75));
        assertEquals(5.0, ThroughputCalibration.quantile(List.of(5.0), 0.75));
        assertEquals(3.0, SpeedProbes.median(List.of(9.0, 1.0, 3.0)));
        assertEquals(2.5, SpeedProbes.median(List.of(3.0, 2.0)));
    }
}
