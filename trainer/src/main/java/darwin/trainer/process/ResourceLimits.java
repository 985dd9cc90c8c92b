package darwin.trainer.process;

import java.util.Locale;

/**
 * What a child may take besides memory and time: each limit is enforced by the kernel where it
 * can be, and a breach is named in the {@link ProcessOutcome} ({@link LimitBreach}).
 *
 * <ul>
 *   <li>{@code tmpBytes}: the size of the sandbox's private {@code /tmp}, a tmpfs that lives in
 *       the host's memory ({@code bwrap --size}); writes past it fail with "No space left on
 *       device".
 *   <li>{@code diskBytes}: what the workspace and the output files may hold together. Each single
 *       file is cut there by the kernel ({@code RLIMIT_FSIZE}: a write past it fails with "File
 *       too large"); the total is watched by the runner, which stops the tree when it is over.
 *   <li>{@code tasks}: processes and threads alive at once in the child's tree, through a cgroup
 *       {@code pids} controller where one is writable here ({@link TaskGroup}).
 *   <li>{@code openFiles}: open file descriptors per process ({@code RLIMIT_NOFILE}); opening
 *       more fails with "Too many open files".
 * </ul>
 *
 * @param tmpBytes the private {@code /tmp}'s size in bytes
 * @param diskBytes the workspace's and the output files' bytes together, and each file's
 * @param tasks processes and threads at once
 * @param openFiles open file descriptors of each process
 */
public record ResourceLimits(long tmpBytes, long diskBytes, int tasks, int openFiles) {

    /** Room for a JVM with the engine's threads on a large machine, and for a large model's weights. */
    public static final ResourceLimits DEFAULTS = new ResourceLimits(256L << 20, 8L << 30, 4096, 4096);

    /** The fewest descriptors a JVM needs to start: its own jars, libraries and standard streams. */
    static final int MIN_OPEN_FILES = 64;
    /** The fewest tasks a JVM needs to start: its own service threads. */
    static final int MIN_TASKS = 32;

    public ResourceLimits {
        if (tmpBytes < 1 << 20) {
            throw new IllegalArgumentException("the private /tmp needs at least 1 MiB, got " + tmpBytes + " bytes");
        }
        if (diskBytes < 1 << 20) {
            throw new IllegalArgumentException("the workspace needs at least 1 MiB of disk, got " + diskBytes + " bytes");
        }
        if (tasks < MIN_TASKS) {
            throw new IllegalArgumentException("a child needs at least " + MIN_TASKS + " tasks, got " + tasks);
        }
        if (openFiles < MIN_OPEN_FILES) {
            throw new IllegalArgumentException("a child needs at least " + MIN_OPEN_FILES + " open files, got " + openFiles);
        }
    }

    public ResourceLimits withTmpBytes(long bytes) {
        return new ResourceLimits(bytes, diskBytes, tasks, openFiles);
    }

    public ResourceLimits withDiskBytes(long bytes) {
        return new ResourceLimits(tmpBytes, bytes, tasks, openFiles);
    }

    public ResourceLimits withTasks(int count) {
        return new ResourceLimits(tmpBytes, diskBytes, count, openFiles);
    }

    public ResourceLimits withOpenFiles(int count) {
        return new ResourceLimits(tmpBytes, diskBytes, tasks, count);
    }

    /** A byte count as people read it: {@code 256 MiB}, {@code 8 GiB}, {@code 1.5 GiB}. */
    static String bytes(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%d %s", (long) value, units[unit])
                : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
