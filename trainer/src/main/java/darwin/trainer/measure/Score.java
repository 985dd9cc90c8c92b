package darwin.trainer.measure;

import darwin.core.Metrics;
import java.util.OptionalDouble;

/**
 * What scoring a trained model gave: its held-out loss and its FLOP count.
 *
 * @param valLoss mean held-out cross-entropy in nats
 * @param flops the model's counted parameters and FLOPs per token
 */
public record Score(double valLoss, FlopCount flops) {

    /**
     * The metrics of a training that handed out {@code tokens} in {@code steps} over
     * {@code trainSeconds}, on a device of peak {@code peakFlops}.
     */
    public Metrics metrics(long tokens, long steps, double trainSeconds, double peakFlops, double wallSeconds, String device) {
        return metrics(tokens, steps, trainSeconds, peakFlops, wallSeconds, device, OptionalDouble.empty());
    }

    /**
     * As {@link #metrics(long, long, double, double, double, String)}, with the MFU computed from
     * {@code speedTokensPerSecond} when it is present (an equal-time budget's probe figure, which
     * does not depend on how busy the host was while the model trained) instead of the training's
     * tokens over its seconds.
     */
    public Metrics metrics(long tokens, long steps, double trainSeconds, double peakFlops, double wallSeconds, String device,
            OptionalDouble speedTokensPerSecond) {
        double mfu = speedTokensPerSecond.isPresent()
                ? flops.mfu(speedTokensPerSecond.getAsDouble(), peakFlops)
                : flops.mfu(tokens, trainSeconds, peakFlops);
        return new Metrics(
                valLoss,
                Math.exp(valLoss),
                mfu,
                trainSeconds > 0 ? tokens / trainSeconds : 0,
                tokens,
                steps,
                flops.parameters(),
                flops.perToken(),
                peakFlops,
                wallSeconds,
                trainSeconds,
                device);
    }
}
