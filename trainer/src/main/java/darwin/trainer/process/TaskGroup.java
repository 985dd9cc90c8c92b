package darwin.trainer.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A cgroup of one child's tree whose {@code pids} controller caps the processes and threads alive
 * in it at once, and which counts the forks it refused.
 *
 * <p>Why a cgroup: {@code RLIMIT_NPROC} counts every process of the user, not of the tree (a limit
 * low enough to stop a fork bomb would stop the user's own shell), and the kernel does not apply
 * it to root at all. A {@code pids} controller counts the tree alone, holds for root, and its
 * {@code pids.events} says whether a fork was refused. It needs a writable controller: the cgroup
 * v2 hierarchy where the controller is enabled for the children of this process's cgroup or of an
 * ancestor, or the v1 {@code pids} hierarchy. Where there is none (a non-root user without a
 * delegated cgroup), {@link #create} says so and the tree has no task limit; the address-space
 * limit still bounds a JVM's threads (each stack counts against it).
 *
 * <p>The child joins the group before anything of it runs: the runner starts it through a shell
 * that writes its own pid to {@code cgroup.procs} and then executes the command, so every process
 * and thread it makes is born inside. A sandboxed child cannot leave: it sees no {@code /sys} and
 * has no capabilities. The group is removed once the tree is dead.
 */
final class TaskGroup implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TaskGroup.class.getName());
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final Path OWN_CGROUPS = Path.of("/proc/self/cgroup");

    private final Path dir;
    private final int tasks;

    private TaskGroup(Path dir, int tasks) {
        this.dir = dir;
        this.tasks = tasks;
    }

    /** Where groups are made on this machine, found once: a folder whose new subfolders get a {@code pids.max}. */
    private static final class Parent {
        static final Optional<Path> DIR = find();
        static final String WHY_NOT = DIR.isPresent() ? "" : "no writable cgroup pids controller here";
    }

    /**
     * A new group that lets at most {@code tasks} live at once, or empty (logged once) where this
     * machine has no writable {@code pids} controller.
     */
    static Optional<TaskGroup> create(int tasks) {
        if (Parent.DIR.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Parent.DIR.get().resolve("darwin-" + UUID.randomUUID());
        try {
            Files.createDirectory(dir);
            Files.writeString(dir.resolve("pids.max"), Integer.toString(tasks));
            return Optional.of(new TaskGroup(dir, tasks));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot make a task group in {0}: {1}", Parent.DIR.get(), e.toString());
            remove(dir);
            return Optional.empty();
        }
    }

    /** Why {@link #create} gives none here, or empty when it does. */
    static Optional<String> whyUnavailable() {
        return Parent.WHY_NOT.isEmpty() ? Optional.empty() : Optional.of(Parent.WHY_NOT);
    }

    /**
     * The arguments that make the command that follows them join this group before it runs. The
     * shell exports a {@code PWD} of its own; it is dropped unless the child's environment has one.
     */
    List<String> joinPrefix(boolean keepPwd) {
        return List.of("/bin/sh", "-c", "echo $$ > \"$0/cgroup.procs\" || exit 125; " + (keepPwd ? "" : "unset PWD; ")
                + "exec \"$@\"", dir.toString());
    }

    /** The breach, when the kernel refused a fork or a thread of the tree because of the limit. */
    Optional<LimitBreach> breach() {
        try {
            for (String line : Files.readAllLines(dir.resolve("pids.events"), StandardCharsets.US_ASCII)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length == 2 && fields[0].equals("max") && Long.parseLong(fields[1]) > 0) {
                    return Optional.of(new LimitBreach(LimitBreach.Limit.TASKS, "tried to run more than " + tasks
                            + " processes and threads at once (the task limit); the kernel refused " + fields[1]
                            + " of its forks and threads"));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read {0}: {1}", dir.resolve("pids.events"), e.toString());
        }
        return Optional.empty();
    }

    /** Removes the group; call once its tree is dead (a group with members cannot be removed). */
    @Override
    public void close() {
        remove(dir);
    }

    private static void remove(Path dir) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Files.deleteIfExists(dir); // rmdir: a cgroup's control files go with it
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(10); // a killed task can take a moment to leave
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        LOG.log(System.Logger.Level.WARNING, "cannot remove the task group {0}", dir);
    }

    /** The folder new groups go in: cgroup v2 where {@code pids} is delegated, else the v1 {@code pids} hierarchy. */
    private static Optional<Path> find() {
        try {
            List<String> mounts = Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8);
            List<String> own = Files.readAllLines(OWN_CGROUPS, StandardCharsets.UTF_8);
            Optional<Path> found = unified(mounts, own).or(() -> legacy(mounts, own));
            found.ifPresentOrElse(dir -> LOG.log(System.Logger.Level.DEBUG, "task groups go in {0}", dir),
                    () -> LOG.log(System.Logger.Level.INFO, "no writable cgroup pids controller: children have no task limit"));
            return found;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "cannot read the cgroups of this process: {0}", e.toString());
            return Optional.empty();
        }
    }

    /** The nearest cgroup v2 folder, from this process's own upwards, whose children get a pids controller. */
    private static Optional<Path> unified(List<String> mounts, List<String> own) {
        Optional<Path> mount = mountPoint(mounts, "cgroup2", null);
        Optional<String> path = own.stream().filter(line -> line.startsWith("0::")).map(line -> line.substring(3)).findFirst();
        if (mount.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        for (Path dir = mount.get().resolve(path.get().replaceFirst("^/", "")).normalize(); dir.startsWith(mount.get());
                dir = dir.getParent()) {
            if (controls(dir.resolve("cgroup.subtree_control")) && Files.isWritable(dir)) {
                return Optional.of(dir);
            }
            if (dir.equals(mount.get())) {
                break;
            }
        }
        return Optional.empty();
    }

    /** This process's folder in the cgroup v1 {@code pids} hierarchy, when it is writable. */
    private static Optional<Path> legacy(List<String> mounts, List<String> own) {
        Optional<Path> mount = mountPoint(mounts, "cgroup", "pids");
        Optional<String> path = own.stream().map(line -> line.split(":", 3))
                .filter(fields -> fields.length == 3 && List.of(fields[1].split(",")).contains("pids"))
                .map(fields -> fields[2]).findFirst();
        if (mount.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        Path dir = mount.get().resolve(path.get().replaceFirst("^/", "")).normalize();
        return Files.isDirectory(dir) && Files.isWritable(dir) ? Optional.of(dir) : Optional.empty();
    }

    private static boolean controls(Path subtreeControl) {
        try {
            return List.of(Files.readString(subtreeControl, StandardCharsets.US_ASCII).strip().split("\\s+")).contains("pids");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The mount point of a cgroup file system, from {@code /proc/self/mountinfo}: {@code id parent
     * major:minor root mountpoint options ... - fstype source superoptions}.
     */
    private static Optional<Path> mountPoint(List<String> mounts, String type, String option) {
        for (String line : mounts) {
            int separator = line.indexOf(" - ");
            if (separator < 0) {
                continue;
            }
            String[] before = line.substring(0, separator).split(" ");
            String[] after = line.substring(separator + 3).split(" ");
            if (before.length < 5 || after.length < 3 || !after[0].equals(type) || !before[3].equals("/")) {
                continue;
            }
            if (option == null || List.of(after[2].split(",")).contains(option)) {
                return Optional.of(Path.of(before[4].replace("\\040", " ")));
            }
        }
        return Optional.empty();
    }
}
