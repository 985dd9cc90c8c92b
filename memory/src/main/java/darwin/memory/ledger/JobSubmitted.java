package darwin.memory.ledger;

import java.util.Optional;

/**
 * An attempt at an evaluation was submitted as a batch job ({@code JOB}, {@code "event":
 * "submitted"}), or a job of the run's that the scheduler still held was found again by its name
 * (a submission whose answer was lost). Once per name and attempt.
 *
 * @param job the job's name
 * @param jobId the scheduler's id of the job
 * @param attempt which attempt, from 1
 * @param variant the variant the job evaluates
 * @param budget the budget's key ({@code steps-2000})
 * @param seed the evaluation's seed
 */
public record JobSubmitted(String job, String jobId, int attempt, String variant, String budget, long seed)
        implements ClusterJob {

    public JobSubmitted {
        ClusterJob.check(job, jobId, attempt);
        if (variant == null || variant.isBlank() || budget == null || budget.isBlank()) {
            throw new IllegalArgumentException("a submission names the variant and the budget it evaluates");
        }
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(job + "#" + attempt);
    }
}
