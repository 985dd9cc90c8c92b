package darwin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluationResultTest {

    private static final Metrics METRICS =
            new Metrics(1.9, Math.exp(1.9), 0.4, 20000, 1000, 10, 800, 5e6, 3e11, 2, 1, "cpu()");

    @Test
    void onlyOkCarriesMetrics() {
        assertThrows(IllegalArgumentException.class, () -> new EvaluationResult(EvaluationStatus.OK, "x", null, ""));
        assertThrows(IllegalArgumentException.class,
                () -> new EvaluationResult(EvaluationStatus.DIVERGED, "x", METRICS, ""));
        assertTrue(EvaluationResult.ok(METRICS, "").measured().isPresent());
        assertFalse(EvaluationResult.failed(EvaluationStatus.TIMEOUT, "slow", "").measured().isPresent());
    }

    @Test
    void reasonsAreOneLine() {
        EvaluationResult result = EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR, "boom\n  at here\n", null);
        assertEquals("boom | at here", result.reason());
        assertEquals("", result.logTail());
        assertEquals("no reason given", EvaluationResult.oneLine(null));
        assertEquals(400, EvaluationResult.oneLine("x".repeat(1000)).length());
    }

    @Test
    void metricsRejectImpossibleFigures() {
        assertThrows(IllegalArgumentException.class,
                () -> new Metrics(1, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, "cpu()"));
        assertThrows(IllegalArgumentException.class,
                () -> new Metrics(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, "cpu()"));
    }

    @Test
    void aHarnessFailureIsFlaggedAndSaysSoInItsReason() {
        EvaluationResult failure = EvaluationResult.harnessFailure("a full disk\nat /tmp", "tail");
        assertTrue(failure.harnessFailure());
        assertEquals(EvaluationStatus.RUNTIME_ERROR, failure.status());
        assertEquals("the harness failed: a full disk | at /tmp", failure.reason());
        assertFalse(EvaluationResult.failed(EvaluationStatus.RUNTIME_ERROR, "boom", "").harnessFailure());
        assertFalse(new EvaluationResult(EvaluationStatus.RUNTIME_ERROR, "the harness failed: x", null, "").harnessFailure(),
                "the flag, not the reason's words, says it");
        assertThrows(IllegalArgumentException.class,
                () -> new EvaluationResult(EvaluationStatus.OK, "fine", METRICS, "", true));
    }

    @Test
    void anotherLogTailKeepsTheFlag() {
        EvaluationResult tailed = EvaluationResult.harnessFailure("interrupted", "").withLogTail("curve");
        assertTrue(tailed.harnessFailure());
        assertEquals("curve", tailed.logTail());
        assertEquals("the harness failed: interrupted", tailed.reason());
    }

    @Test
    void aReasonRecordedBeforeTheFlagReadsAsItDidThen() {
        assertTrue(EvaluationResult.recordedAsHarnessFailure("the harness failed: cannot run the training process: x"));
        assertFalse(EvaluationResult.recordedAsHarnessFailure("the training process ran out of memory"));
        assertFalse(EvaluationResult.recordedAsHarnessFailure(null));
    }
}
