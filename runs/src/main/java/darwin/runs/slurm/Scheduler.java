package darwin.runs.slurm;

import java.util.List;

/**
 * The batch scheduler, as the executor uses it: submit a job, find a job by its name, ask a job's
 * state, cancel jobs. {@link SlurmCommands} is Slurm's ({@code sbatch}, {@code squeue},
 * {@code sacct}, {@code scancel}); tests give a stand-in that plays a scheduler's faults.
 */
public interface Scheduler {

    /**
     * Submits a batch job.
     *
     * @return the scheduler's id of the job
     * @throws SchedulerException when the scheduler refused it or did not answer (the job may exist
     *     all the same: look for it by name before submitting again)
     */
    String submit(JobRequest request) throws SchedulerException;

    /** The ids of this user's jobs of this name that are still queued or running, oldest first. */
    List<String> active(String name) throws SchedulerException;

    /** What the scheduler says of a job; {@link JobStatus#VANISHED} when it knows no such job. */
    JobStatus status(String jobId) throws SchedulerException;

    /** Cancels jobs; an id of a job that has ended already is passed over. */
    void cancel(List<String> jobIds) throws SchedulerException;
}
