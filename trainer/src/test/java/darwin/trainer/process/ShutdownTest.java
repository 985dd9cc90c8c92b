package darwin.trainer.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
        Path registered = workspace.resolve(Starter.REGISTERED);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(registered) && !Processes.withToken(token).isEmpty()) && parent.isAlive()
                && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(registered), "the runner registered the child: " + Files.readString(workspace.resolve(
                "parent.log")));
        assertEquals(1, Processes.withToken(token).size(), "the child started: " + Files.readString(workspace.resolve(
                "parent.log")));
        parent.destroy(); // SIGTERM, which runs the shutdown hooks as Ctrl-C's SIGINT does
        assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
        Processes.assertAllDead(workspace, List.of(), token);
    }

    /**
     * Starts a long child without a sandbox and waits for it; writes {@link #REGISTERED} once the
     * runner has registered the child for the shutdown hook, so that the test stops this JVM
     * neither before that nor after a guessed pause.
     */
    public static final class Starter {
        static final String REGISTERED = "registered";

        public static void main(String[] args) throws Exception {
            Path root = Path.of(args[0]);
            Path workspace = Files.createDirectories(root.resolve("child"));
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (LiveTrees.count() == 0) {
                        Thread.sleep(10);
                    }
                    Files.writeString(root.resolve(REGISTERED), "1");
                } catch (InterruptedException | IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            new ProcessRunner().run(ProcessSpec.of(List.of("sleep", System.getenv("SLEEP_TOKEN")), workspace,
                    Duration.ofSeconds(300))
                    .withSandbox(SandboxMode.NONE));
        }
    }
}
