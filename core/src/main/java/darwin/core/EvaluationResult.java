package darwin.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of evaluating one training program: a status, a one-line reason, the metrics when
 * the status is {@link EvaluationStatus#OK}, the tail of the program's log for feedback, and
 * whether the harness itself failed.
 *
 * @param harnessFailure whether this is a failure of the harness itself (a process that could not
 *     start, an interrupted wait, a full disk), which says nothing about the program and must not
 *     be cached as its result; its reason begins with {@link #HARNESS_FAILURE} for the people who
 *     read it, but code reads this flag
 */
public record EvaluationResult(EvaluationStatus status, String reason, Metrics metrics, String logTail,
        boolean harnessFailure) {

    /** How the reason of a failure of the harness itself (not of the program) begins. */
    public static final String HARNESS_FAILURE = "the harness failed: ";

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
        if (harnessFailure && status == EvaluationStatus.OK) {
            throw new IllegalArgumentException("a failure of the harness is not an OK result");
        }
        if (reason.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a reason is one line");
        }
    }

    /** A result that says something about the program: anything but a failure of the harness. */
    public EvaluationResult(EvaluationStatus status, String reason, Metrics metrics, String logTail) {
        this(status, reason, metrics, logTail, false);
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

    /**
     * A failure of the harness itself — a process that could not start, an interrupted wait, a full
     * disk — which says nothing about the program and must not be cached as its result. A
     * {@link EvaluationStatus#RUNTIME_ERROR} whose reason is {@link #HARNESS_FAILURE} followed by
     * {@code why}.
     */
    public static EvaluationResult harnessFailure(String why, String logTail) {
        return new EvaluationResult(EvaluationStatus.RUNTIME_ERROR, oneLine(HARNESS_FAILURE + why), null, logTail, true);
    }

    /** The same result with another log tail. */
    public EvaluationResult withLogTail(String tail) {
        return new EvaluationResult(status, reason, metrics, tail, harnessFailure);
    }

    /**
     * Whether a reason recorded without the {@linkplain #harnessFailure() flag} (a ledger line or a
     * result file written before results carried it) is a failure of the harness: before the flag,
     * the reason's beginning was the only mark.
     */
    public static boolean recordedAsHarnessFailure(String reason) {
        return reason != null && reason.startsWith(HARNESS_FAILURE);
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
