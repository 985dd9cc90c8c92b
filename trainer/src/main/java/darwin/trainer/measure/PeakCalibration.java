package darwin.trainer.measure;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
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
    private final CalibrationCache cache;

    /** @param cacheFile where calibrated figures are kept; {@code null} for no cache */
    public PeakCalibration(Path cacheFile) {
        this.cache = new CalibrationCache(cacheFile);
    }

    /** The default cache file: {@code $XDG_CACHE_HOME/darwin/peak-flops.json} or {@code ~/.cache/...}. */
    public static Path defaultCacheFile() {
        return CalibrationCache.defaultFile("peak-flops.json");
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
        double cached = cache.get(CalibrationCache.key(device, machineKey));
        return cached > 0 ? OptionalDouble.of(cached) : OptionalDouble.empty();
    }

    double peakFlops(NDManager manager, String machineKey, double secondsPerWindow, Runnable beforeCalibrating) {
        String key = CalibrationCache.key(manager.getDevice(), machineKey);
        double cached = cache.get(key);
        if (cached > 0) {
            return cached;
        }
        beforeCalibrating.run();
        return cache.put(key, calibrate(manager, secondsPerWindow));
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
        String key = CalibrationCache.key(manager.getDevice(), machineKey);
        double fresh = calibrate(manager, secondsPerWindow);
        return cache.put(key, Math.max(fresh, cache.get(key)));
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
}
