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
 */
public record HarnessSettings(int heldOutWindow, int heldOutEvery, double peakFlops, Path peakCache) {

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
    }

    /**
     * Calibrated peak cached in the user's cache directory, 64-token held-out windows of which every
     * {@linkplain HeldOutWindows#DEFAULT_EVERY second} is scored.
     */
    public static HarnessSettings defaults() {
        return new HarnessSettings(DEFAULT_WINDOW, HeldOutWindows.DEFAULT_EVERY, 0,
                PeakCalibration.defaultCacheFile());
    }

    public HarnessSettings withPeakFlops(double peak) {
        return new HarnessSettings(heldOutWindow, heldOutEvery, peak, peakCache);
    }

    public HarnessSettings withHeldOutEvery(int every) {
        return new HarnessSettings(heldOutWindow, every, peakFlops, peakCache);
    }
}
