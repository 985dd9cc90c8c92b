package darwin.trainer.measure;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The device's peak FP32 FLOP/s, found by timing square matrix products of several sizes with all
 * the engine's threads. Each size is timed in windows of about a quarter of a second, in two
 * rounds after a warm-up, and the best window wins: a window is long enough that one lucky product
 * (a turbo burst) cannot flatter it, and taking the best one means that a busy moment (the JVM
 * still compiling at start-up, a neighbour on a shared host) lowers no more than the windows it
 * falls into. An underestimated peak would overstate every MFU measured against it. The figure is
 * cached per machine, device and thread count in a small JSON file, since calibrating takes
 * seconds and the peak of a machine does not change between runs.
 */
public final class PeakCalibration {

    private static final List<Integer> SIZES = List.of(384, 512, 768, 1024, 1536, 2048);
    private static final int ROUNDS = 2;
    private static final double SECONDS_PER_WINDOW = 0.25;
    private static final double WARM_UP_SECONDS = 0.5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path cacheFile;

    /** @param cacheFile where calibrated figures are kept; {@code null} for no cache */
    public PeakCalibration(Path cacheFile) {
        this.cacheFile = cacheFile;
    }

    /** The default cache file: {@code $XDG_CACHE_HOME/darwin/peak-flops.json} or {@code ~/.cache/...}. */
    public static Path defaultCacheFile() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("darwin").resolve("peak-flops.json");
    }

    /**
     * The cached peak for this device, or a fresh calibration (which is then cached).
     *
     * @param beforeCalibrating runs when there is no cached figure, just before the calibration
     *     (a few seconds) starts
     */
    public double peakFlops(NDManager manager, String machineKey, Runnable beforeCalibrating) {
        return peakFlops(manager, machineKey, SECONDS_PER_WINDOW, beforeCalibrating);
    }

    /**
     * The cached peak for this device, if there is one; looking it up needs no engine, so a
     * process that only starts children need not load one.
     */
    public OptionalDouble cached(Device device, String machineKey) {
        double cached = cachedPeak(readCache(), key(device, machineKey));
        return cached > 0 ? OptionalDouble.of(cached) : OptionalDouble.empty();
    }

    double peakFlops(NDManager manager, String machineKey, double secondsPerWindow, Runnable beforeCalibrating) {
        ObjectNode cache = readCache();
        String key = key(manager.getDevice(), machineKey);
        double cached = cachedPeak(cache, key);
        if (cached > 0) {
            return cached;
        }
        beforeCalibrating.run();
        return store(cache, key, calibrate(manager, secondsPerWindow));
    }

    /**
     * Calibrates again and caches the higher of the new figure and the cached one: on a shared
     * host a calibration taken while a neighbour is busy comes out low, and a peak is the best the
     * device has shown.
     *
     * @return the peak now cached
     */
    public double recalibrate(NDManager manager, String machineKey) {
        return recalibrate(manager, machineKey, SECONDS_PER_WINDOW);
    }

    double recalibrate(NDManager manager, String machineKey, double secondsPerWindow) {
        ObjectNode cache = readCache();
        String key = key(manager.getDevice(), machineKey);
        return store(cache, key, Math.max(calibrate(manager, secondsPerWindow), cachedPeak(cache, key)));
    }

    private static String key(Device device, String machineKey) {
        return machineKey + "|" + device;
    }

    /** The cached peak under {@code key}, or 0 when there is none (or it is not a positive number). */
    private static double cachedPeak(ObjectNode cache, String key) {
        JsonNode node = cache.get(key);
        return node != null && node.isNumber() && node.asDouble() > 0 ? node.asDouble() : 0;
    }

    private double store(ObjectNode cache, String key, double peak) {
        cache.put(key, peak);
        writeCache(cache);
        return peak;
    }

    /**
     * Times matrix products on the manager's device and returns the best rate of any window (see
     * the class comment).
     */
    public static double calibrate(NDManager manager) {
        return calibrate(manager, SECONDS_PER_WINDOW);
    }

    static double calibrate(NDManager manager, double secondsPerWindow) {
        Device device = manager.getDevice();
        double best = 0;
        try (NDManager scope = manager.newSubManager(device)) {
            int warmUpSize = SIZES.get(SIZES.size() / 2);
            NDArray a = random(scope, warmUpSize);
            rate(a, random(scope, warmUpSize), Math.min(WARM_UP_SECONDS, 2 * secondsPerWindow));
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int n : SIZES) {
                try (NDManager scope = manager.newSubManager(device)) {
                    best = Math.max(best, rate(random(scope, n), random(scope, n), secondsPerWindow));
                }
            }
        }
        return best;
    }

    /** FLOP/s of products {@code a·b} repeated for at least {@code seconds} (and at least twice). */
    private static double rate(NDArray a, NDArray b, double seconds) {
        long n = a.getShape().get(0);
        a.matMul(b).close(); // the first product of a size allocates and plans
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int repeats = 0;
        while (System.nanoTime() < deadline || repeats < 2) {
            NDArray c = a.matMul(b);
            c.getFloat(0, 0); // waits for the result on asynchronous devices
            c.close();
            repeats++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return 2.0 * n * n * n * repeats / elapsed;
    }

    private static NDArray random(NDManager manager, int n) {
        return manager.randomNormal(0f, 1f, new Shape(n, n), DataType.FLOAT32);
    }

    private ObjectNode readCache() {
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(cacheFile.toFile()) instanceof ObjectNode node ? node : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode(); // a damaged cache is recalibrated and rewritten
        }
    }

    private void writeCache(ObjectNode cache) {
        if (cacheFile == null) {
            return;
        }
        try {
            Files.createDirectories(cacheFile.getParent());
            Path temporary = Files.createTempFile(cacheFile.getParent(), "peak-flops", ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), cache);
            try {
                Files.move(temporary, cacheFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the cache is an optimisation: without it the next run calibrates again
        }
    }
}
