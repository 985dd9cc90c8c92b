package darwin.memory.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * An attempt ended with the evaluation's result, read from the job's signed result file
 * ({@code JOB}, {@code "event": "finished"}), or the evaluation gave up after its last attempt.
 * The status is the result's: a variant's own failure ({@code TIMEOUT}, {@code OUT_OF_MEMORY}, …)
 * is its result, whatever the job's state. Once per name and attempt.
 *
 * @param job the job's name
 * @param jobId the scheduler's id of the job that ran the attempt
 * @param attempt the attempt, from 1
 * @param status the result's status ({@code OK}, {@code COMPILE_ERROR}, …)
 * @param reason the result's reason, one line
 */
public record JobFinished(String job, String jobId, int attempt, String status, String reason) implements ClusterJob {

    public JobFinished {
        ClusterJob.check(job, jobId, attempt);
        Objects.requireNonNull(status, "status");
        reason = Objects.requireNonNullElse(reason, "");
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(job + "#" + attempt);
    }
}
