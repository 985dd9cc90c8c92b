package darwin.trainer.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import darwin.trainer.process.ProcessOutcome.Ending;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner without a sandbox: output, environment, deadline, interrupt and clean-up. */
@Timeout(30)
class ProcessRunnerTest {

    private final ProcessRunner runner = new ProcessRunner();

    @TempDir
    Path workspace;

    private ProcessSpec shell(String script, Duration deadline) {
        return ProcessSpec.of(List.of("sh", "-c", script), workspace, deadline).withSandbox(SandboxMode.NONE);
    }

    @Test
    void aNormalCommandReportsItsExitCodeAndTheTailsOfItsOutput() throws Exception {
        String script = "i=0; while [ $i -lt 3000 ]; do echo line$i; i=$((i+1)); done; echo oops >&2; exit 7";
        ProcessOutcome outcome = runner.run(shell(script, Duration.ofSeconds(20)).withTailBytes(100));

        assertEquals(Ending.EXITED, outcome.ending());
        assertEquals(OptionalInt.of(7), outcome.exitCode());
        assertFalse(outcome.timedOut());
        assertFalse(outcome.sandboxed());
        assertEquals("oops\n", outcome.stderrTail());
        assertTrue(outcome.stdoutTail().startsWith("line0\nline1\n"), outcome.stdoutTail());
        assertTrue(outcome.stdoutTail().endsWith("line2998\nline2999\n"), outcome.stdoutTail());
        String cut = OutputText.cut(Files.size(workspace.resolve("stdout.log")) - 100);
        assertTrue(outcome.stdoutTail().contains(cut), outcome.stdoutTail());
        assertEquals(100 + cut.length(), outcome.stdoutTail().getBytes(StandardCharsets.UTF_8).length);
        assertTrue(Files.size(workspace.resolve("stdout.log")) > 20_000, "the file keeps everything");
        assertEquals(List.of("sh", "-c", script), outcome.commandLine().subList(outcome.commandLine().size() - 3,
                outcome.commandLine().size()));
        assertTrue(outcome.commandLine().stream().anyMatch(argument -> argument.endsWith("setsid")), outcome.shellCommand());
    }

    @Test
    void theChildGetsOnlyTheEnvironmentItIsGiven() throws Exception {
        ProcessSpec spec = ProcessSpec.of(List.of("env"), workspace, Duration.ofSeconds(20))
                .withSandbox(SandboxMode.NONE)
                .withVariable("DARWIN_TEST_GIVEN", "arrives");
        ProcessOutcome outcome = runner.run(spec);

        Map<String, String> seen = new HashMap<>();
        outcome.stdoutTail().lines().forEach(line -> seen.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        assertEquals("arrives", seen.get("DARWIN_TEST_GIVEN"));
        assertEquals(workspace.toString(), seen.get("HOME"));
        assertEquals(ProcessSpec.DEFAULT_PATH, seen.get("PATH"));
        Map<String, String> expected = new HashMap<>(spec.environment());
        expected.put(ProcessRunner.MARKER, seen.get(ProcessRunner.MARKER));
        assertEquals(expected, seen, "nothing of the test JVM's environment leaks");
        for (String name : System.getenv().keySet()) {
            if (!spec.environment().containsKey(name)) {
                assertFalse(seen.containsKey(name), name + " was inherited");
            }
        }
    }

    @Test
    void aChildStillRunningAtTheDeadlineIsKilled() throws Exception {
        long start = System.nanoTime();
        ProcessOutcome outcome = runner.run(ProcessSpec.of(List.of("sleep", "60"), workspace, Duration.ofSeconds(1))
                .withSandbox(SandboxMode.NONE));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(outcome.timedOut());
        assertEquals(OptionalInt.empty(), outcome.exitCode());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "returned after " + took);
        assertTrue(outcome.wallTime().compareTo(Duration.ofMillis(900)) > 0, "ran " + outcome.wallTime());
    }

