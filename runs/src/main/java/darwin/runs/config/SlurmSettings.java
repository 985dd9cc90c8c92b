package darwin.runs.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How evaluations run as Slurm batch jobs, for {@code evaluation.executor: slurm}: one job per
 * evaluation, submitted with these resources and options.
 *
 * @param jobs the most evaluations queued or running on the cluster at once
 * @param partition {@code --partition}, or the cluster's default
 * @param account {@code --account}, or the user's default
 * @param qos {@code --qos}, or the default
 * @param gres {@code --gres} (such as {@code gpu:1}), or none
 * @param cpus {@code --cpus-per-task}
 * @param memory {@code --mem}
 * @param extraArgs more {@code sbatch} arguments, as they are
 * @param preamble shell lines the job runs before darwin (such as {@code module load java/21}), or none
 * @param shared the folder on a file system that the nodes share, where each job's files go
 * @param timeMargin what the job's {@code --time} adds to the evaluation's own time limit
 * @param attempts the most attempts at one evaluation whose jobs end without a result
 * @param poll how often a job's state is asked of the scheduler
 */
public record SlurmSettings(int jobs, Optional<String> partition, Optional<String> account, Optional<String> qos,
        Optional<String> gres, int cpus, Size memory, List<String> extraArgs, Optional<String> preamble, Path shared,
        Duration timeMargin, int attempts, Duration poll) {

    public SlurmSettings {
        Settings.SLURM_JOBS.check(jobs);
        for (Optional<String> option : List.of(partition, account, qos, gres)) {
            Objects.requireNonNull(option, "an sbatch option").ifPresent(Settings.SLURM_PARTITION::check);
        }
        Settings.SLURM_CPUS.check(cpus);
        Settings.SLURM_MEMORY.check(memory);
        extraArgs = List.copyOf(extraArgs);
        Settings.SLURM_EXTRA_ARGS.check(extraArgs);
        Objects.requireNonNull(preamble, "preamble").ifPresent(Settings.SLURM_PREAMBLE::check);
        Settings.SLURM_SHARED.check(shared);
        Settings.SLURM_TIME_MARGIN.check(timeMargin);
        Settings.SLURM_ATTEMPTS.check(attempts);
        Settings.SLURM_POLL.check(poll);
    }
}
