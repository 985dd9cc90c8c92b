package darwin.trainer.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Sets up DJL's PyTorch engine once per process. Thread counts must be set before the engine
 * loads: on a small CPU machine PyTorch's defaults make the small operations of a GPT step many
 * times slower (see BENCHMARKS.md for the figures behind the defaults). Loading the engine also
 * tells the C allocator to keep freed tensor memory ({@link NativeHeap}).
 */
public final class Engines {

    /** System property that overrides the intra-op thread count. */
    public static final String THREADS = "ai.djl.pytorch.num_threads";
    /** System property that overrides the inter-op thread count. */
    public static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    /** System property naming the GPU calibrations run on ({@link #machineKey()}). */
    private static final String GPU_NAME = "darwin.gpu.name";

    private static volatile Engine engine;

    private Engines() {}

    /**
     * Loads the engine with the given thread counts (0 keeps what is already configured, or the
     * measured default: all cores for intra-op, one inter-op thread). Later calls return the
     * loaded engine.
     */
    public static synchronized Engine load(int threads, int interopThreads) {
        if (engine == null) {
            configure(threads, interopThreads);
            NativeHeap.retainFreedMemory();
            engine = Engine.getEngine("PyTorch");
        }
        return engine;
    }

    /**
     * Sets the thread counts the engine will load with, without loading it (0 keeps what is
     * already configured, or the measured default). Counts already configured, or an engine
     * already loaded, are left as they are. {@link #machineKey()} reads the count set here.
     */
    public static synchronized void configure(int threads, int interopThreads) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        setIfAbsent(THREADS, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        setIfAbsent(INTEROP_THREADS, interopThreads > 0 ? interopThreads : 1);
    }

    /** Loads the engine with the default thread counts. */
    public static Engine load() {
        return load(0, 0);
    }

    /**
     * The folder where DJL keeps the engine's native libraries, extracted from the
     * {@code pytorch-native-cpu} jar when the engine first loads. Child processes are pointed at
     * it (read-only) instead of extracting their own copy. When the libraries are not all there
     * yet, the engine is loaded here, which extracts them; otherwise this process need not load
     * it (0.5–0.8 s that a parent which only starts children can spare; BENCHMARKS.md).
     */
    public static Path nativeCache() {
        Path cache = Utils.getEngineCacheDir().toAbsolutePath();
        if (!NativeLibraries.presentIn(cache)) {
            load();
        }
        return cache;
    }

    /** The intra-op thread count in force. */
    public static int threads() {
        return Integer.getInteger(THREADS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The name of the device evaluations run on, with the thread count and how the threads wait,
     * for keying cached results: {@code cpu()-2t-passive}, or {@code cpu()-2t} for threads that
     * spin ({@link ThreadWait#keySuffix()}). On a machine without NVIDIA devices it is known
     * without loading the engine, so that a cached result is found in milliseconds.
     */
    public static String deviceKey(int threads, ThreadWait wait) {
        return defaultDevice() + "-" + threads + "t" + wait.keySuffix();
    }

    /**
     * The device the engine's work goes to. A process told its device ({@link DevicePlan#CHILD_DEVICE}:
     * a child, or a parent whose plan is decided) gets the CPU, or GPU 0 (a child sees only its
     * slot's GPU), and stops when the engine has none rather than train on the CPU unasked.
     * Otherwise: the first GPU when there is one, else the CPU; on a machine without NVIDIA device
     * files this is known without loading the engine.
     *
     * @throws DeviceUnavailableException when CUDA was asked for and the engine has no GPU
     */
    public static Device defaultDevice() {
        String asked = System.getProperty(DevicePlan.CHILD_DEVICE, "");
        if (asked.equals("cpu")) {
            return Device.cpu();
        }
        if (asked.equals("cuda")) {
            if (load().getGpuCount() < 1) {
                throw new DeviceUnavailableException("this process was to train on a GPU, but the engine has none (it"
                        + " loaded libtorch from " + System.getProperty(CudaLibrary.LIBRARY_PATH,
                                System.getenv().getOrDefault(CudaLibrary.LIBRARY_PATH, "the CPU jar")) + ")");
            }
            return Device.gpu(0);
        }
        boolean mayHaveGpu = Files.exists(Path.of("/dev/nvidiactl")) || Files.exists(Path.of("/dev/nvidia0"));
        return mayHaveGpu && load().getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
    }

    /** Turns autograd recording off on the calling thread (PyTorch keeps this mode per thread). */
    public static void inferenceMode() {
        load();
        JniUtils.setGradMode(false);
    }

    /**
     * Identifies this machine's processor and thread count, and the GPU's name when this process
     * trains on one ({@link #useGpuName}), for caching its calibrated peak: a peak measured on one
     * card is not another card's.
     */
    public static String machineKey() {
        String gpu = System.getProperty(GPU_NAME, "");
        return cpuModel() + "|threads=" + threads() + (gpu.isEmpty() ? "" : "|" + gpu);
    }

    /** Names the GPU this process's calibrations run on, for {@link #machineKey()}. */
    public static void useGpuName(String name) {
        System.setProperty(GPU_NAME, name);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip() + " x" + Runtime.getRuntime().availableProcessors();
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the JVM's description
        }
        return System.getProperty("os.arch") + " x" + Runtime.getRuntime().availableProcessors();
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }
}
