package darwin.trainer.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** What the process tests look for after a run: the pids its scripts wrote, and a unique token in command lines. */
final class Processes {

    private Processes() {
    }

    /** A {@code sleep} argument (about 300 s) that no other process on the machine has on its command line. */
    static String token() {
        return "300." + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
    }

    /** Every pid in the given files is gone, and no process has the token on its command line. */
    static void assertAllDead(Path workspace, List<String> pidFiles, String token) throws IOException {
        for (String file : pidFiles) {
            long pid = Long.parseLong(Files.readString(workspace.resolve(file)).strip());
            assertFalse(ProcessHandle.of(pid).filter(Processes::running).isPresent(), file + ": pid " + pid + " lives");
        }
        assertEquals(List.of(), withToken(token), "processes with " + token + " live");
    }

    /**
     * Alive and not a zombie. A killed process whose parent died is re-parented to init and is a
     * zombie until init reaps it, which on some machines (a container whose init is not a
     * reaper) takes a while; {@link ProcessHandle#isAlive} still counts it.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false; // gone
        }
    }

    static List<String> withToken(String token) {
        return ProcessHandle.allProcesses()
                .filter(Processes::running)
                .map(handle -> handle.pid() + " " + handle.info().commandLine().orElse(""))
                .filter(line -> line.contains(token))
                .toList();
    }
}
