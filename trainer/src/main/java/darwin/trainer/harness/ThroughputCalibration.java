package darwin.trainer.harness;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.TokenSampler;
import darwin.trainer.measure.CalibrationCache;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The reference program's training throughput on this machine, in tokens per second: the figure
 * an equal-time budget multiplies its seconds and a variant's speed ratio by. The reference trains
 * once for {@value #WARM_UP_STEPS} warm-up steps and {@value #WINDOWS} windows of
 * {@value #STEPS_PER_WINDOW} steps (about 5 s for the seed on a 2-core host), timed by the
 * harness's batch hand-outs, and the figure is the {@value #PERCENTILE} quantile of the windows'
 * rates: a busy moment on a shared host lowers only the windows it falls into, and a single lucky
 * window does not set the figure. Cached per machine (processor, cores, threads, device) beside the
 * peak, in {@code ~/.cache/darwin/reference-throughput.json}; a recalibration keeps the higher
 * figure, as the peak's does.
 */
public final class ThroughputCalibration {

    static final int WARM_UP_STEPS = 10;
    static final int WINDOWS = 8;
    static final int STEPS_PER_WINDOW = 8;
    static final double PERCENTILE = 0.75;

    private final CalibrationCache cache;

    /** @param cacheFile where calibrated figures are kept; {@code null} for no cache */
    public ThroughputCalibration(Path cacheFile) {
        this.cache = new CalibrationCache(cacheFile);
    }

    /** The default cache file, beside the peak's: {@code ~/.cache/darwin/reference-throughput.json}. */
    public static Path defaultCacheFile() {
        return CalibrationCache.defaultFile("reference-throughput.json");
    }

    /** The cached figure for this device, if there is one (no engine needed). */
    public OptionalDouble cached(Device device, String machineKey) {
        double cached = cache.get(CalibrationCache.key(device, machineKey));
        return cached > 0 ? OptionalDouble.of(cached) : OptionalDouble.empty();
    }

    /**
     * The cached figure, or a fresh calibration (which is then cached).
     *
     * @param beforeCalibrating runs when there is no cached figure, just before calibrating
     */
    public double throughput(TrainingSession session, TrainingProgram reference, NDManager manager, TokenSampler sampler,
            String machineKey, Runnable beforeCalibrating) {
        String key = CalibrationCache.key(manager.getDevice(), machineKey);
        double cached = cache.get(key);
        if (cached > 0) {
            return cached;
        }
        beforeCalibrating.run();
        return cache.put(key, calibrate(session, reference, manager, sampler, WARM_UP_STEPS, WINDOWS, STEPS_PER_WINDOW));
    }

    /** Calibrates again and caches the higher of the new and the cached figure; returns the figure now cached. */
    public double recalibrate(TrainingSession session, TrainingProgram reference, NDManager manager, TokenSampler sampler,
            String machineKey) {
        String key = CalibrationCache.key(manager.getDevice(), machineKey);
        double fresh = calibrate(session, reference, manager, sampler, WARM_UP_STEPS, WINDOWS, STEPS_PER_WINDOW);
        return cache.put(key, Math.max(fresh, cache.get(key)));
    }

    /**
     * Trains the reference once and returns the {@value #PERCENTILE} quantile of its windows' rates.
     *
     * @throws IllegalStateException when the reference fails to train (a fault of the harness)
     */
    static double calibrate(TrainingSession session, TrainingProgram reference, NDManager manager, TokenSampler sampler,
            int warmUp, int windows, int stepsPerWindow) {
        try (NDManager scope = manager.newSubManager()) {
            TrainingSession.Probe run = session.probe(reference, scope, sampler, warmUp + (long) windows * stepsPerWindow + 1, 0);
            if (run.failure() != null) {
                throw new IllegalStateException("the reference program failed to train while calibrating its throughput: "
                        + run.failure().reason());
            }
            return quantile(run.times().windowRates(warmUp, stepsPerWindow), PERCENTILE);
        }
    }

    /** The nearest-rank {@code q} quantile of {@code values}. */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
