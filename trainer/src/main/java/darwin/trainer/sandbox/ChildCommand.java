package darwin.trainer.sandbox;

import darwin.trainer.device.DevicePlan;
import darwin.trainer.device.Engines;
import darwin.trainer.process.ProcessSpec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The command line and process spec of a child JVM: the launcher of this JVM under
 * {@code prlimit --as} (native memory too is bounded), the heap, the engine's threads,
 * {@code ai.djl.offline}, the child class path followed by the variant's libraries (so that none
 * of them can replace a harness class), read-only access to the JDK, that class path and the
 * engine's native libraries, and an environment of the engine's cache folders, the allocator's
 * arena limit and the thread-wait policy's variables, nothing else. On a GPU plan, slot
 * {@code i}'s children also get GPU {@code i} alone: its number in {@code CUDA_VISIBLE_DEVICES}, the
 * CUDA libtorch's variables and folders, and in bubblewrap its device file and NVIDIA's control
 * devices ({@link DevicePlan}).
 */
final class ChildCommand {

    private final SandboxSettings settings;
    private final List<Path> classpath;
    private final DevicePlan device;
    private final Predicate<Path> deviceExists;

    /** @param classpath the harness's class path for children, without the corpus */
    ChildCommand(SandboxSettings settings, List<Path> classpath) {
        this(settings, classpath, Files::exists);
    }

    /** @param deviceExists which device files exist here (tests give a stand-in for a GPU machine's /dev) */
    ChildCommand(SandboxSettings settings, List<Path> classpath, Predicate<Path> deviceExists) {
        this.deviceExists = deviceExists;
        this.settings = settings;
        this.classpath = List.copyOf(classpath);
        this.device = settings.device();
    }

    /** The training child ({@link TrainChild}) of slot {@code slot} in {@code workspace}, stopped after {@code limit}. */
    ProcessSpec training(int slot, Workspace workspace, List<Path> libraries, List<String> arguments, Duration limit,
            byte[] input) {
        return spec(slot, workspace, TrainChild.class, List.of(), settings.threads(), libraries, arguments, limit, input);
    }

    /**
     * The scoring child ({@link ScoreChild}) in {@code workspace}, stopped after {@code limit}. Its
     * Java work is the dispatch of a thousand-odd engine calls: the optimizing compiler would take
     * CPU from the training child while both start, and save nothing, so it runs with the client
     * compiler only.
     */
    ProcessSpec scoring(int slot, Workspace workspace, List<Path> libraries, List<String> arguments, Duration limit,
            byte[] input) {
        return spec(slot, workspace, ScoreChild.class, List.of("-XX:TieredStopAtLevel=1"), settings.threads(), libraries,
                arguments, limit, input);
    }

    /**
     * The second scoring child, which scores the rows that check the first's: as {@link #scoring}, with
     * one engine thread. Its one batch runs while the first child runs its many on the same cores, and
     * a second team of spinning engine threads there would stall both; one thread has no team to spin.
     */
    ProcessSpec checking(int slot, Workspace workspace, List<Path> libraries, List<String> arguments, Duration limit,
            byte[] input) {
        return spec(slot, workspace, ScoreChild.class, List.of("-XX:TieredStopAtLevel=1"), 1, libraries, arguments, limit,
                input);
    }

    private ProcessSpec spec(int slot, Workspace workspace, Class<?> main, List<String> jvmOptions, int threads,
            List<Path> libraries, List<String> arguments, Duration limit, byte[] input) {
        List<Path> childClasspath = new ArrayList<>(classpath);
        childClasspath.addAll(libraries);
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        if (settings.memoryLimitBytes() > 0) {
            command.addAll(List.of("prlimit", "--as=" + settings.memoryLimitBytes(), "--"));
        }
        command.addAll(List.of(launcher.toString(),
                "-Xmx" + settings.heap(),
                "-Xss4m",
                "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dai.djl.offline=true",
                device.childProperty(),
                "-Dai.djl.pytorch.num_threads=" + threads,
                "-Dai.djl.pytorch.num_interop_threads=1",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", String.join(File.pathSeparator, childClasspath.stream().map(Path::toString).toList()),
                main.getName()));
        command.addAll(arguments);
        List<Path> readable = new ArrayList<>(childClasspath);
        readable.add(Path.of(System.getProperty("java.home")));
        Path djlCache = Engines.nativeCache();
        readable.add(djlCache);
        readable.addAll(device.readOnlyPaths());
        ProcessSpec spec = ProcessSpec.of(command, workspace.root(), limit)
                .withOutput(workspace.stdout(), workspace.stderr())
                .withLimits(settings.limits())
                .withSandbox(settings.mode())
                .withReadOnlyPaths(readable)
                .withDevices(device.deviceFiles(slot, deviceExists))
                .withVariable("DJL_CACHE_DIR", djlCache.toString())
                .withVariable("ENGINE_CACHE_DIR", djlCache.toString())
                .withVariable("MALLOC_ARENA_MAX", "2")
                .withInput(input);
        Map<String, String> variables = new LinkedHashMap<>(settings.threadWait().environment());
        variables.putAll(device.childEnvironment(slot));
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            spec = spec.withVariable(variable.getKey(), variable.getValue());
        }
        return spec;
    }
}
