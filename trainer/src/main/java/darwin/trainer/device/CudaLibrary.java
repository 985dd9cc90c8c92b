package darwin.trainer.device;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CUDA build of libtorch that DJL's PyTorch engine can load, and how a process is pointed at it.
 *
 * <p>No CUDA libtorch of PyTorch 2.7.1 is published as a Maven artifact, and the CPU build on the
 * class path always wins when DJL looks there, so a CUDA build is always given to the engine through
 * {@code PYTORCH_LIBRARY_PATH} (DJL reads it, as an environment variable or a system property,
 * before anything else) with {@code PYTORCH_FLAVOR} naming the CUDA flavour, which picks the JNI
 * library built for CUDA 12.8 from the {@code pytorch-jni} jar. It comes from one of two places:
 * <ul>
 *   <li>{@link Source#USER}: the user's {@code PYTORCH_LIBRARY_PATH} (a PyTorch 2.7.1 CUDA install,
 *       such as {@code site-packages/torch/lib}) with {@code PYTORCH_FLAVOR=cu128};</li>
 *   <li>{@link Source#DJL_CACHE}: the folder DJL downloads the {@code cu128} build into,
 *       {@code <cache>/pytorch/2.7.1-cu128-linux-x86_64} ({@link CudaDownload}), once.</li>
 * </ul>
 *
 * @param folder the folder that holds {@code libtorch.so}
 * @param flavor the CUDA flavour, {@code cu128}
 * @param version the PyTorch version, {@code 2.7.1}
 * @param source where it came from
 */
public record CudaLibrary(Path folder, String flavor, String version, Source source) {

    /** The PyTorch version of the engine's JNI library. */
    public static final String VERSION = "2.7.1";
    /** The CUDA flavour DJL 0.35.1 ships a JNI library for. */
    public static final String FLAVOR = "cu128";
    /** DJL's classifier of this platform (Linux on x86-64, the only one with a CUDA JNI library). */
    public static final String CLASSIFIER = "linux-x86_64";
    static final String LIBRARY_PATH = "PYTORCH_LIBRARY_PATH";
    static final String FLAVOR_VARIABLE = "PYTORCH_FLAVOR";
    static final String VERSION_VARIABLE = "PYTORCH_VERSION";
    private static final String LIBTORCH = "libtorch.so";

    /** Where a CUDA libtorch came from. */
    public enum Source {
        /** The user's {@code PYTORCH_LIBRARY_PATH}. */
        USER,
        /** DJL's cache, where DJL downloaded it. */
        DJL_CACHE
    }

    public CudaLibrary {
        Objects.requireNonNull(folder, "folder");
        folder = folder.toAbsolutePath().normalize();
        if (flavor == null || !flavor.startsWith("cu")) {
            throw new IllegalArgumentException("a CUDA libtorch has a cu flavour, such as " + FLAVOR + ", got " + flavor);
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a libtorch needs a version");
        }
        Objects.requireNonNull(source, "source");
    }

    /**
     * The CUDA libtorch this process can use: the user's, when {@code PYTORCH_LIBRARY_PATH} is set,
     * else the one DJL downloaded into {@code djlCache}, else none.
     *
     * @param environment this process's environment ({@code System.getenv()})
     * @param djlCache DJL's engine cache folder
     * @throws DeviceUnavailableException when {@code PYTORCH_LIBRARY_PATH} is set but holds no
     *     libtorch, or {@code PYTORCH_FLAVOR} is not a CUDA flavour
     */
    public static Optional<CudaLibrary> find(Map<String, String> environment, Path djlCache) {
        String path = environment.get(LIBRARY_PATH);
        if (path != null && !path.isBlank()) {
            Path folder = null;
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank() && Files.isRegularFile(Path.of(entry).resolve(LIBTORCH))) {
                    folder = Path.of(entry);
                    break;
                }
            }
            if (folder == null) {
                throw new DeviceUnavailableException(LIBRARY_PATH + "=" + path + " holds no " + LIBTORCH
                        + ": point it at the lib folder of a PyTorch " + VERSION + " CUDA install (such as"
                        + " .../site-packages/torch/lib), or unset it");
            }
            String flavor = environment.getOrDefault(FLAVOR_VARIABLE, "");
            if (!flavor.startsWith("cu")) {
                throw new DeviceUnavailableException(LIBRARY_PATH + " is set, but " + FLAVOR_VARIABLE + " is "
                        + (flavor.isBlank() ? "not" : "'" + flavor + "'") + ": set " + FLAVOR_VARIABLE + "=" + FLAVOR
                        + " so that the engine loads its CUDA 12.8 JNI library with it");
            }
            String version = environment.getOrDefault(VERSION_VARIABLE, VERSION);
            return Optional.of(new CudaLibrary(folder, flavor, version.isBlank() ? VERSION : version, Source.USER));
        }
        Path cached = downloadFolder(djlCache);
        return Files.isRegularFile(cached.resolve(LIBTORCH))
                ? Optional.of(new CudaLibrary(cached, FLAVOR, VERSION, Source.DJL_CACHE))
                : Optional.empty();
    }

    /** The folder DJL downloads the {@code cu128} libtorch into, under its engine cache. */
    public static Path downloadFolder(Path djlCache) {
        return djlCache.resolve("pytorch").resolve(VERSION + "-" + FLAVOR + "-" + CLASSIFIER);
    }

    /** The variables that make DJL load this library: in a child's environment, or as system properties here. */
    public Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(LIBRARY_PATH, folder.toString());
        variables.put(FLAVOR_VARIABLE, flavor);
        variables.put(VERSION_VARIABLE, version);
        return variables;
    }

    /**
     * What a sandboxed child must be able to read to load it: the folder, and for a pip install of
     * PyTorch ({@code .../site-packages/torch/lib}) the {@code site-packages} folder too, where the
     * CUDA runtime's own packages ({@code nvidia/*}{@code /lib}) lie that libtorch's run path names.
     */
    public List<Path> readOnlyPaths() {
        List<Path> paths = new ArrayList<>(List.of(folder));
        Path torch = folder.getParent();
        if (folder.getFileName() != null && folder.getFileName().toString().equals("lib") && torch != null
                && torch.getFileName() != null && torch.getFileName().toString().equals("torch") && torch.getParent() != null) {
            paths.add(torch.getParent());
        }
        return List.copyOf(paths);
    }

    /** Points this process's engine at the library; must run before the engine loads. */
    public void useInThisProcess() {
        environment().forEach(System::setProperty);
    }

    /** {@code the CUDA libtorch in /x (PYTORCH_LIBRARY_PATH)}. */
    public String describe() {
        return "the " + flavor + " libtorch " + version + " in " + folder
                + (source == Source.USER ? " (" + LIBRARY_PATH + ")" : " (downloaded into DJL's cache)");
    }
}
