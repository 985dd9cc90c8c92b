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
 * the engine's threads and keeping the best rate. The figure is cached per machine, device and
 * thread count in a small JSON file, since calibrating takes seconds and the peak of a machine
 * does not change between runs.
 */
public final class PeakCalibration {

    private static final List<Integer> SIZES = List.of(256, 512, 1024, 2048);
    private static final double SECONDS_PER_SIZE = 0.6;
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
        String key = machineKey + "|" + manager.getDevice();
        ObjectNode cache = readCache();
        if (cache.has(key) && cache.get(key).isNumber() && cache.get(key).asDouble() > 0) {
            return cache.get(key).asDouble();
        }
        double peak = calibrate(manager);
        cache.put(key, peak);
        writeCache(cache);
        return peak;
    }

    /** Times matrix products on the manager's device and returns the best FLOP/s seen. */
    public static double calibrate(NDManager manager) {
        Device device = manager.getDevice();
        double best = 0;
        for (int n : SIZES) {
            try (NDManager scope = manager.newSubManager(device)) {
                NDArray a = scope.randomNormal(0f, 1f, new Shape(n, n), DataType.FLOAT32);
                NDArray b = scope.randomNormal(0f, 1f, new Shape(n, n), DataType.FLOAT32);
                a.matMul(b).close(); // warm-up
                double flops = 2.0 * n * n * n;
                long deadline = System.nanoTime() + (long) (SECONDS_PER_SIZE * 1e9);
                int repeats = 0;
                while (System.nanoTime() < deadline || repeats < 3) {
                    long start = System.nanoTime();
                    NDArray c = a.matMul(b);
                    c.getFloat(0, 0); // wait for the result on asynchronous devices
                    long elapsed = System.nanoTime() - start;
                    c.close();
                    best = Math.max(best, flops / (elapsed / 1e9));
                    repeats++;
                }
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
