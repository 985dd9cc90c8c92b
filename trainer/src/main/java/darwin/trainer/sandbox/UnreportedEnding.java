package darwin.trainer.sandbox;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.process.ProcessOutcome;
import java.util.List;
import java.util.Locale;

/**
 * How a child ended that sent no signed report, told from its process's ending, exit code and
 * standard error: the status and the reason of the evaluation's result. Whatever the program
 * printed counts for nothing else.
 */
enum UnreportedEnding {

    /** It ran past its limit, and the runner stopped it. */
    TIMED_OUT(EvaluationStatus.TIMEOUT),
    /** The JVM or the native allocator said, on standard error, that memory ran out. */
    OUT_OF_MEMORY(EvaluationStatus.OUT_OF_MEMORY),
    /** It exited with 137, killed by the system: what the kernel's out-of-memory killer does. */
    KILLED(EvaluationStatus.OUT_OF_MEMORY),
    /**
     * The harness could not go on reading what it wrote (its test of the finished child threw an
     * {@link Error}), and stopped it: the program's doing, since only its output and files are read.
     */
    UNWATCHABLE(EvaluationStatus.RUNTIME_ERROR),
    /** It ended otherwise: a program that called {@code System.exit}, a crashed JVM. */
    ENDED(EvaluationStatus.RUNTIME_ERROR);

    /**
     * What standard error says (lower-cased) when the JVM, the allocator or the GPU ran out of
     * memory: PyTorch's caching allocator says {@code CUDA out of memory}, the CUDA runtime
     * {@code CUDA error: out of memory}, cuBLAS {@code CUBLAS_STATUS_ALLOC_FAILED}.
     */
    static final List<String> OUT_OF_MEMORY_MESSAGES =
            List.of("outofmemoryerror", "cannot allocate memory", "can't allocate", "std::bad_alloc",
                    "cuda out of memory", "cuda error: out of memory", "cublas_status_alloc_failed");

    /** The exit code of a process killed by {@code SIGKILL}. */
    static final int KILLED_EXIT_CODE = 137;

    private final EvaluationStatus status;

    UnreportedEnding(EvaluationStatus status) {
        this.status = status;
    }

    /** How the process of {@code outcome} ended. */
    static UnreportedEnding of(ProcessOutcome outcome) {
        if (outcome.timedOut()) {
            return TIMED_OUT;
        }
        if (outcome.ending() == ProcessOutcome.Ending.UNWATCHABLE) {
            return UNWATCHABLE;
        }
        String err = outcome.stderrTail().toLowerCase(Locale.ROOT);
        if (OUT_OF_MEMORY_MESSAGES.stream().anyMatch(err::contains)) {
            return OUT_OF_MEMORY;
        }
        if (outcome.exitCode().orElse(0) == KILLED_EXIT_CODE) {
            return KILLED;
        }
        return ENDED;
    }

    /** The status of the evaluation's result. */
    EvaluationStatus status() {
        return status;
    }

    /**
     * The reason of the evaluation's result.
     *
     * @param process the child, as in "the training process"
     * @param budget the budget its limit was counted from, named when it timed out; or {@code null}
     */
    String reason(ProcessOutcome outcome, String process, Budget budget) {
        return switch (this) {
            case TIMED_OUT -> "the " + process + " process ran past its limit of " + outcome.wallTime().toSeconds() + " s"
                    + (budget == null ? "" : " (" + budget.describe() + " plus grace)") + " and was stopped";
            case OUT_OF_MEMORY, KILLED -> "the " + process + " process ran out of memory";
            case UNWATCHABLE -> "the harness stopped the " + process + " process: reading what it wrote failed"
                    + " (see the harness's log); counted as the program's failure";
            case ENDED -> "the " + process + " process ended"
                    + outcome.exitCode().stream().mapToObj(c -> " with status " + c).findFirst().orElse("")
                    + " without reporting a result (did the program call System.exit or crash the JVM?)";
        };
    }

    /** The evaluation's result: its status and reason, with the process's output as the log tail. */
    EvaluationResult result(ProcessOutcome outcome, String process, Budget budget) {
        return EvaluationResult.failed(status, reason(outcome, process, budget), EvaluationLogs.tail(outcome));
    }
}
