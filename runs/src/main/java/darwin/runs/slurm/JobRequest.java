package darwin.runs.slurm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One batch job to submit: its name, its script, where its output goes, and what it asks the
 * cluster for.
 *
 * @param name the job's name ({@code --job-name}), which the evaluation's key decides
 * @param script the batch script
 * @param output the file its standard output and error go to, appended to by every attempt
 * @param timeLimit its time limit ({@code --time}, rounded up to whole minutes)
 * @param cpus {@code --cpus-per-task}
 * @param memoryBytes {@code --mem} (in whole mebibytes, rounded up)
 * @param partition {@code --partition}, when given
 * @param account {@code --account}, when given
 * @param qos {@code --qos}, when given
 * @param gres {@code --gres}, when given
 * @param extraArgs more arguments, as they are, before the script
 */
public record JobRequest(String name, Path script, Path output, Duration timeLimit, int cpus, long memoryBytes,
        Optional<String> partition, Optional<String> account, Optional<String> qos, Optional<String> gres,
        List<String> extraArgs) {

    public JobRequest {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a job name is letters, digits, '.', '_' and '-', got " + name);
        }
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(output, "output");
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("a job's time limit must be positive, got " + timeLimit);
        }
        if (cpus < 1 || memoryBytes < 1) {
            throw new IllegalArgumentException("a job needs a CPU and some memory, got " + cpus + " and " + memoryBytes);
        }
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(gres, "gres");
        extraArgs = List.copyOf(extraArgs);
    }

    /** The arguments of {@code sbatch}, the script last: {@code --parsable --job-name=… … script}. */
    public List<String> sbatchArguments() {
        List<String> args = new ArrayList<>(List.of("--parsable", "--job-name=" + name, "--output=" + output,
                "--open-mode=append", "--time=" + minutes(timeLimit), "--nodes=1", "--ntasks=1",
                "--cpus-per-task=" + cpus, "--mem=" + Math.ceilDiv(memoryBytes, 1L << 20) + "M"));
        partition.ifPresent(p -> args.add("--partition=" + p));
        account.ifPresent(a -> args.add("--account=" + a));
        qos.ifPresent(q -> args.add("--qos=" + q));
        gres.ifPresent(g -> args.add("--gres=" + g));
        args.addAll(extraArgs);
        args.add(script.toString());
        return List.copyOf(args);
    }

    private static long minutes(Duration limit) {
        return Math.max(1, Math.ceilDiv(limit.toSeconds(), 60));
    }
}
