package darwin.trainer.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a child inside bubblewrap can and cannot reach; skipped where bubblewrap does not work. */
@Timeout(30)
class SandboxTest {

    private final ProcessRunner runner = new ProcessRunner();

    @TempDir
    Path workspace;

    @TempDir
    Path outside;

    @BeforeEach
    void sandboxWorks() {
        Assumptions.assumeTrue(runner.canSandbox(), "bubblewrap does not work on this machine");
    }

    private ProcessOutcome sandboxed(String script, Path... readOnly) throws ProcessLaunchException {
        ProcessOutcome outcome = runner.run(ProcessSpec.of(List.of("bash", "-c", script), workspace, Duration.ofSeconds(20))
                .withSandbox(SandboxMode.BUBBLEWRAP)
                .withReadOnlyPaths(List.of(readOnly)));
        assertTrue(outcome.sandboxed());
        return outcome;
    }

    @Test
    void theCommandLineShowsTheSandbox() throws Exception {
        ProcessOutcome outcome = sandboxed("true");
        assertEquals(OptionalInt.of(0), outcome.exitCode(), outcome.stderrTail());
        assertTrue(outcome.commandLine().containsAll(List.of("--unshare-net", "--unshare-pid", "--die-with-parent")),
                outcome.shellCommand());
    }

    @Test
    void noNetwork() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String connect = "echo hello > /dev/tcp/127.0.0.1/" + server.getLocalPort();
            ProcessOutcome plain = runner.run(ProcessSpec.of(List.of("bash", "-c", connect), workspace, Duration.ofSeconds(20))
                    .withSandbox(SandboxMode.NONE));
            assertEquals(OptionalInt.of(0), plain.exitCode(), "the port is open to a plain process: " + plain.stderrTail());

            ProcessOutcome outcome = sandboxed(connect);
            assertNotEquals(OptionalInt.of(0), outcome.exitCode());
            assertTrue(outcome.stderrTail().contains("Connection refused"), outcome.stderrTail());
        }
    }

    @Test
    void canWriteItsWorkspaceButNothingElse() throws Exception {
        ProcessOutcome outcome = sandboxed("echo inside > inside.txt; echo out > " + outside + "/escaped.txt");
        assertNotEquals(OptionalInt.of(0), outcome.exitCode());
        assertEquals("inside\n", Files.readString(workspace.resolve("inside.txt")));
        assertFalse(Files.exists(outside.resolve("escaped.txt")));
        assertTrue(outcome.stderrTail().contains("No such file or directory"), "absent from its view: " + outcome.stderrTail());
    }

    @Test
    void readOnlyPathsCanBeReadButNotWritten() throws Exception {
        Files.writeString(outside.resolve("library.txt"), "shared");
        ProcessOutcome outcome = sandboxed("cat " + outside + "/library.txt; echo x > " + outside + "/library.txt", outside);
        assertEquals("shared", outcome.stdoutTail());
        assertNotEquals(OptionalInt.of(0), outcome.exitCode());
        assertTrue(outcome.stderrTail().contains("Read-only file system"), outcome.stderrTail());
        assertEquals("shared", Files.readString(outside.resolve("library.txt")));
    }

    @Test
    void cannotReadWhatIsNotListed() throws Exception {
        Path secret = Files.writeString(outside.resolve("held-out.txt"), "the held-out data");
        ProcessOutcome outcome = sandboxed("cat " + secret + "; ls " + outside.getParent() + "; cat /work/README.md; ls /root");
        assertNotEquals(OptionalInt.of(0), outcome.exitCode());
        assertFalse(outcome.stdoutTail().contains("held-out"), outcome.stdoutTail());
        assertFalse(outcome.stdoutTail().contains(outside.getFileName().toString()), outcome.stdoutTail());
    }

    @Test
    void hasAPrivateTmp() throws Exception {
        String name = "darwin-sandbox-" + UUID.randomUUID();
        ProcessOutcome outcome = sandboxed("echo x > /tmp/" + name + " && test -f /tmp/" + name);
        assertEquals(OptionalInt.of(0), outcome.exitCode(), outcome.stderrTail());
        assertFalse(Files.exists(Path.of("/tmp", name)));
    }

    @Test
    void aChildJvmRunsFromTheListedJdkAndClassPath() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path classes = Path.of(SandboxProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessOutcome outcome = runner.run(ProcessSpec.of(
                        List.of(javaHome.resolve("bin/java").toString(), "-Xmx64m", "-cp", classes.toString(), SandboxProbe.class.getName()),
                        workspace, Duration.ofSeconds(20))
                .withSandbox(SandboxMode.BUBBLEWRAP)
                .withReadOnlyPaths(List.of(javaHome, classes)));
        assertEquals(OptionalInt.of(0), outcome.exitCode(), outcome.stderrTail());
        assertTrue(outcome.stdoutTail().startsWith("probe ran on "), outcome.stdoutTail());
    }

    @Test
    void theWholeTreeDiesAtTheDeadline() throws Exception {
        String token = Processes.token();
        String script = "sleep " + token + " & (setsid sleep " + token + " &); nohup sleep " + token + " >/dev/null 2>&1 & sleep " + token;
        ProcessOutcome outcome = runner.run(ProcessSpec.of(List.of("sh", "-c", script), workspace, Duration.ofSeconds(1))
                .withSandbox(SandboxMode.BUBBLEWRAP));
        assertTrue(outcome.timedOut());
        assertEquals(List.of(), Processes.withToken(token));
    }

    @Test
    void whatANormalExitLeavesBehindDies() throws Exception {
        String token = Processes.token();
        String script = "sleep " + token + " & (setsid sleep " + token + " &); sleep 0.2; exit 0";
        ProcessOutcome outcome = runner.run(ProcessSpec.of(List.of("sh", "-c", script), workspace, Duration.ofSeconds(20))
                .withSandbox(SandboxMode.BUBBLEWRAP));
        assertEquals(OptionalInt.of(0), outcome.exitCode(), outcome.stderrTail());
        assertEquals(List.of(), Processes.withToken(token));
    }
}
