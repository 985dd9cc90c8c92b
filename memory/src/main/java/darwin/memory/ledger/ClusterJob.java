package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * A {@code JOB} event: one attempt of an evaluation that runs as a batch job on a cluster (Slurm)
 * was submitted, ended without an answer and is run again, or ended with the evaluation's result;
 * its {@code event} field says which. Every event names the job by its {@link #job() name}, which
 * the evaluation's key decides, so that a resumed run finds the jobs it submitted before: the
 * latest attempt of a name that neither ran again nor finished is the job to re-attach to.
 *
 * <p>A run whose evaluations run on its own machine has none of these events.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
@JsonSubTypes({@JsonSubTypes.Type(value = JobSubmitted.class, name = "submitted"),
        @JsonSubTypes.Type(value = JobRerun.class, name = "rerun"),
        @JsonSubTypes.Type(value = JobFinished.class, name = "finished")})
public sealed interface ClusterJob extends LedgerEvent permits JobSubmitted, JobRerun, JobFinished {

    /** The job's name: the same for every attempt of one evaluation. */
    String job();

    /** The scheduler's id of the job that ran this attempt. */
    String jobId();

    /** Which attempt at the evaluation, from 1. */
    int attempt();

    /** Checks the fields every job event has. */
    static void check(String job, String jobId, int attempt) {
        if (job == null || job.isBlank()) {
            throw new IllegalArgumentException("a job event needs the job's name");
        }
        Objects.requireNonNull(jobId, "jobId");
        if (jobId.isBlank()) {
            throw new IllegalArgumentException("a job event needs the job's id");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
    }
}
