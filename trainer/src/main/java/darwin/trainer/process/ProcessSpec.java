package darwin.trainer.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * How to launch one untrusted command.
 *
 * <p>The child gets exactly {@link #environment()}: nothing of the launching JVM's environment is
 * inherited, so API keys and tokens never reach it. {@link #baseEnvironment(Path)} is a minimal
 * safe start. (The runner adds one variable of its own, {@link ProcessRunner#MARKER}, to find
 * processes that left the child's process tree.)
 *
 * @param command the program and its arguments; the program is looked up on the given {@code PATH}
 * @param workspace the child's working directory and, in a sandbox, the only place it can write
 * @param environment the child's whole environment
 * @param deadline wall-clock time after which the whole process tree is killed
 * @param stdout where the child's standard output goes (created or truncated at launch)
 * @param stderr where the child's standard error goes (created or truncated at launch)
 * @param tailBytes how many bytes at the end of each output file the outcome keeps
 * @param sandbox whether the child runs inside bubblewrap
 * @param readOnlyPaths what the sandboxed child may read besides the system directories and its
 *     workspace: the JDK, the class path, a native library cache; ignored without a sandbox
 * @param input bytes written to the child's standard input through a pipe, which is then closed
 *     (empty: standard input is {@code /dev/null}). A pipe leaves nothing behind that the child
 *     could open again by a path once it has read it.
 * @param limits what else the child may take: its private {@code /tmp}, disk, tasks and open
 *     files ({@link ResourceLimits}); the tmpfs size holds only in a sandbox
 * @param devices device files the sandboxed child may open besides bubblewrap's minimal
 *     {@code /dev} (a GPU's and NVIDIA's control devices); ignored without a sandbox
 */
public record ProcessSpec(
        List<String> command,
        Path workspace,
        Map<String, String> environment,
        Duration deadline,
        Path stdout,
        Path stderr,
        int tailBytes,
        SandboxMode sandbox,
        List<Path> readOnlyPaths,
        byte[] input,
        ResourceLimits limits,
        List<Path> devices) {

    public static final int DEFAULT_TAIL_BYTES = 8 * 1024;
    public static final int MAX_TAIL_BYTES = 1024 * 1024;
    public static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    public ProcessSpec {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("the command must name a program");
        }
        command = List.copyOf(command); // rejects null arguments
        if (command.getFirst().isBlank()) {
            throw new IllegalArgumentException("the program name is blank: " + command);
        }
        for (String argument : command) {
            if (argument.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an argument contains a NUL character: " + command);
            }
        }
        workspace = absolute(workspace, "workspace");
        environment = checkedEnvironment(environment);
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be positive, got " + deadline);
        }
        stdout = absolute(stdout, "stdout file");
        stderr = absolute(stderr, "stderr file");
        if (stdout.equals(stderr)) {
            throw new IllegalArgumentException("stdout and stderr must go to different files, both are " + stdout);
        }
        if (tailBytes < 0 || tailBytes > MAX_TAIL_BYTES) {
            throw new IllegalArgumentException("the tail must be 0 to " + MAX_TAIL_BYTES + " bytes, got " + tailBytes);
        }
        if (sandbox == null) {
            throw new IllegalArgumentException("the sandbox mode is missing");
        }
        if (readOnlyPaths == null) {
            throw new IllegalArgumentException("the read-only paths are missing (use an empty list)");
        }
        readOnlyPaths = readOnlyPaths.stream().map(path -> absolute(path, "read-only path")).distinct().toList();
        input = input == null ? new byte[0] : input.clone();
        if (limits == null) {
            throw new IllegalArgumentException("the resource limits are missing (ResourceLimits.DEFAULTS)");
        }
        if (devices == null) {
            throw new IllegalArgumentException("the device files are missing (use an empty list)");
        }
        devices = devices.stream().map(path -> absolute(path, "device file")).distinct().toList();
        for (Path device : devices) {
            if (!device.startsWith("/dev")) {
                throw new IllegalArgumentException("a device file lies under /dev, got " + device);
            }
        }
    }

    /**
     * A spec with the defaults: the {@linkplain #baseEnvironment base environment}, output in
     * {@code stdout.log} and {@code stderr.log} in the workspace, an 8 KiB tail, {@link
     * SandboxMode#AUTO}, no read-only paths beyond the system directories and the
     * {@linkplain ResourceLimits#DEFAULTS default limits}.
     */
    public static ProcessSpec of(List<String> command, Path workspace, Duration deadline) {
        Path dir = absolute(workspace, "workspace");
        return new ProcessSpec(command, dir, baseEnvironment(dir), deadline,
                dir.resolve("stdout.log"), dir.resolve("stderr.log"), DEFAULT_TAIL_BYTES, SandboxMode.AUTO, List.of(), new byte[0],
                ResourceLimits.DEFAULTS, List.of());
    }

    /**
     * A minimal safe environment: {@code PATH} of the system directories, {@code HOME} set to the
     * workspace (so that caches a program writes under its home stay in its workspace), {@code
     * LANG=C.UTF-8} and {@code TMPDIR=/tmp} (private to the child when it is sandboxed).
     */
    public static SequencedMap<String, String> baseEnvironment(Path workspace) {
        SequencedMap<String, String> env = new TreeMap<>();
        env.put("PATH", DEFAULT_PATH);
        env.put("HOME", absolute(workspace, "workspace").toString());
        env.put("LANG", "C.UTF-8");
        env.put("TMPDIR", "/tmp");
        return env;
    }

    public ProcessSpec withEnvironment(Map<String, String> env) {
        return new ProcessSpec(command, workspace, env, deadline, stdout, stderr, tailBytes, sandbox, readOnlyPaths, input, limits, devices);
    }

    /** This spec with {@code name=value} added to (or replaced in) the environment. */
    public ProcessSpec withVariable(String name, String value) {
        SequencedMap<String, String> env = new TreeMap<>(environment);
        env.put(name, value);
        return withEnvironment(env);
    }

    public ProcessSpec withDeadline(Duration limit) {
        return new ProcessSpec(command, workspace, environment, limit, stdout, stderr, tailBytes, sandbox, readOnlyPaths, input, limits, devices);
    }

    public ProcessSpec withOutput(Path out, Path err) {
        return new ProcessSpec(command, workspace, environment, deadline, out, err, tailBytes, sandbox, readOnlyPaths, input, limits, devices);
    }

    public ProcessSpec withTailBytes(int bytes) {
        return new ProcessSpec(command, workspace, environment, deadline, stdout, stderr, bytes, sandbox, readOnlyPaths, input, limits, devices);
    }

    public ProcessSpec withSandbox(SandboxMode mode) {
        return new ProcessSpec(command, workspace, environment, deadline, stdout, stderr, tailBytes, mode, readOnlyPaths, input, limits, devices);
    }

    public ProcessSpec withReadOnlyPaths(List<Path> paths) {
        return new ProcessSpec(command, workspace, environment, deadline, stdout, stderr, tailBytes, sandbox, paths, input, limits, devices);
    }

    /** This spec with {@code bytes} fed to the child's standard input. */
    public ProcessSpec withInput(byte[] bytes) {
        return new ProcessSpec(command, workspace, environment, deadline, stdout, stderr, tailBytes, sandbox, readOnlyPaths, bytes, limits, devices);
    }

    /** This spec with other resource limits. */
    public ProcessSpec withLimits(ResourceLimits resourceLimits) {
        return new ProcessSpec(command, workspace, environment, deadline, stdout, stderr, tailBytes, sandbox, readOnlyPaths, input,
                resourceLimits, devices);
    }

    /**
     * This spec with the device files the sandboxed child may open (bound at their own paths,
     * usable); without a sandbox a child sees the host's {@code /dev} anyway.
     */
    public ProcessSpec withDevices(List<Path> files) {
        return new ProcessSpec(command, workspace, environment, deadline, stdout, stderr, tailBytes, sandbox, readOnlyPaths, input,
                limits, files);
    }

    /** The bytes for standard input (a copy). */
    @Override
    public byte[] input() {
        return input.clone();
    }

    private static Path absolute(Path path, String what) {
        if (path == null) {
            throw new IllegalArgumentException("the " + what + " is missing");
        }
        return path.toAbsolutePath().normalize();
    }

    private static Map<String, String> checkedEnvironment(Map<String, String> env) {
        if (env == null) {
            throw new IllegalArgumentException("the environment is missing (use an empty map for none)");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a variable name: '" + name + "'");
            }
            if (value == null || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("variable " + name + " has no value or a NUL character");
            }
            copy.put(name, value);
        });
        if (copy.containsKey(ProcessRunner.MARKER)) {
            throw new IllegalArgumentException(ProcessRunner.MARKER + " is set by the runner itself");
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
