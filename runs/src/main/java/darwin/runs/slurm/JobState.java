package darwin.runs.slurm;

import java.util.Arrays;
import java.util.Locale;

/**
 * The state of a batch job as Slurm names it ({@code squeue}'s {@code %T}, {@code sacct}'s
 * {@code State}), and {@link #VANISHED} for a job the scheduler no longer knows. A job is either
 * still {@linkplain #active() active} (queued, running, requeued, held) or has ended; an ended job
 * either left its evaluation's signed result, which is the answer whatever the state, or did not,
 * and the evaluation runs again.
 */
public enum JobState {
    PENDING(true),
    CONFIGURING(true),
    RUNNING(true),
    COMPLETING(true),
    SUSPENDED(true),
    STOPPED(true),
    SIGNALING(true),
    STAGE_OUT(true),
    RESIZING(true),
    REQUEUED(true),
    REQUEUE_FED(true),
    REQUEUE_HOLD(true),
    RESV_DEL_HOLD(true),
    SPECIAL_EXIT(true),
    COMPLETED(false),
    FAILED(false),
    CANCELLED(false),
    TIMEOUT(false),
    NODE_FAIL(false),
    PREEMPTED(false),
    BOOT_FAIL(false),
    DEADLINE(false),
    OUT_OF_MEMORY(false),
    REVOKED(false),
    /** Neither {@code squeue} nor {@code sacct} knows the job any more. */
    VANISHED(false);

    private final boolean active;

    JobState(boolean active) {
        this.active = active;
    }

    /** Whether the job is still queued, running or held: its evaluation may still answer. */
    public boolean active() {
        return active;
    }

    /**
     * The state Slurm printed: {@code RUNNING}, {@code CANCELLED by 1000}, {@code CA} (a short form
     * is not read: Slurm prints the long one under {@code %T} and {@code State}).
     *
     * @throws IllegalArgumentException for a state this darwin does not know, naming it
     */
    public static JobState parse(String text) {
        String word = text == null ? "" : text.strip().split("\\s+")[0].replace('+', ' ').strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(state -> state != VANISHED && state.name().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a Slurm job state"));
    }
}
