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
 * skip where it does not work.
 */
package darwin.trainer.process;
