package darwin.trainer.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ProcessSpecTest {

    private static final Path WORKSPACE = Path.of("/tmp/darwin-spec-test");
    private static final ProcessSpec SPEC = ProcessSpec.of(List.of("true"), WORKSPACE, Duration.ofSeconds(1));

    @Test
    void defaultsKeepOutputInTheWorkspaceAndAMinimalEnvironment() {
        assertEquals(WORKSPACE.resolve("stdout.log"), SPEC.stdout());
        assertEquals(WORKSPACE.resolve("stderr.log"), SPEC.stderr());
        assertEquals(8 * 1024, SPEC.tailBytes());
        assertEquals(SandboxMode.AUTO, SPEC.sandbox());
        assertEquals(Map.of("PATH", ProcessSpec.DEFAULT_PATH, "HOME", WORKSPACE.toString(),
                "LANG", "C.UTF-8", "TMPDIR", "/tmp"), SPEC.environment());
    }

    @Test
    void rejectsWhatCannotBeRun() {
        assertThrows(IllegalArgumentException.class, () -> SPEC.withDeadline(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SPEC.withDeadline(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> SPEC.withTailBytes(-1));
        assertThrows(IllegalArgumentException.class, () -> SPEC.withSandbox(null));
        assertThrows(IllegalArgumentException.class, () -> SPEC.withOutput(SPEC.stdout(), SPEC.stdout()));
        assertThrows(IllegalArgumentException.class, () -> SPEC.withVariable("A=B", "c"));
        assertThrows(IllegalArgumentException.class, () -> SPEC.withVariable("A", "nul\0"));
        assertThrows(IllegalArgumentException.class, () -> SPEC.withVariable(ProcessRunner.MARKER, "x"));
        assertThrows(IllegalArgumentException.class, () -> ProcessSpec.of(List.of(), WORKSPACE, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> ProcessSpec.of(List.of(" "), WORKSPACE, Duration.ofSeconds(1)));
    }

    @Test
    void pathsAreMadeAbsolute() {
        ProcessSpec spec = ProcessSpec.of(List.of("true"), Path.of("relative/ws"), Duration.ofSeconds(1))
                .withReadOnlyPaths(List.of(Path.of("lib/../lib/a.jar")));
        assertTrue(spec.workspace().isAbsolute());
        assertEquals(List.of(Path.of("lib/a.jar").toAbsolutePath()), spec.readOnlyPaths());
    }

    @Test
    void anExitCodeBelongsOnlyToAProcessThatExited() {
        List<String> line = List.of("true");
        assertThrows(IllegalArgumentException.class, () -> new ProcessOutcome(line, false,
                ProcessOutcome.Ending.DEADLINE, OptionalInt.of(137), Duration.ZERO, "", ""));
        assertThrows(IllegalArgumentException.class, () -> new ProcessOutcome(line, false,
                ProcessOutcome.Ending.EXITED, OptionalInt.empty(), Duration.ZERO, "", ""));
    }

    @Test
    void theCommandLineIsQuotedAsAShellReadsIt() {
        assertEquals("sh -c 'echo '\\''hi'\\'' $HOME' ''", ProcessOutcome.shellQuoted(List.of("sh", "-c", "echo 'hi' $HOME", "")));
    }

    @Test
    void aTailCutInsideACharacterDropsTheFragment() {
        byte[] text = "é€x".getBytes(StandardCharsets.UTF_8); // 2 + 3 + 1 bytes
        assertEquals("€x", OutputText.decode(ByteBuffer.wrap(text, 1, text.length - 1)));
        assertEquals("x", OutputText.decode(ByteBuffer.wrap(text, 3, text.length - 3)));
        assertEquals("é\uFFFD", OutputText.decode(ByteBuffer.wrap(text, 0, 4)));
    }
}
