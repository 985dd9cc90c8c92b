package darwin.trainer.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A JVM stopped as Ctrl-C or kill stop it leaves no child behind, though its children run in sessions of their own. */
@Timeout(60)
class ShutdownTest {

    @Test
    void stoppingTheJvmKillsTheChildrenItStarted(@TempDir Path workspace) throws Exception {
        String token = Processes.token();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Starter.class.getName(),
                workspace.toString()).redirectErrorStream(true).redirectOutput(workspace.resolve("parent.log").toFile());
        builder.environment().put("SLEEP_TOKEN", token); // not on the parent's own command line
        Process parent = builder.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Processes.withToken(token).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(1, Processes.withToken(token).size(), "the child started: " + Files.readString(workspace.resolve(
                "parent.log")));
        Thread.sleep(300); // the runner registers the child the moment it has started it
        parent.destroy(); // SIGTERM, which runs the shutdown hooks as Ctrl-C's SIGINT does
        assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
        Processes.assertAllDead(workspace, List.of(), token);
    }

    /** Starts a long child without a sandbox and waits for it. */
    public static final class Starter {
        public static void main(String[] args) throws Exception {
            Path workspace = Files.createDirectories(Path.of(args[0]).resolve("child"));
            new ProcessRunner().run(ProcessSpec.of(List.of("sleep", System.getenv("SLEEP_TOKEN")), workspace,
                    Duration.ofSeconds(300))
                    .withSandbox(SandboxMode.NONE));
        }
    }
}
