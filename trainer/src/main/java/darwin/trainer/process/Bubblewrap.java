package darwin.trainer.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The bubblewrap sandbox: whether it works on this machine, and the arguments that put a command
 * inside it.
 *
 * <p>Whether it works is found once, by a trial run of {@code true} with the same namespaces and
 * mounts a real run uses: {@code bwrap} may be installed on a machine where user namespaces are
 * disabled, and then only a trial tells.
 *
 * <p>The sandbox's view of the filesystem is built up from nothing: the system directories
 * read-only, {@code /proc}, a minimal {@code /dev} with the caller's device files added (a
 * GPU's and NVIDIA's control devices; nothing else of the host's {@code /dev}), a private
 * {@code /tmp}, the caller's read-only paths and the workspace, writable. Anything not listed is absent, whatever its path.
 * The child has no network (only its own loopback), its own pid, IPC and host-name namespaces,
 * a new session (so that it cannot push input into the launching terminal), and it dies with the
 * bubblewrap process that started it; when the namespace's first process dies the kernel kills
 * every other process in it.
 *
 * <p>Capabilities: run by root, bubblewrap keeps every capability unless told otherwise, and a
 * child with them could raise its own resource limits, remount its {@code /tmp} larger, or mount
 * the cgroup file system and leave its task group. {@code --cap-drop ALL} takes them all, and
 * bubblewrap's {@code no_new_privs} keeps an {@code exec} from giving them back. The private
 * {@code /tmp} is a tmpfs of a fixed size ({@code --size}, bubblewrap 0.8 or later), since its
 * pages are the host's memory and no limit of the process counts them.
 */
final class Bubblewrap {

    private static final System.Logger LOG = System.getLogger(Bubblewrap.class.getName());
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr", "/bin", "/lib", "/lib64", "/etc");
    private static final List<String> ISOLATION = List.of(
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--new-session",
            "--cap-drop", "ALL");
    private static final long TRIAL_SECONDS = 20;

    private static final class OnPath {
        static final Bubblewrap INSTANCE = new Bubblewrap(Executables.onPath("bwrap").orElse(null));
    }

    private final Path executable;
    private String unavailable; // null until tried, "" when it works
    private boolean sizesTmp = true; // whether this bwrap takes --size (0.8 and later); known after the trial
    private final Object trialLock = new Object();

    /** @param executable the {@code bwrap} binary, or {@code null} when there is none */
    Bubblewrap(Path executable) {
        this.executable = executable;
    }

    /** The {@code bwrap} on the JVM's {@code PATH}, shared by the whole JVM so that it is tried once. */
    static Bubblewrap onPath() {
        return OnPath.INSTANCE;
    }

    /** Whether a sandboxed run works here; the first call runs the trial. */
    boolean works() {
        return whyUnavailable().isEmpty();
    }

    /** Why a sandboxed run does not work here, or empty when it does. */
    Optional<String> whyUnavailable() {
        synchronized (trialLock) {
            if (unavailable == null) {
                String outcome = trial(true);
                if (outcome != null && !outcome.isEmpty() && "".equals(trial(false))) {
                    LOG.log(System.Logger.Level.WARNING, "{0} cannot size a tmpfs (bubblewrap before 0.8): a sandboxed "
                            + "child''s /tmp is not limited: {1}", executable, outcome);
                    sizesTmp = false;
                    outcome = "";
                }
                if (outcome == null) {
                    return Optional.of("interrupted while trying " + executable); // undecided: try again next time
                }
                unavailable = outcome;
                if (unavailable.isEmpty()) {
                    LOG.log(System.Logger.Level.DEBUG, "bubblewrap works: {0}", executable);
                } else {
                    LOG.log(System.Logger.Level.INFO, "no sandbox: {0}", unavailable);
                }
            }
            return unavailable.isEmpty() ? Optional.empty() : Optional.of(unavailable);
        }
    }

