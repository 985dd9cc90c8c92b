package darwin.trainer.process;

import darwin.trainer.process.ProcessOutcome.Ending;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs one untrusted command and always cleans up after it.
 *
 * <p>Launch: the command runs under {@code setsid}, so that it leads a process group of its own,
 * and, where the spec asks for it and bubblewrap works, inside the {@link Bubblewrap} sandbox.
 * Its environment is exactly the spec's plus {@link #MARKER}, a variable unique to the run that
 * lets the runner find processes that left its tree; standard input is {@code /dev/null}; its
 * output goes to the spec's files. The exact command line is logged before the start and kept in
 * the outcome.
 *
 * <p>Watch: the calling thread waits while the process is alive, up to the deadline. At the
 * deadline, or when the thread is interrupted, the whole tree is killed ({@link ProcessTree});
 * after a normal exit, whatever it left running is killed too. An interrupted caller gets an
 * {@link Ending#INTERRUPTED} outcome with its interrupt flag set again. A caller that can tell
 * when the process has done its work (a result it wrote) passes that test to {@link
 * #run(ProcessSpec, BooleanSupplier)}: once it holds, the tree is killed at once, which saves the
 * time a JVM with a large native library takes to exit (a few tenths of a second). Whatever the
 * watch throws (an {@link Error} of the caller's test included), the tree is killed before the
 * runner returns or throws.
 *
 * <p>Limits ({@link ResourceLimits}): the command runs under {@code prlimit} with a hard limit on
 * open files and on the size of any file it writes, in a {@link TaskGroup} that caps its
 * processes and threads where this machine has a writable cgroup {@code pids} controller, and, in
 * the sandbox, with a private {@code /tmp} of a fixed size. The runner watches the bytes of the
 * workspace and the output files together ({@link DiskWatch}) and stops the tree when they are
 * over the disk limit ({@link Ending#LIMIT}). What it saw go over a limit is in
 * {@link ProcessOutcome#breaches()}.
 *
 * <p>A runner keeps no state between runs and may run several processes from several threads at
 * once.
 */
public final class ProcessRunner {

    static {
        LiveTrees.install();
    }


    /** The variable the runner adds to every child's environment to recognise its processes. */
    public static final String MARKER = "DARWIN_PROCESS_MARKER";

    private static final System.Logger LOG = System.getLogger(ProcessRunner.class.getName());
    private static final File DEV_NULL = new File("/dev/null");
    private static final Duration LONGEST_WAIT = Duration.ofNanos(Long.MAX_VALUE);
    private static final long FINISHED_POLL_MILLIS = 5;
    /** How often a process without a finished-test is looked at between its disk checks. */
    private static final long DISK_POLL_MILLIS = 50;

    private final Bubblewrap bubblewrap;

    /** A runner that sandboxes with the {@code bwrap} on this JVM's {@code PATH}, when it works. */
    public ProcessRunner() {
        this(Bubblewrap.onPath());
    }

    ProcessRunner(Bubblewrap bubblewrap) {
        this.bubblewrap = bubblewrap;
    }

    /** Whether {@link SandboxMode#AUTO} sandboxes on this machine (tried once per JVM). */
    public boolean canSandbox() {
        return bubblewrap.works();
    }

    /**
     * Whether the processes and threads of a child's tree are limited on this machine (a writable
     * cgroup {@code pids} controller; {@link TaskGroup}).
     */
    public static boolean canLimitTasks() {
        return TaskGroup.whyUnavailable().isEmpty();
    }

    /**
     * Runs the command to its end, its deadline or an interrupt, and kills what it leaves behind.
     *
     * @throws ProcessLaunchException when it cannot be started at all, or the thread was
     *     interrupted before the start (the interrupt flag stays set)
     */
    public ProcessOutcome run(ProcessSpec spec) throws ProcessLaunchException {
        return run(spec, null);
    }

    /**
     * Like {@link #run(ProcessSpec)}, but also ends the process, with its tree, as soon as {@code
     * finished} holds: an {@link Ending#FINISHED} outcome. The test runs on the calling thread
     * every few milliseconds while the process is alive, so it must be cheap.
     *
     * @param finished whether the process has done its work; {@code null} to wait for its exit
     * @throws ProcessLaunchException as {@link #run(ProcessSpec)}
     */
    public ProcessOutcome run(ProcessSpec spec, BooleanSupplier finished) throws ProcessLaunchException {
        boolean sandboxed = sandboxed(spec.sandbox());
        if (Thread.currentThread().isInterrupted()) {
            // also covers a bubblewrap trial cut short, which must not make AUTO run unsandboxed
            throw new ProcessLaunchException("interrupted before the start; nothing was run");
        }
        checkLaunchable(spec);
        Optional<TaskGroup> group = TaskGroup.create(spec.limits().tasks());
        List<String> commandLine = new ArrayList<>();
        group.ifPresent(g -> commandLine.addAll(g.joinPrefix(spec.environment().containsKey("PWD"))));
        try {
            commandLine.addAll(commandLine(spec, sandboxed));
        } catch (ProcessLaunchException e) {
            group.ifPresent(TaskGroup::close);
            throw e;
        }
        String marker = UUID.randomUUID().toString();

        ProcessBuilder builder = new ProcessBuilder(commandLine)
                .directory(spec.workspace().toFile())
                .redirectInput(spec.input().length == 0 ? ProcessBuilder.Redirect.from(DEV_NULL) : ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.stdout().toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(spec.stderr().toFile()));
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(spec.environment());
        env.put(MARKER, marker);

        try (OutputTail out = open(spec.stdout()); OutputTail err = open(spec.stderr())) {
            List<String> started = List.copyOf(commandLine);
            LOG.log(System.Logger.Level.INFO, "starting{0} in {1}: {2}",
                    sandboxed ? " (sandboxed)" : "", spec.workspace(), ProcessOutcome.shellQuoted(started));
            long start = System.nanoTime();
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new ProcessLaunchException("cannot start " + ProcessOutcome.shellQuoted(started) + ": " + e.getMessage(), e);
            }
            ProcessTree tree = new ProcessTree(process, MARKER + "=" + marker);
            LiveTrees.add(tree);
            DiskWatch disk = new DiskWatch(spec.workspace(), List.of(spec.stdout(), spec.stderr()), spec.limits().diskBytes());
            List<LimitBreach> breaches = new ArrayList<>();
            Ending ending = Ending.UNWATCHABLE;
            long end;
            boolean clean;
            try {
                feed(process, spec.input());
                ending = await(process, spec.deadline(), finished, disk, breaches);
            } finally {
                // whatever the watch threw, the tree does not outlive it
                end = System.nanoTime();
                clean = tree.kill();
                LiveTrees.remove(tree);
            }
            if (ending != Ending.EXITED) {
                end = System.nanoTime(); // the tree is dead now
            }
            if (breaches.isEmpty()) {
                disk.check().ifPresent(breaches::add); // what it wrote since the last look
            }
            group.flatMap(TaskGroup::breach).ifPresent(breaches::add);
            OptionalInt exitCode = ending == Ending.EXITED ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
            ProcessOutcome outcome = new ProcessOutcome(started, sandboxed, ending, exitCode,
                    Duration.ofNanos(end - start), out.read(spec.tailBytes()), err.read(spec.tailBytes()), breaches);
            LOG.log(System.Logger.Level.INFO, "pid {0} ended: {1}{2} after {3} ms{4}{5}", Long.toString(process.pid()), ending,
                    exitCode.isPresent() ? " " + exitCode.getAsInt() : "", Long.toString(outcome.wallTime().toMillis()),
                    clean ? "" : "; some of its processes could not be killed",
                    breaches.isEmpty() ? "" : "; it " + breaches.stream().map(LimitBreach::description).toList());
            return outcome;
        } finally {
            group.ifPresent(TaskGroup::close);
        }
    }

    /**
     * Writes the input to the child's standard input from a daemon thread and closes it; a child
     * that never reads it cannot block the runner, and one that dies early just breaks the pipe.
     */
    private static void feed(Process process, byte[] input) {
        if (input.length == 0) {
            return;
        }
        Thread feeder = new Thread(() -> {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException e) {
                // the child closed its input or ended: what it did not read it did not need
            }
        }, "stdin-" + process.pid());
        feeder.setDaemon(true);
        feeder.start();
    }

    /**
     * Waits while the process is alive, up to the deadline, until {@code finished} holds, or until
     * it goes over its disk limit (the breach is added to {@code breaches}); on an interrupt, keeps
     * the flag set. An {@link Error} of the caller's test ends the watch ({@link Ending#UNWATCHABLE}).
     */
    private static Ending await(Process process, Duration deadline, BooleanSupplier finished, DiskWatch disk,
            List<LimitBreach> breaches) {
        long nanos = deadline.compareTo(LONGEST_WAIT) < 0 ? deadline.toNanos() : LONGEST_WAIT.toNanos();
        long poll = TimeUnit.MILLISECONDS.toNanos(finished == null ? DISK_POLL_MILLIS : FINISHED_POLL_MILLIS);
        long start = System.nanoTime();
        try {
            while (true) {
                long left = nanos - (System.nanoTime() - start);
                if (process.waitFor(Math.max(0, Math.min(left, poll)), TimeUnit.NANOSECONDS)) {
                    return Ending.EXITED;
                }
                if (finished != null) {
                    try {
                        if (finishedSafely(finished)) {
                            return Ending.FINISHED;
                        }
                    } catch (Error e) {
                        LOG.log(System.Logger.Level.WARNING, "the test of a finished process failed, its tree is killed: {0}",
                                e.toString());
                        return Ending.UNWATCHABLE;
                    }
                }
                Optional<LimitBreach> breach = disk.poll();
                if (breach.isPresent()) {
                    breaches.add(breach.get());
                    return Ending.LIMIT;
                }
                if (left <= 0) {
                    return Ending.DEADLINE;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ending.INTERRUPTED;
        }
    }

    /**
     * The caller's test; one that throws an exception counts as not finished, so that the process
     * is never left unwatched. An {@link Error} is the caller's to handle.
     */
    private static boolean finishedSafely(BooleanSupplier finished) {
        try {
            return finished.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the test of a finished process failed: {0}", e.toString());
            return false;
        }
    }

    private boolean sandboxed(SandboxMode mode) throws ProcessLaunchException {
        return switch (mode) {
            case NONE -> false;
            case AUTO -> bubblewrap.works();
            case BUBBLEWRAP -> {
                Optional<String> why = bubblewrap.whyUnavailable();
                if (why.isPresent()) {
                    throw new ProcessLaunchException("a bubblewrap sandbox is required but unavailable: " + why.get());
                }
                yield true;
            }
        };
    }

    private static void checkLaunchable(ProcessSpec spec) throws ProcessLaunchException {
        if (!Files.isDirectory(spec.workspace())) {
            throw new ProcessLaunchException("the workspace " + spec.workspace() + " is not a directory");
        }
        String program = spec.command().getFirst();
        String path = spec.environment().getOrDefault("PATH", "");
        if (Executables.find(program, path, spec.workspace()).isEmpty()) {
            throw new ProcessLaunchException("no executable '" + program + "'"
                    + (program.indexOf('/') >= 0 ? "" : " on the PATH " + path));
        }
    }

    private List<String> commandLine(ProcessSpec spec, boolean sandboxed) throws ProcessLaunchException {
        Path setsid = Executables.onPath("setsid").or(() -> Optional.of(Path.of("/usr/bin/setsid")))
                .filter(Files::isExecutable)
                .orElseThrow(() -> new ProcessLaunchException("setsid (util-linux) is not installed"));
        Path prlimit = Executables.onPath("prlimit").or(() -> Optional.of(Path.of("/usr/bin/prlimit")))
                .filter(Files::isExecutable)
                .orElseThrow(() -> new ProcessLaunchException("prlimit (util-linux) is not installed"));
        ResourceLimits limits = spec.limits();
        List<String> line = new ArrayList<>();
        line.addAll(List.of(prlimit.toString(), "--nofile=" + limits.openFiles() + ":" + limits.openFiles(),
                "--fsize=" + limits.diskBytes() + ":" + limits.diskBytes(), "--"));
        line.add(setsid.toString());
        line.add("--wait"); // only matters if setsid has to fork: then it still reports the exit code
        if (sandboxed) {
            line.addAll(bubblewrap.prefix(spec));
        }
        line.addAll(spec.command());
        return line;
    }

    private static OutputTail open(Path file) throws ProcessLaunchException {
        try {
            return OutputTail.create(file);
        } catch (IOException e) {
            throw new ProcessLaunchException("cannot open the output file " + file + ": " + e, e);
        }
    }
}
