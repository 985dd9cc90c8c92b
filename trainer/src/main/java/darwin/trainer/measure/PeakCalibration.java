package darwin.trainer.measure;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The device's peak FP32 FLOP/s, found by timing square matrix products of several sizes with all
 * the engine's threads and keeping the best sustained rate (not the fastest single product, which
 * a turbo burst can flatter). The figure is cached per machine, device and
 * thread count in a small JSON file, since calibrating takes seconds and the peak of a machine
 * does not change between runs.
 */
public final class PeakCalibration {

    private static final List<Integer> SIZES = List.of(512, 768, 1024, 2048);
    private static final double SECONDS_PER_SIZE = 0.75;
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

    /** The cached peak for this device, or a fresh calibration (which is then cached). */
    public double peakFlops(NDManager manager, String machineKey) {
        return peakFlops(manager, machineKey, SECONDS_PER_SIZE);
    }

    double peakFlops(NDManager manager, String machineKey, double secondsPerSize) {
        String key = machineKey + "|" + manager.getDevice();
        ObjectNode cache = readCache();
        if (cache.has(key) && cache.get(key).isNumber() && cache.get(key).asDouble() > 0) {
            return cache.get(key).asDouble();
        }
        double peak = calibrate(manager, secondsPerSize);
        cache.put(key, peak);
        writeCache(cache);
        return peak;
    }

    /**
     * Times matrix products on the manager's device and returns the best sustained FLOP/s: for
     * each size, the FLOPs of all products over the time they took together.
     */
    public static double calibrate(NDManager manager) {
        return calibrate(manager, SECONDS_PER_SIZE);
    }

    static double calibrate(NDManager manager, double secondsPerSize) {
        Device device = manager.getDevice();
        double best = 0;
        for (int n : SIZES) {
            try (NDManager scope = manager.newSubManager(device)) {
                NDArray a = scope.randomNormal(0f, 1f, new Shape(n, n), DataType.FLOAT32);
                NDArray b = scope.randomNormal(0f, 1f, new Shape(n, n), DataType.FLOAT32);
                a.matMul(b).close(); // warm-up
                long start = System.nanoTime();
                long deadline = start + (long) (secondsPerSize * 1e9);
                int repeats = 0;
                while (System.nanoTime() < deadline || repeats < 2) {
                    NDArray c = a.matMul(b);
                    c.getFloat(0, 0); // waits for the result on asynchronous devices
                    c.close();
                    repeats++;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.max(best, 2.0 * n * n * n * repeats / seconds);
            }
        }
        return best;
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
