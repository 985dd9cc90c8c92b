package darwin.runs.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.RunState;
import darwin.memory.ledger.ClusterJob;
import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.JobFinished;
import darwin.memory.ledger.JobRerun;
import darwin.memory.ledger.JobSubmitted;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LedgerEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * darwin on a real Slurm: a single-node cluster on this machine, runs of two agents with a budget
 * of two steps. The same run on Slurm ends as on local slots; a job requeued or cancelled mid-way
 * runs again and both attempts are in the ledger; a loop killed with SIGKILL while its jobs run is
 * resumed without submitting any evaluation twice.
 */
@Timeout(900)
class SlurmClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_LIMIT = Duration.ofMinutes(8);

    @TempDir
    static Path tmp;

    private static SlurmCluster cluster;
    private static Path config;

    @BeforeAll
    static void startTheCluster() throws Exception {
        cluster = SlurmCluster.start(tmp.resolve("cluster"));
        // as few evaluations as a run can have, each on one core, two jobs at once on two cores; chosen
        // by the held-out loss alone, which a step budget makes the same in every run (MFU is wall time)
        config = Files.writeString(tmp.resolve("darwin.yaml"), """
                population:
                  selection: weighted
                  weights:
                    mfu: 0
                fitness:
                  noise-floor: 1
                  race-cap: 1
                evaluation:
                  threads: 1
                  slurm:
                    jobs: 2
                    cpus: 1
                    memory: 1g
                    poll: 500ms
                """);
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String[] run(Path out, int generations, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--config", config.toString(), "--out", out.toString(),
                "--population", "2", "--generations", Integer.toString(generations), "--steps", "2", "--seed", "3",
                "--no-confirm"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Runs darwin to its end and returns what it printed, after checking that it ended well. */
    private static String finish(Process process, Path log) throws Exception {
        boolean ended = process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "darwin did not end within " + RUN_LIMIT + ":\n" + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** The held-out loss of every variant the run measured, by variant. */
    private static Map<String, Double> losses(Path run) {
        return LedgerEvents.of(Ledger.read(run.resolve("ledger.jsonl")), Evaluated.class).stream()
                .filter(e -> e.metrics() != null)
                .collect(Collectors.toMap(Evaluated::variant, e -> e.metrics().valLoss(), (a, b) -> a, java.util.TreeMap::new));
    }

    private static List<ClusterJob> jobEvents(Path run) {
        return LedgerEvents.of(Ledger.read(run.resolve("ledger.jsonl")), ClusterJob.class);
    }

    /** Waits until the cluster runs a job that {@code wanted} accepts, and returns its id. */
    private static String awaitRunning(Process darwin, Path log, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(darwin.isAlive(), () -> "darwin ended before a job ran: " + read(log));
            for (String id : cluster.jobs("RUNNING")) {
                if (wanted.test(id)) {
                    return id;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no job ran within 4 minutes: " + read(log));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void aRunOnSlurmEndsInTheSamePopulationAsOnLocalSlots() throws Exception {
        Path local = tmp.resolve("local");
        Path slurm = tmp.resolve("slurm");
        finish(cluster.darwin(tmp.resolve("local.log"), run(local, 2)), tmp.resolve("local.log"));
        String output = finish(cluster.darwin(tmp.resolve("slurm.log"), run(slurm, 2, "--executor", "slurm")),
                tmp.resolve("slurm.log"));
        assertTrue(output.contains("submitted job"), output);
        RunState onLocal = RunState.load(local.resolve("run.json"), JSON);
        RunState onSlurm = RunState.load(slurm.resolve("run.json"), JSON);
        assertEquals(2, onSlurm.generation());
        assertEquals(losses(local), losses(slurm), "the same evaluations measure the same held-out losses");
        assertEquals(onLocal.members(), onSlurm.members());
        List<ClusterJob> jobs = jobEvents(slurm);
        assertTrue(jobEvents(local).isEmpty());
        assertEquals(jobs.stream().filter(JobSubmitted.class::isInstance).count(),
                jobs.stream().filter(JobFinished.class::isInstance).count(), jobs.toString());
    }

    @Test
    void aJobRequeuedOrCancelledMidwayRunsAgainAndTheLedgerShowsBothAttempts() throws Exception {
        Path dir = tmp.resolve("faults");
        Path log = tmp.resolve("faults.log");
        Process darwin = cluster.darwin(log, run(dir, 1, "--executor", "slurm"));
        String requeued = awaitRunning(darwin, log, id -> true);
        // Slurm holds a requeued job back for its credentials' lifetime (10 s on the test cluster)
        assertEquals(0, cluster.slurm("scontrol", "requeue", requeued).exit());
        String cancelled = awaitRunning(darwin, log, id -> Long.parseLong(id) > Long.parseLong(requeued));
        assertEquals(0, cluster.slurm("scancel", cancelled).exit());
        finish(darwin, log);

        List<ClusterJob> jobs = jobEvents(dir);
        assertTrue(jobs.contains(new JobRerun(jobs.stream().filter(j -> j.jobId().equals(requeued)).findFirst()
                .orElseThrow().job(), requeued, 1, "REQUEUED")), jobs.toString());
        assertTrue(jobs.stream().anyMatch(j -> j instanceof JobSubmitted s && s.jobId().equals(requeued) && s.attempt() == 2),
                jobs.toString());
        JobRerun stopped = jobs.stream().filter(j -> j instanceof JobRerun r && r.jobId().equals(cancelled))
                .map(JobRerun.class::cast).findFirst().orElseThrow(() -> new AssertionError(jobs.toString()));
        assertEquals("CANCELLED", stopped.state());
        assertTrue(jobs.stream().anyMatch(j -> j instanceof JobFinished f && f.job().equals(stopped.job()) && f.attempt() == 2
                && !f.jobId().equals(cancelled) && f.status().equals("OK")), jobs.toString());
    }

    @Test
    void aLoopKilledWhileItsJobsRunIsResumedWithoutSubmittingAnyEvaluationTwice() throws Exception {
        Path dir = tmp.resolve("killed");
        Path log = tmp.resolve("killed.log");
        Process darwin = cluster.darwin(log, run(dir, 1, "--executor", "slurm"));
        // a job of the first generation's, once the run has begun (the seed is measured before)
        String running = awaitRunning(darwin, log, id -> Files.exists(dir.resolve("run.json")));
        darwin.destroyForcibly(); // SIGKILL: no shutdown hook cancels the job
        darwin.waitFor(30, TimeUnit.SECONDS);
        assertTrue(cluster.jobs("PENDING,RUNNING,COMPLETING,COMPLETED").contains(running), "the job runs on without its loop");

        Path resumedLog = tmp.resolve("resumed.log");
        String resumed = finish(cluster.darwin(resumedLog, "resume", dir.toString()), resumedLog);
        List<ClusterJob> jobs = jobEvents(dir);
        // the resumed loop took the killed loop's job: re-attached to it, or read what it wrote
        assertTrue(jobs.stream().anyMatch(j -> j instanceof JobFinished f && f.jobId().equals(running) && f.attempt() == 1),
                jobs + "\n" + resumed);
        Map<String, Set<String>> idsByName = jobs.stream().collect(Collectors.groupingBy(ClusterJob::job,
                Collectors.mapping(ClusterJob::jobId, Collectors.toSet())));
        idsByName.forEach((name, ids) -> assertEquals(1, ids.size(), name + " was submitted more than once: " + jobs));
        // and the cluster agrees: every job of this run's names ran once
        for (String name : idsByName.keySet()) {
            long ran = cluster.completions().stream().filter(line -> line.contains("Name=" + name + " ")).count();
            assertEquals(1, ran, name + " in the cluster's completion log");
        }
        assertTrue(RunState.load(dir.resolve("run.json"), JSON).generation() == 1);
    }
}
