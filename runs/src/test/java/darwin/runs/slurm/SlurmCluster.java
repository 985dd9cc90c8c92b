package darwin.runs.slurm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A single-node Slurm cluster for the tests, started and stopped by {@code scripts/slurm-cluster.sh}
 * in a folder of its own; and darwin's command line run against it in processes of their own (so
 * that a test can kill one with SIGKILL).
 *
 * <p>Where Slurm cannot start (not installed, not root), the tests are skipped with the script's
 * reason, unless {@code DARWIN_REQUIRE_SLURM=1} (CI, which installs Slurm) says they must run.
 */
final class SlurmCluster implements AutoCloseable {

    private static final Path SCRIPT = Path.of("..", "scripts", "slurm-cluster.sh").toAbsolutePath().normalize();

    private final Path dir;
    private final Map<String, String> environment;

    private SlurmCluster(Path dir) {
        this.dir = dir;
        this.environment = Map.of("SLURM_CONF", dir.resolve("slurm.conf").toString());
    }

    /** Starts the cluster in {@code dir}, or skips the test saying why it cannot. */
    static SlurmCluster start(Path dir) throws Exception {
        Command started = command(dir, List.of("bash", SCRIPT.toString(), "start", dir.toString()), Map.of(), 120);
        if (started.exit() != 0) {
            String why = "Slurm cannot start on this machine, so the Slurm executor's tests are skipped: "
                    + started.output().strip() + " (they need root and the packages slurm-wlm and munge; .ci/run installs them)";
            if ("1".equals(System.getenv("DARWIN_REQUIRE_SLURM"))) {
                fail(why.replace("are skipped", "cannot run, and DARWIN_REQUIRE_SLURM=1 requires them"));
            }
            Assumptions.abort(why);
        }
        return new SlurmCluster(dir);
    }

    @Override
    public void close() throws Exception {
        command(dir, List.of("bash", SCRIPT.toString(), "stop", dir.toString()), Map.of(), 60);
    }

    /** What a command printed, and its exit status. */
    record Command(int exit, String output) {}

    /** Runs one of Slurm's commands against this cluster. */
    Command slurm(String... command) throws Exception {
        return command(dir, List.of(command), environment, 60);
    }

    /** The ids of the jobs in state {@code state} ({@code RUNNING}, …), oldest first. */
    List<String> jobs(String state) throws Exception {
        return slurm("squeue", "-h", "-t", state, "-o", "%i").output().lines().map(String::strip)
                .filter(line -> line.matches("[0-9]+")).toList();
    }

    /** The lines of the cluster's job completion log, one per job that ended (and per requeue). */
    List<String> completions() throws IOException {
        Path log = dir.resolve("log").resolve("jobcomp.txt");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    /** Starts {@code darwin ARGS} in a JVM of its own against this cluster, its output going to {@code log}. */
    Process darwin(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "darwin.runs.Darwin"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Command command(Path dir, List<String> command, Map<String, String> environment, long seconds)
            throws Exception {
        Files.createDirectories(dir);
        Path output = Files.createTempFile(dir, "command-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Command(124, String.join(" ", command) + " did not end within " + seconds + " s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return new Command(process.exitValue(), text);
    }
}