    @Test
    void backgroundAndDoubleForkedProcessesDieAtTheDeadline() throws Exception {
        String token = Processes.token();
        String script = "sleep " + token + " & echo $! > background.pid; "
                + "(setsid sh -c 'echo $$ > daemon.pid; exec sleep " + token + "' &); "
                + "nohup sleep " + token + " >/dev/null 2>&1 & echo $! > nohup.pid; "
                + "sleep " + token;
        ProcessOutcome outcome = runner.run(shell(script, Duration.ofSeconds(2)));

        assertTrue(outcome.timedOut());
        Processes.assertAllDead(workspace, List.of("background.pid", "daemon.pid", "nohup.pid"), token);
    }

    @Test
    void processesLeftBehindByANormalExitAreKilled() throws Exception {
        String token = Processes.token();
        String script = "sleep " + token + " & echo $! > background.pid; "
                + "(setsid sh -c 'echo $$ > daemon.pid; exec sleep " + token + "' &); "
                + "nohup sleep " + token + " >/dev/null 2>&1 & echo $! > nohup.pid; "
                + "while [ ! -s daemon.pid ]; do sleep 0.05; done; exit 3";
        ProcessOutcome outcome = runner.run(shell(script, Duration.ofSeconds(20)));

        assertEquals(OptionalInt.of(3), outcome.exitCode());
        Processes.assertAllDead(workspace, List.of("background.pid", "daemon.pid", "nohup.pid"), token);
    }

    @Test
    void aGroupMemberThatLeftTheTreeAndItsEnvironmentIsKilled() throws Exception {
        // re-parented to init once its subshell exits, and without the marker variable: only its
        // process group still ties it to the child (the group kill, or the scan of /proc for members)
        String token = Processes.token();
        String script = "(env -i sleep " + token + " & echo $! > orphan.pid); "
                + "while [ ! -s orphan.pid ]; do sleep 0.05; done; exit 0";
        ProcessOutcome outcome = runner.run(shell(script, Duration.ofSeconds(20)));

        assertEquals(OptionalInt.of(0), outcome.exitCode());
        Processes.assertAllDead(workspace, List.of("orphan.pid"), token);
    }

    @Test
    void aChildWhoseWorkIsDoneIsStoppedWithAllItStarted() throws Exception {
        String token = Processes.token();
        String script = "sleep " + token + " & echo $! > background.pid; "
                + "(setsid sh -c 'echo $$ > daemon.pid; exec sleep " + token + "' &); "
                + "while [ ! -s daemon.pid ]; do sleep 0.05; done; echo result; touch done; sleep " + token;
        ProcessOutcome outcome = runner.run(shell(script, Duration.ofSeconds(25)),
                () -> Files.exists(workspace.resolve("done")));

        assertEquals(Ending.FINISHED, outcome.ending());
        assertEquals(OptionalInt.empty(), outcome.exitCode(), "the runner stopped it: its exit code means nothing");
        assertFalse(outcome.timedOut());
        assertEquals("result\n", outcome.stdoutTail());
        Processes.assertAllDead(workspace, List.of("background.pid", "daemon.pid"), token);
    }

    @Test
    void aChildThatEndsBeforeItsWorkIsDoneHasExited() throws Exception {
        AtomicBoolean asked = new AtomicBoolean();
        ProcessOutcome outcome = runner.run(shell("sleep 0.2; exit 5", Duration.ofSeconds(20)), () -> {
            asked.set(true);
            return false;
        });

        assertEquals(Ending.EXITED, outcome.ending());
        assertEquals(OptionalInt.of(5), outcome.exitCode());
        assertTrue(asked.get(), "the test was asked while the child ran");
    }

