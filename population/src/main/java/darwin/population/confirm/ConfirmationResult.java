package darwin.population.confirm;

import darwin.core.stats.Interval;
import darwin.core.stats.Sample;
import darwin.memory.ConfirmedGain;
import darwin.population.confirm.Measurement.Side;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** How a confirmation ended: a gain with its intervals, or why there is none. */
public sealed interface ConfirmationResult permits ConfirmationResult.Confirmed, ConfirmationResult.Unconfirmed {

    /** The id of the variant confirmed. */
    String variant();

    /** The id of the seed variant. */
    String seed();

    /** Every evaluation, in the order they ran. */
    List<Measurement> measurements();

    /** How many evaluations of {@code side} can enter the comparison. */
    default int usable(Side side) {
        return (int) measurements().stream().filter(m -> m.side() == side && m.usable().isPresent()).count();
    }

    /**
     * Both sides measured at least twice: the change with its intervals, and the samples it came from
     * (held-out loss, and the log of MFU).
     */
    record Confirmed(ConfirmedGain gain, Sample seedLoss, Sample variantLoss, Sample seedLogMfu, Sample variantLogMfu,
            List<Measurement> measurements) implements ConfirmationResult {

        public Confirmed {
            Objects.requireNonNull(gain, "gain");
            Objects.requireNonNull(seedLoss, "seedLoss");
            Objects.requireNonNull(variantLoss, "variantLoss");
            Objects.requireNonNull(seedLogMfu, "seedLogMfu");
            Objects.requireNonNull(variantLogMfu, "variantLogMfu");
            measurements = List.copyOf(measurements);
        }

        @Override
        public String variant() {
            return gain.variant();
        }

        @Override
        public String seed() {
            return gain.seed();
        }

        /** The variant's perplexity over the confirmation: the exponential of its mean held-out loss. */
        public double variantPerplexity() {
            return Math.exp(variantLoss.mean());
        }

        /** The seed's perplexity over the confirmation. */
        public double seedPerplexity() {
            return Math.exp(seedLoss.mean());
        }

        /** The variant's MFU over the confirmation: the exponential of its mean log MFU. */
        public double variantMfu() {
            return Math.exp(variantLogMfu.mean());
        }

        /** The seed's MFU over the confirmation. */
        public double seedMfu() {
            return Math.exp(seedLogMfu.mean());
        }

        /** {@code perplexity -12.3% [-15.0%, -9.6%] (95%, 3 + 3 evaluations), MFU +2.1% [-5.0%, +9.8%]}. */
        public String describe() {
            Interval perplexity = gain.perplexity();
            return String.format(Locale.ROOT, "perplexity %s (%.0f%%, %d + %d evaluations), MFU %s", perplexity.percent(),
                    100 * perplexity.level(), seedLoss.count(), variantLoss.count(), gain.mfu().percent());
        }

        /** What the perplexity change is, beyond its noise. */
        public Verdict verdict() {
            return Verdict.of(gain.perplexity());
        }

        /** The verdict with what it rests on, for people who read one line. */
        public String explained() {
            String level = String.format(Locale.ROOT, "%.0f%%", 100 * gain.perplexity().level());
            return switch (verdict()) {
                case BETTER -> "significant at " + level + ": the whole interval lies below 0";
                case WORSE -> "significantly worse at " + level + ": the whole interval lies above 0";
                case WITHIN_NOISE -> "not significant at " + level + ": the interval holds 0, the change may be noise";
            };
        }
    }

    /** How a confirmed change of perplexity compares with its interval. */
    enum Verdict {
        /** The whole interval lies below 0: the variant is better. */
        BETTER("significant"),
        /** The whole interval lies above 0: the variant is worse. */
        WORSE("significantly worse"),
        /** The interval holds 0: the change may be noise. */
        WITHIN_NOISE("not significant");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        /** The verdict on a relative change of perplexity. */
        public static Verdict of(Interval perplexity) {
            if (perplexity.high() < 0) {
                return BETTER;
            }
            return perplexity.low() > 0 ? WORSE : WITHIN_NOISE;
        }

        /** {@code significant}, {@code significantly worse} or {@code not significant}. */
        public String words() {
            return words;
        }
    }

    /**
     * A side had fewer than two evaluations that worked, so no interval can be given.
     *
     * @param reason one line on why, naming the failures
     */
    record Unconfirmed(String variant, String seed, String reason, List<Measurement> measurements)
            implements ConfirmationResult {

        public Unconfirmed {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(seed, "seed");
            Objects.requireNonNull(reason, "reason");
            measurements = List.copyOf(measurements);
        }
    }
}
