package darwin.runs.slurm;

import java.util.Objects;

/**
 * What the scheduler says of one job: its state and how many times it was requeued (Slurm's
 * restart count), each requeue being another attempt at the evaluation under the same job id.
 *
 * @param state the job's state
 * @param restarts how many times the job was requeued, 0 when it never was or when that is unknown
 */
public record JobStatus(JobState state, int restarts) {

    public JobStatus {
        Objects.requireNonNull(state, "state");
        if (restarts < 0) {
            throw new IllegalArgumentException("a restart count is not negative, got " + restarts);
        }
    }

    /** A job the scheduler no longer knows. */
    public static final JobStatus VANISHED = new JobStatus(JobState.VANISHED, 0);
}
