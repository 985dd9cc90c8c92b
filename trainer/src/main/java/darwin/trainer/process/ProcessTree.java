package darwin.trainer.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Everything a child started, and how to kill it.
 *
 * <p>The child is started through {@code setsid}, so it leads a new session and process group
 * whose id is its own pid. A process group id is the pid of the process that made the group, and
 * the kernel does not hand that pid out again while the group has members, so signalling the
 * group {@code -pid} reaches only what the child started, even after the child itself is gone.
 *
 * <p>Three nets, cast together and repeated until they come back empty:
 *
 * <ul>
 *   <li>the process group, killed at once with {@code kill -KILL -- -pgid} (background jobs,
 *       {@code nohup});
 *   <li>the child's descendants, as {@link ProcessHandle} sees them (a grandchild that made a
 *       group of its own but still has its parent);
 *   <li>every process whose environment carries the run's marker (a daemon that double-forked
 *       into a new session and was re-parented to init).
 * </ul>
 *
 * A process that both left the session and cleared its environment escapes the last net; inside
 * bubblewrap it cannot, since the sandbox's pid namespace dies with it.
 */
final class ProcessTree {

    private static final System.Logger LOG = System.getLogger(ProcessTree.class.getName());
    private static final Path PROC = Path.of("/proc");
    /** How long to keep killing: a child with a large heap can take a while to die. */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long FIRST_PAUSE_MS = 10;
    private static final long LONGEST_PAUSE_MS = 200;

    private final Process root;
    private final String marker;

    /** @param marker {@code NAME=value} as it appears in {@code /proc/<pid>/environ} */
    ProcessTree(Process root, String marker) {
        this.root = root;
        this.marker = marker;
    }

    /**
     * Kills the child and all it left behind, and waits (boundedly) until none of it runs. An
     * interrupt does not cut this short; the thread's interrupt flag is kept for the caller.
     *
     * @return whether nothing was found alive at the end
     */
    boolean kill() {
        boolean interrupted = Thread.interrupted();
        try {
            long pgid = root.pid();
            long giveUp = System.nanoTime() + PATIENCE_NANOS;
            boolean first = true;
            for (long pause = FIRST_PAUSE_MS; System.nanoTime() - giveUp < 0; pause = Math.min(2 * pause, LONGEST_PAUSE_MS)) {
                List<ProcessHandle> found = new ArrayList<>();
                root.descendants().forEach(found::add); // before the kill re-parents them
                boolean rootAlive = root.isAlive();
                if (rootAlive) {
                    found.add(root.toHandle());
                }
                // a live child and its descendants are killed at once; the group kill and the scan
                // of /proc for what left the tree (tens of milliseconds together) wait for the next round
                boolean quick = first && rootAlive;
                if (!quick) {
                    found.addAll(members(pgid));
                }
                first = false;
                if (found.isEmpty()) {
                    return true;
                }
                if (!quick) {
                    interrupted |= killGroup(pgid);
                }
                found.forEach(ProcessHandle::destroyForcibly);
                interrupted |= pause(pause);
            }
            LOG.log(System.Logger.Level.WARNING, "processes of group {0} survived SIGKILL for {1} s",
                    Long.toString(pgid), TimeUnit.NANOSECONDS.toSeconds(PATIENCE_NANOS));
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The live processes of the group or carrying the marker (zombies are dead and left out). */
    private List<ProcessHandle> members(long pgid) {
        List<ProcessHandle> members = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (var entries = Files.list(PROC)) {
            entries.map(path -> path.getFileName().toString())
                    .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(pid -> pid != self)
                    .forEach(pid -> {
                        // take the handle first: it pins the start time, so a recycled pid is not killed
                        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                        if (handle.isPresent() && (inGroup(pid, pgid) || carriesMarker(pid))) {
                            members.add(handle.get());
                        }
                    });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list /proc: {0}", e.toString());
        }
        return members;
    }

    private static boolean inGroup(long pid, long pgid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1);
            // pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses, so parse after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return !"Z".equals(fields[0]) && Long.parseLong(fields[2]) == pgid;
        } catch (IOException | RuntimeException e) {
            return false; // gone, or not ours to read
        }
    }

    private boolean carriesMarker(long pid) {
        try {
            byte[] environ = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
            String text = new String(environ, StandardCharsets.ISO_8859_1);
            for (String entry : text.split("\0")) {
                if (entry.equals(marker)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // gone, or not ours to read
        }
    }

    /** Sends SIGKILL to the whole group at once; returns whether the thread was interrupted meanwhile. */
    private static boolean killGroup(long pgid) {
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s KILL -- \"-$1\" 2>/dev/null", "kill", Long.toString(pgid))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return awaitUninterruptibly(kill);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot run kill for group {0}: {1}", Long.toString(pgid), e.toString());
            return false;
        }
    }

    private static boolean awaitUninterruptibly(Process kill) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                if (!kill.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    kill.destroyForcibly();
                }
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
