package darwin.trainer.sandbox;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.harness.TimeGrace;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How long the parent lets a training child run once it has told it to go, by its own clock:
 * under a time budget, the budget, its {@link TimeGrace} and {@link #REPORT_ALLOWANCE} for the
 * harness's work after the program returns (saving the weights, the report); under every other
 * budget no limit of its own (the process's wall limit applies).
 *
 * <p>Why the parent keeps a clock too: the harness in the child times the program and reports a
 * program that returns late as a {@code TIMEOUT}, but that clock lives in the program's JVM. The
 * parent's does not, and it stops a program that never returns, or one that set the child's clock
 * back, seconds after its budget rather than at the process's limit (budget plus the start-up
 * grace, which also covers the JVM's start and the engine's loading).
 */
final class TrainingDeadline {

    /** Time for the harness's work after the program returns: saving and hashing the weights, the report. */
    static final Duration REPORT_ALLOWANCE = Duration.ofSeconds(5);

    private TrainingDeadline() {}

    /** How long after the word to go the training child may run under {@code budget}; empty for no limit of its own. */
    static Optional<Duration> afterGo(Budget budget) {
        if (budget instanceof Budget.Seconds time) {
            return Optional.of(Duration.ofNanos((long) (TimeGrace.limit(time) * 1e9)).plus(REPORT_ALLOWANCE));
        }
        return Optional.empty();
    }

    /** The result of a training child the parent stopped at {@code limit} after its word to go. */
    static EvaluationResult timedOut(Budget budget, Duration limit) {
        String grace = budget instanceof Budget.Seconds time
                ? String.format(Locale.ROOT, " plus a grace of %.2f s", TimeGrace.seconds(time))
                : "";
        return EvaluationResult.failed(EvaluationStatus.TIMEOUT, String.format(Locale.ROOT,
                "the program had not returned %.1f s after it was loaded, past its budget of %s%s (and %d s to save"
                        + " and report), and was stopped", limit.toMillis() / 1000.0, budget.describe(), grace,
                REPORT_ALLOWANCE.toSeconds()), "");
    }
}
