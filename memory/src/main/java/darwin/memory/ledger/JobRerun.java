package darwin.memory.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * An attempt ended without the evaluation's result, for a cause outside the variant (preempted,
 * requeued, cancelled by someone else, a failed node, a job the scheduler no longer knows), and the
 * evaluation runs again ({@code JOB}, {@code "event": "rerun"}): in the same job when the scheduler
 * requeued it, else in a new submission. Once per name and attempt.
 *
 * @param job the job's name
 * @param jobId the scheduler's id of the job that ran the attempt
 * @param attempt the attempt that ended, from 1
 * @param state what the scheduler said of it ({@code PREEMPTED}, {@code NODE_FAIL}, {@code REQUEUED},
 *     {@code VANISHED}, …)
 */
public record JobRerun(String job, String jobId, int attempt, String state) implements ClusterJob {

    public JobRerun {
        ClusterJob.check(job, jobId, attempt);
        Objects.requireNonNull(state, "state");
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(job + "#" + attempt);
    }
}