    @Test
    void aTestThatFailsLeavesTheChildWatched() throws Exception {
        ProcessOutcome outcome = runner.run(shell("sleep 0.2; exit 4", Duration.ofSeconds(20)), () -> {
            throw new IllegalStateException("broken test");
        });

        assertEquals(Ending.EXITED, outcome.ending());
        assertEquals(OptionalInt.of(4), outcome.exitCode());
    }

    @Test
    void anErrorInTheTestStillKillsTheTree() throws Exception {
        String token = Processes.token();
        ProcessOutcome outcome = runner.run(shell("sleep " + token + " & echo $! > background.pid; sleep " + token,
                Duration.ofSeconds(20)), () -> {
                    if (Files.exists(workspace.resolve("background.pid"))) {
                        throw new OutOfMemoryError("GC overhead limit exceeded");
                    }
                    return false;
                });

        assertEquals(Ending.UNWATCHABLE, outcome.ending());
        assertTrue(outcome.wallTime().compareTo(Duration.ofSeconds(10)) < 0, "ran " + outcome.wallTime());
        Processes.assertAllDead(workspace, List.of("background.pid"), token);
    }

    @Test
    void aChildThatWritesMoreThanItsDiskIsStopped() throws Exception {
        long limit = 4L << 20;
        ProcessOutcome outcome = runner.run(shell("i=0; while [ $i -lt 64 ]; do head -c 1048576 /dev/zero > part$i; i=$((i+1)); done;"
                + " sleep 20", Duration.ofSeconds(20)).withLimits(ResourceLimits.DEFAULTS.withDiskBytes(limit)));

        assertEquals(Ending.LIMIT, outcome.ending());
        assertEquals(LimitBreach.Limit.DISK, outcome.breaches().getFirst().limit());
        assertTrue(outcome.breaches().getFirst().description().contains("the disk limit is 4 MiB"), outcome.breaches().toString());
    }

    @Test
    void noSingleFileGrowsPastTheDiskLimit() throws Exception {
        ProcessOutcome outcome = runner.run(shell("head -c 3000000 /dev/zero > big; ls -l big", Duration.ofSeconds(20))
                .withLimits(ResourceLimits.DEFAULTS.withDiskBytes(2L << 20)));

        assertEquals(2L << 20, Files.size(workspace.resolve("big")));
        assertEquals(LimitBreach.Limit.DISK, outcome.breaches().getFirst().limit(), outcome.toString());
    }

    @Test
    void openFilesAreLimited() throws Exception {
        ProcessOutcome outcome = runner.run(shell("ulimit -n; ulimit -Hn; ulimit -n 100000 || echo refused",
                Duration.ofSeconds(20)).withLimits(ResourceLimits.DEFAULTS.withOpenFiles(100)));

        assertTrue(outcome.stdoutTail().startsWith("100\n100\n"), outcome.stdoutTail());
    }

    @Test
    void aForkBombMeetsTheTaskLimit() throws Exception {
        assumeTrue(TaskGroup.whyUnavailable().isEmpty(), () -> TaskGroup.whyUnavailable().get());
        // at most 300 sleeps, whether the limit holds or not
        ProcessOutcome outcome = runner.run(shell("i=0; while [ $i -lt 300 ]; do sleep 30 & i=$((i+1)); done; wait",
                Duration.ofSeconds(5)).withLimits(ResourceLimits.DEFAULTS.withTasks(64)));

        assertEquals(LimitBreach.Limit.TASKS, outcome.breaches().getFirst().limit(), outcome.toString());
        assertTrue(outcome.breaches().getFirst().description().contains("more than 64 processes and threads"),
                outcome.breaches().toString());
    }

    @Test
    void aChildStillWorkingAtTheDeadlineIsKilledEvenWithATest() throws Exception {
        ProcessOutcome outcome = runner.run(ProcessSpec.of(List.of("sleep", "60"), workspace, Duration.ofSeconds(1))
                .withSandbox(SandboxMode.NONE), () -> false);

        assertEquals(Ending.DEADLINE, outcome.ending());
        assertTrue(outcome.wallTime().compareTo(Duration.ofMillis(900)) > 0, "ran " + outcome.wallTime());
    }

