package darwin.core;

import java.util.Objects;

/**
 * What the harness measured of one trained model. Every figure is computed by harness code from
 * what it observed, never reported by the training program.
 *
 * @param valLoss mean next-token cross-entropy (nats) over the fixed held-out windows
 * @param perplexity {@code exp(valLoss)}
 * @param mfu model FLOP utilisation: achieved model FLOP/s divided by the device's calibrated peak
 * @param tokensPerSecond training tokens consumed per second of training wall time
 * @param tokensTrained training tokens handed to the program
 * @param steps training batches handed to the program
 * @param parameters number of scalar parameters of the returned model
 * @param flopsPerToken model FLOPs per training token (forward and backward): 6N + 12·L·d·T
 * @param peakFlops calibrated peak FLOP/s of the device
 * @param wallSeconds wall time of the whole evaluation: training, checks and held-out scoring
 * @param trainSeconds wall time of training alone
 * @param device the device trained on, e.g. {@code cpu} or {@code gpu(0)}
 */
public record Metrics(
        double valLoss,
        double perplexity,
        double mfu,
        double tokensPerSecond,
        long tokensTrained,
        long steps,
        long parameters,
        double flopsPerToken,
        double peakFlops,
        double wallSeconds,
        double trainSeconds,
        String device) {

    public Metrics {
        Objects.requireNonNull(device, "device");
        if (tokensTrained < 0 || steps < 0 || parameters < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (!(peakFlops > 0)) {
            throw new IllegalArgumentException("peak FLOP/s must be positive, got " + peakFlops);
        }
        if (wallSeconds < 0 || trainSeconds < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
    }
}
