package darwin.trainer.measure;

import darwin.core.Metrics;

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
        return new Metrics(
                valLoss,
                Math.exp(valLoss),
                flops.mfu(tokens, trainSeconds, peakFlops),
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
