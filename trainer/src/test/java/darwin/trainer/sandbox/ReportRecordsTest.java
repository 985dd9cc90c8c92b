package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.measure.FlopCount;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The children's report records check themselves. */
class ReportRecordsTest {

    private static final String HASH = "ab".repeat(32);

    @Test
    void aTrainedEndingHasCountsTimeAndTheWeightsHash() {
        assertThrows(IllegalArgumentException.class, () -> new TrainReport.Trained(-1, 0, 1, GrantReport.NONE, HASH));
        assertThrows(IllegalArgumentException.class, () -> new TrainReport.Trained(1, -1, 1, GrantReport.NONE, HASH));
        assertThrows(IllegalArgumentException.class, () -> new TrainReport.Trained(1, 1, Double.NaN, GrantReport.NONE, HASH));
        assertThrows(IllegalArgumentException.class, () -> new TrainReport.Trained(1, 1, -0.5, GrantReport.NONE, HASH));
        assertThrows(IllegalArgumentException.class, () -> new TrainReport.Trained(1, 1, 1, GrantReport.NONE, "ab".repeat(31)));
        assertThrows(IllegalArgumentException.class, () -> new TrainReport.Trained(1, 1, 1, GrantReport.NONE, "zz".repeat(32)));
        assertThrows(NullPointerException.class, () -> new TrainReport.Trained(1, 1, 1, null, HASH));
        assertEquals(0, new TrainReport.Trained(0, 0, 0, GrantReport.NONE, HASH).steps(), "a program may train no step");
    }

    @Test
    void aTrainedReportCarriesTheCurvesTail() {
        TrainReport.Trained trained = new TrainReport.Trained(1, 1, 1, GrantReport.NONE, HASH);
        assertThrows(IllegalArgumentException.class, () -> new TrainReport(trained, 1, 0, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new TrainReport(trained, -1, 0, Optional.of("")));
        assertThrows(IllegalArgumentException.class, () -> new TrainReport(trained, 1, Double.POSITIVE_INFINITY, Optional.of("")));
        assertEquals(Optional.empty(), new TrainReport(ReportedFailure.of(EvaluationStatus.VIOLATION, "x"), 0, 0,
                Optional.empty()).logTail(), "a failure before the training has none");
    }

    @Test
    void aScoredEndingHasAFlopCountAndTimesThatAreNotNegative() {
        FlopCount flops = new FlopCount(10, 5, 1, 1, 1);
        assertThrows(NullPointerException.class, () -> new ScoreReport.Scored(null));
        assertThrows(IllegalArgumentException.class, () -> new ScoreReport.Times(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScoreReport.Times(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ScoreReport(new ScoreReport.Scored(flops), -1, Optional.empty()));
    }

    @Test
    void aReportedFailureIsNeverOkAndKeepsTheHarnessFlagIntoTheResult() {
        assertThrows(IllegalArgumentException.class, () -> ReportedFailure.of(EvaluationStatus.OK, "fine"));

        EvaluationResult program = ReportedFailure.of(EvaluationStatus.DIVERGED, "loss became NaN\n at step 3").result("tail");
        assertEquals(EvaluationStatus.DIVERGED, program.status());
        assertEquals("loss became NaN | at step 3", program.reason(), "one line, as before");
        assertEquals("tail", program.logTail());
        assertFalse(program.harnessFailure());

        EvaluationResult harness = ReportedFailure.of(EvaluationResult.harnessFailure("cannot write the curve", "")).result("");
        assertTrue(harness.harnessFailure());
        assertEquals("the harness failed: cannot write the curve", harness.reason());
    }

    @Test
    void aProgramsMessageThatLooksLikeAHarnessFailureIsTheProgramsFailure() {
        EvaluationResult result = ReportedFailure.of(EvaluationStatus.RUNTIME_ERROR,
                EvaluationResult.HARNESS_FAILURE + "says the program").result("");
        assertFalse(result.harnessFailure(), "cached as the program's, unlike when the reason's words decided");
    }

    @Test
    void aGrantReportNeedsWhatItsBudgetsKindCounts() {
        assertThrows(IllegalArgumentException.class, () -> new GrantReport(-1, 0, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new GrantReport(0, Double.NaN, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new GrantReport(0, 0, null, 2000));
    }
}
