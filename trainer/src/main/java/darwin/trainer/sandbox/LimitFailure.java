package darwin.trainer.sandbox;

import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.process.LimitBreach;
import darwin.trainer.process.ProcessOutcome;
import darwin.trainer.process.ResourceLimits;
import java.util.Locale;
import java.util.Optional;

/**
 * A child that went over one of its {@link ResourceLimits}: a {@code VIOLATION} whose reason
 * names the limit, whatever the child reported.
 *
 * <p>Two ways to know. The runner sees some breaches itself ({@link ProcessOutcome#breaches()}:
 * the disk it watches, the forks the kernel refused), and they count even when the child sent a
 * report, since a program that hit a limit and caught the error might otherwise go unnoticed.
 * The others the kernel answers with an error in the child (a full {@code /tmp}, a file at the
 * size limit, no descriptor left): they count when the child failed and its reason or standard
 * error carries the error's words. A program could print those words itself; it gains nothing by
 * it, since it fails either way.
 */
final class LimitFailure {

    private LimitFailure() {}

    /**
     * The result of a child whose process ended as {@code ended}, when it went over a limit.
     *
     * @param process the child, as in "the training process"
     * @param failureText what the child said of its failure (its report's reason), or empty when
     *     it reported success
     */
    static Optional<EvaluationResult> of(ProcessOutcome ended, String process, ResourceLimits limits, String failureText) {
        String log = EvaluationLogs.tail(ended);
        if (!ended.breaches().isEmpty()) {
            LimitBreach breach = ended.breaches().getFirst();
            return Optional.of(EvaluationResult.failed(EvaluationStatus.VIOLATION,
                    "the " + process + " process " + breach.description(), log));
        }
        if (failureText == null) {
            return Optional.empty(); // a report of success
        }
        String said = (failureText + "\n" + ended.stderrTail()).toLowerCase(Locale.ROOT);
        if (said.contains("too many open files")) {
            return Optional.of(violation(process, "ran out of file descriptors: each process may hold at most "
                    + limits.openFiles() + " open files (the open-file limit)", log));
        }
        if (said.contains("file too large")) {
            return Optional.of(violation(process, "wrote a file up to the disk limit of " + mebibytes(limits.diskBytes()),
                    log));
        }
        if (said.contains("no space left on device")) {
            return Optional.of(violation(process, "filled its disk: its private /tmp holds at most "
                    + mebibytes(limits.tmpBytes()) + " (the /tmp limit), its workspace " + mebibytes(limits.diskBytes()), log));
        }
        if (said.contains("unable to create native thread") || said.contains("resource temporarily unavailable")) {
            return Optional.of(violation(process, "could not start a thread or process: at most " + limits.tasks()
                    + " may run at once (the task limit), within its memory limit", log));
        }
        return Optional.empty();
    }

    private static EvaluationResult violation(String process, String what, String log) {
        return EvaluationResult.failed(EvaluationStatus.VIOLATION, "the " + process + " process " + what, log);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }
}
