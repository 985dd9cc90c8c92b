/**
 * Runs one untrusted command as a watched child process and always cleans up after it. The
 * command line is logged, its output goes to files of which only a bounded tail is read back,
 * it is waited for with a wall-clock deadline, and when it ends, by itself, at the deadline or
 * because the caller was interrupted, every process it left behind is killed: its process group,
 * its descendants and whatever still carries the run's marker. Where bubblewrap works the child
 * runs without network, in a filesystem view that holds the system directories, the paths the
 * caller lists (read-only) and its own workspace (writable), and nothing else.
 *
 * <h2>Child processes in detail</h2>
 *
 * <p>{@code darwin.trainer.process} runs one untrusted command line as a watched child and always
 * cleans up. {@code ProcessRunner.run(ProcessSpec)} logs the exact command, starts it under
 * {@code setsid} (so it leads its own process group) with only the environment the spec gives
 * (nothing inherited: no API keys), stdin from {@code /dev/null} or, when the spec carries input, a
 * pipe the runner writes and closes and output to files of which the {@code ProcessOutcome} keeps a
 * UTF-8 tail. It waits up to the deadline, or until the caller's {@code finished} test holds
 * ({@code run(spec, finished)}, polled every 5 ms); at the deadline, when the work is finished, on
 * an interrupt of the caller, and after a normal exit, {@code ProcessTree} kills whatever the child
 * left: its process group, its descendants, and every process carrying the run's
 * {@code DARWIN_PROCESS_MARKER} variable (a double-forked daemon), until none is left. A live child
 * and its descendants are killed first; the scan of {@code /proc} for the rest follows. A process
 * that cannot start at all is a checked {@code ProcessLaunchException}.
 *
 * <p>With {@code SandboxMode.AUTO} (or {@code BUBBLEWRAP}, which fails when it cannot) the command
 * runs in bubblewrap, once a trial run has shown that bwrap works here: no network, its own pid,
 * IPC and UTS namespaces, a new session, death with its parent, and a filesystem view built from
 * nothing: {@code /usr}, {@code /bin}, {@code /lib}, {@code /lib64} and {@code /etc} read-only,
 * {@code /proc}, a minimal {@code /dev}, a private {@code /tmp}, the spec's read-only paths (the
 * JDK, the class path) and the workspace, writable. Nothing else exists for it, the held-out data
 * included. When the sandbox's first process dies the kernel kills the rest of its pid namespace.
 * {@code .ci/run} installs bubblewrap when it can ({@code darwin_setup_sandbox}); the sandbox tests
 * skip where it does not work. The sandbox drops every capability ({@code --cap-drop ALL}): run by
 * root, bubblewrap would otherwise leave the child free to raise its own limits, remount its
 * {@code /tmp} larger or mount the cgroup file system and leave its task group.
 *
 * <h2>What a child may take</h2>
 *
 * <p>{@code ResourceLimits} (on the spec; {@code ResourceLimits.DEFAULTS}: a 256 MiB {@code /tmp},
 * 8 GiB of disk, 4096 tasks, 4096 open files), each where the kernel can hold it:
 *
 * <ul>
 *   <li><b>Private {@code /tmp}</b>: a tmpfs of that size ({@code bwrap --size}, bubblewrap 0.8 and
 *       later; an older one is logged and leaves {@code /tmp} unsized). Its pages are host memory,
 *       which the address-space limit does not count.
 *   <li><b>Disk</b>: {@code prlimit --fsize} cuts each file the tree writes at the limit, the
 *       output files included (a write past it fails with {@code EFBIG}; the JVM ignores
 *       {@code SIGXFSZ}); {@code DiskWatch} adds up the workspace and the output files every 250 ms,
 *       following no link and counting at most 100,000 entries, and the runner stops the tree when
 *       the total reaches the limit ({@code Ending.LIMIT}). No mechanism that works for root without
 *       systemd bounds the total exactly (a quota needs file-system support, a size-limited mount of
 *       the workspace would hide it from the parent), so the total can overshoot by a quarter
 *       second of writing.
 *   <li><b>Tasks</b>: {@code TaskGroup}, a cgroup with a {@code pids.max}, v2 where the controller
 *       is delegated to this process's cgroup or an ancestor, else the v1 {@code pids} hierarchy.
 *       The child joins it through {@code sh -c 'echo $$ > cgroup.procs; exec …'} before anything of
 *       it runs; {@code pids.events} tells afterwards whether the kernel refused a fork or a thread.
 *       {@code RLIMIT_NPROC} would not do: it counts every process of the user, and the kernel does
 *       not apply it to root. Where no controller is writable, there is no task limit (logged
 *       once; {@code ProcessRunner.canLimitTasks()}); a JVM's threads are still bounded by its
 *       address space.
 *   <li><b>Open files</b>: {@code prlimit --nofile}, hard and soft.
 * </ul>
 *
 * <p>The breaches the runner sees itself (the disk total, refused forks) are in
 * {@code ProcessOutcome.breaches()}; the others reach the child as errors ({@code ENOSPC},
 * {@code EFBIG}, {@code EMFILE}), which the caller reads from what the child says. Without a
 * sandbox the file-size, open-file and task limits still hold for a non-root user; a root child
 * keeps its capabilities and can lift them, and its {@code /tmp} is the host's.
 *
 * <h2>Reading back</h2>
 *
 * <p>The output files are created by the runner, refusing a link, and read back through the handle
 * it opened, never by name, and never whole: {@code OutputText} keeps at most the tail's bytes, a
 * quarter from the head and the rest from the end, the cut marked on a line of its own. Whatever
 * the watch throws, the tree is killed before the runner returns: an {@code Error} of the caller's
 * finished-test ends the watch as {@code Ending.UNWATCHABLE}, a {@code RuntimeException} counts as
 * "not finished".
 */
package darwin.trainer.process;
