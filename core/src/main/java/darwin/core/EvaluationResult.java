package darwin.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of evaluating one training program: a status, a one-line reason, the metrics when
 * the status is {@link EvaluationStatus#OK}, and the tail of the program's log for feedback.
 */
public record EvaluationResult(EvaluationStatus status, String reason, Metrics metrics, String logTail) {

    public EvaluationResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        logTail = logTail == null ? "" : logTail;
        if (status == EvaluationStatus.OK && metrics == null) {
            throw new IllegalArgumentException("an OK result needs metrics");
        }
        if (status != EvaluationStatus.OK && metrics != null) {
            throw new IllegalArgumentException("only an OK result carries metrics, not " + status);
        }
        if (reason.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a reason is one line");
        }
    }

    public static EvaluationResult ok(Metrics metrics, String logTail) {
        return ok(metrics, "trained and measured", logTail);
    }

    public static EvaluationResult ok(Metrics metrics, String reason, String logTail) {
        return new EvaluationResult(EvaluationStatus.OK, reason, metrics, logTail);
    }

    public static EvaluationResult failed(EvaluationStatus status, String reason, String logTail) {
        return new EvaluationResult(status, oneLine(reason), null, logTail);
    }

    /** How the reason of a failure of the harness itself (not of the program) begins. */
    public static final String HARNESS_FAILURE = "the harness failed: ";

    /**
     * A failure of the harness itself — a process that could not start, an interrupted wait, a full
     * disk — which says nothing about the program and must not be cached as its result.
     */
    public static EvaluationResult harnessFailure(String why, String logTail) {
        return failed(EvaluationStatus.RUNTIME_ERROR, HARNESS_FAILURE + why, logTail);
    }

    /** Whether this is a {@link #harnessFailure}. */
    public boolean isHarnessFailure() {
        return reason.startsWith(HARNESS_FAILURE);
    }

    public Optional<Metrics> measured() {
        return Optional.ofNullable(metrics);
    }

    /** Folds a message into one line, so that any exception text can serve as a reason. */
    public static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        String line = text.strip().replaceAll("\\s*\\R\\s*", " | ");
        return line.length() > 400 ? line.substring(0, 397) + "..." : line;
    }
}