    @Test
    void anInterruptKillsTheTreeAndKeepsTheFlag() throws Exception {
        String token = Processes.token();
        ProcessSpec spec = shell("sleep " + token + " & echo $! > background.pid; sleep " + token, Duration.ofSeconds(60));
        AtomicReference<ProcessOutcome> outcome = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                outcome.set(runner.run(spec));
                flagKept.set(Thread.currentThread().isInterrupted());
            } catch (ProcessLaunchException e) {
                throw new AssertionError(e);
            }
        });
        waiter.start();
        while (!Files.exists(workspace.resolve("background.pid")) || Files.size(workspace.resolve("background.pid")) == 0) {
            Thread.sleep(20);
        }
        long start = System.nanoTime();
        waiter.interrupt();
        waiter.join(10_000);

        assertFalse(waiter.isAlive());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        assertEquals(Ending.INTERRUPTED, outcome.get().ending());
        assertTrue(flagKept.get(), "the interrupt flag is set again");
        Processes.assertAllDead(workspace, List.of("background.pid"), token);
    }

    @Test
    void anInterruptedCallerStartsNothing() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(ProcessLaunchException.class, () -> runner.run(shell("echo started > started", Duration.ofSeconds(5))));
            assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set");
        } finally {
            Thread.interrupted();
        }
        assertFalse(Files.exists(workspace.resolve("started")));
    }

    @Test
    void theTailIsReadFromTheFileTheRunnerCreatedNotWhereItsNameLeadsLater(@TempDir Path elsewhere) throws Exception {
        Path secret = Files.writeString(elsewhere.resolve("secret"), "the held-out data");
        ProcessOutcome outcome = runner.run(shell("echo mine; rm stdout.log; ln -s " + secret + " stdout.log", Duration.ofSeconds(20)));

        assertEquals(OptionalInt.of(0), outcome.exitCode());
        assertEquals("mine\n", outcome.stdoutTail());
    }

    @Test
    void whatCannotStartIsALaunchException(@TempDir Path elsewhere) {
        assertThrows(ProcessLaunchException.class, () -> runner.run(
                ProcessSpec.of(List.of("no-such-program-here"), workspace, Duration.ofSeconds(5)).withSandbox(SandboxMode.NONE)));
        assertThrows(ProcessLaunchException.class, () -> runner.run(
                ProcessSpec.of(List.of("true"), elsewhere.resolve("missing"), Duration.ofSeconds(5)).withSandbox(SandboxMode.NONE)));
    }

    @Test
    void aRequiredSandboxThatDoesNotWorkFailsClearly() throws Exception {
        ProcessRunner without = new ProcessRunner(new Bubblewrap(Path.of("/nonexistent/bwrap")));
        ProcessSpec spec = ProcessSpec.of(List.of("true"), workspace, Duration.ofSeconds(5));

        ProcessLaunchException e = assertThrows(ProcessLaunchException.class,
                () -> without.run(spec.withSandbox(SandboxMode.BUBBLEWRAP)));
        assertTrue(e.getMessage().contains("bubblewrap") && e.getMessage().contains("/nonexistent/bwrap"), e.getMessage());
        assertFalse(without.canSandbox());

        ProcessOutcome auto = without.run(spec.withSandbox(SandboxMode.AUTO));
        assertFalse(auto.sandboxed(), "AUTO falls back to a plain process and says so");
        assertEquals(OptionalInt.of(0), auto.exitCode());

        ProcessLaunchException none = assertThrows(ProcessLaunchException.class,
                () -> new ProcessRunner(new Bubblewrap(null)).run(spec.withSandbox(SandboxMode.BUBBLEWRAP)));
        assertTrue(none.getMessage().contains("not on the PATH"), none.getMessage());
    }
}
