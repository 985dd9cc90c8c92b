package darwin.trainer.harness;

/**
 * A variant's training speed relative to the reference program's, from interleaved probes
 * ({@link SpeedProbes}).
 *
 * @param ratio the variant's tokens per second over the reference's: the median of the probe
 *     pairs' ratios (each pair's variant rate over its reference rate)
 * @param spread half the range of the probe pairs' ratios: how far one pair may stray from another
 * @param referenceTokensPerSecond the median of the reference's probes
 * @param variantTokensPerSecond the median of the variant's probes
 * @param probeSeconds wall time of all the probes, models built and warm-up steps included
 * @param pairs how many pairs of probes ran
 */
public record SpeedRatio(double ratio, double spread, double referenceTokensPerSecond, double variantTokensPerSecond,
        double probeSeconds, int pairs) {

    public SpeedRatio {
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("a speed ratio must be a positive number, got " + ratio);
        }
        if (!(spread >= 0) || !(referenceTokensPerSecond > 0) || !(variantTokensPerSecond > 0) || !(probeSeconds >= 0)
                || pairs < 1) {
            throw new IllegalArgumentException("bad probe figures: spread " + spread + ", " + referenceTokensPerSecond
                    + " and " + variantTokensPerSecond + " tokens/s, " + probeSeconds + " s, " + pairs + " pairs");
        }
    }
}
