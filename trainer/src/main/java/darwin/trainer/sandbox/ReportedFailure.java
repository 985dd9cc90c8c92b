package darwin.trainer.sandbox;

import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import java.util.Objects;

/**
 * A child's report that its work failed: the status it failed with (never {@code OK}), why, and
 * whether the harness itself failed in the child (a training curve it could not write), which the
 * parent carries into its result so that the failure is not cached as the program's.
 */
record ReportedFailure(EvaluationStatus status, String reason, boolean harnessFailure)
        implements TrainReport.Ending, ScoreReport.Ending {

    ReportedFailure {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (status == EvaluationStatus.OK) {
            throw new IllegalArgumentException("a failure's status is not OK");
        }
    }

    /** A failure of the program's with {@code status}. */
    static ReportedFailure of(EvaluationStatus status, String reason) {
        return new ReportedFailure(status, reason, false);
    }

    /** The failure the harness found in the child ({@code failure} is not OK). */
    static ReportedFailure of(EvaluationResult failure) {
        return new ReportedFailure(failure.status(), failure.reason(), failure.harnessFailure());
    }

    /** The evaluation's result: this failure, with {@code logTail}. */
    EvaluationResult result(String logTail) {
        return new EvaluationResult(status, EvaluationResult.oneLine(reason), null, logTail, harnessFailure);
    }
}
