package darwin.trainer.harness;

import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.measure.PeakCalibration;
import java.nio.file.Path;

/**
 * How the harness measures.
 *
 * @param heldOutWindow length of the fixed held-out windows (64, as the seed's context)
 * @param heldOutEvery every how many held-out windows one is scored (1: the whole split)
 * @param peakFlops the device's peak FLOP/s, or 0 to calibrate (and cache) it
 * @param peakCache where calibrated peaks are cached, or {@code null} for no cache
 * @param referenceThroughput the seed's training tokens per second on this machine, which an
 *     equal-time budget is counted in, or 0 to calibrate (and cache) it
 * @param throughputCache where calibrated throughputs are cached, or {@code null} for no cache
 */
public record HarnessSettings(int heldOutWindow, int heldOutEvery, double peakFlops, Path peakCache,
        double referenceThroughput, Path throughputCache) {

    public static final int DEFAULT_WINDOW = 64;

    public HarnessSettings {
        if (heldOutWindow < 1) {
            throw new IllegalArgumentException("the held-out window must be at least 1 token, got " + heldOutWindow);
        }
        if (heldOutEvery < 1) {
            throw new IllegalArgumentException("every how many held-out windows are scored must be at least 1, got " + heldOutEvery);
        }
        if (peakFlops < 0 || Double.isNaN(peakFlops) || Double.isInfinite(peakFlops)) {
            throw new IllegalArgumentException("peak FLOP/s must be a positive number (or 0 to calibrate), got " + peakFlops);
        }
        if (referenceThroughput < 0 || Double.isNaN(referenceThroughput) || Double.isInfinite(referenceThroughput)) {
            throw new IllegalArgumentException(
                    "the reference throughput must be a positive number of tokens/s (or 0 to calibrate), got " + referenceThroughput);
        }
    }

    /** Settings that calibrate the reference throughput when it is needed, caching it beside the peak. */
    public HarnessSettings(int heldOutWindow, int heldOutEvery, double peakFlops, Path peakCache) {
        this(heldOutWindow, heldOutEvery, peakFlops, peakCache, 0,
                peakCache == null ? null : peakCache.resolveSibling("reference-throughput.json"));
    }

    /**
     * Calibrated figures cached in the user's cache directory, 64-token held-out windows of which
     * every {@linkplain HeldOutWindows#DEFAULT_EVERY second} is scored.
     */
    public static HarnessSettings defaults() {
        return new HarnessSettings(DEFAULT_WINDOW, HeldOutWindows.DEFAULT_EVERY, 0, PeakCalibration.defaultCacheFile(),
                0, ThroughputCalibration.defaultCacheFile());
    }

    public HarnessSettings withPeakFlops(double peak) {
        return new HarnessSettings(heldOutWindow, heldOutEvery, peak, peakCache, referenceThroughput, throughputCache);
    }

    public HarnessSettings withHeldOutEvery(int every) {
        return new HarnessSettings(heldOutWindow, every, peakFlops, peakCache, referenceThroughput, throughputCache);
    }

    public HarnessSettings withReferenceThroughput(double tokensPerSecond) {
        return new HarnessSettings(heldOutWindow, heldOutEvery, peakFlops, peakCache, tokensPerSecond, throughputCache);
    }
}