    /** Empty when the trial succeeded, the reason when it failed, {@code null} when it was interrupted. */
    private String trial(boolean sizedTmp) {
        if (executable == null) {
            return "bwrap is not on the PATH (install bubblewrap)";
        }
        if (!Files.isExecutable(executable)) {
            return executable + " is not an executable file";
        }
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(ISOLATION);
        command.addAll(systemMounts(sizedTmp ? ResourceLimits.DEFAULTS.tmpBytes() : 0));
        command.addAll(List.of("--", "true"));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                if (!process.waitFor(TRIAL_SECONDS, TimeUnit.SECONDS)) {
                    return "a trial run of " + executable + " did not finish in " + TRIAL_SECONDS + " s";
                }
            } finally {
                process.destroyForcibly(); // a no-op once it has ended; else a hung or interrupted trial
            }
            if (process.exitValue() != 0) {
                String err = new String(process.getErrorStream().readNBytes(2048), StandardCharsets.UTF_8).strip();
                return "a trial run of " + executable + " failed with exit code " + process.exitValue()
                        + (err.isEmpty() ? "" : ": " + err) + " (are user namespaces disabled?)";
            }
            return "";
        } catch (IOException e) {
            return "cannot run " + executable + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether the private /tmp gets a size: this bwrap takes {@code --size}. */
    private boolean sizesTmp() {
        synchronized (trialLock) {
            return sizesTmp;
        }
    }

    /**
     * The arguments that run the spec's command in the sandbox: {@code bwrap}, its options and
     * {@code --}; the command follows.
     *
     * @throws ProcessLaunchException when a read-only path or the workspace does not exist
     */
    List<String> prefix(ProcessSpec spec) throws ProcessLaunchException {
        List<String> args = new ArrayList<>();
        args.add(executable.toString());
        args.addAll(ISOLATION);
        args.addAll(systemMounts(sizesTmp() ? spec.limits().tmpBytes() : 0));
        for (Path device : spec.devices()) {
            if (!Files.exists(device)) {
                throw new ProcessLaunchException("cannot give the sandbox the device " + device + ": it does not exist");
            }
            args.addAll(List.of("--dev-bind", device.toString(), device.toString()));
        }
        List<Bind> binds = new ArrayList<>();
        for (Path path : spec.readOnlyPaths()) {
            binds.addAll(Bind.of(path, false));
        }
        binds.addAll(Bind.of(spec.workspace(), true));
        // parents before children, so that a deeper bind lands inside a shallower one; the
        // workspace comes last at its depth, so that it stays writable when also listed read-only
        binds.sort(Comparator.comparingInt(bind -> bind.target().getNameCount()));
        for (Bind bind : binds) {
            args.addAll(List.of(bind.writable() ? "--bind" : "--ro-bind", bind.source().toString(), bind.target().toString()));
        }
        args.addAll(List.of("--chdir", spec.workspace().toString(), "--"));
        return args;
    }

    /**
     * The system directories read-only (a link, as {@code /bin -> usr/bin}, as a link), then /proc,
     * /dev, and a /tmp of at most {@code tmpBytes} (0: of any size).
     */
    private static List<String> systemMounts(long tmpBytes) {
        List<String> args = new ArrayList<>();
        for (String dir : SYSTEM_DIRECTORIES) {
            Path path = Path.of(dir);
            if (Files.isSymbolicLink(path)) {
                try {
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), dir));
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot read the link {0}: {1}", dir, e.toString());
                }
            } else if (Files.isDirectory(path)) {
                args.addAll(List.of("--ro-bind", dir, dir));
            }
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        if (tmpBytes > 0) {
            args.addAll(List.of("--size", Long.toString(tmpBytes)));
        }
        args.addAll(List.of("--tmpfs", "/tmp"));
        return args;
    }

    /** One path made visible in the sandbox. */
    private record Bind(Path source, Path target, boolean writable) {

        /** The path at its own name and, when that is a link, at the name it resolves to as well. */
        static List<Bind> of(Path path, boolean writable) throws ProcessLaunchException {
            Path real;
            try {
                real = path.toRealPath();
            } catch (IOException e) {
                throw new ProcessLaunchException("cannot give the sandbox " + path + ": " + e, e);
            }
            return real.equals(path)
                    ? List.of(new Bind(real, path, writable))
                    : List.of(new Bind(real, path, writable), new Bind(real, real, writable));
        }
    }
}
