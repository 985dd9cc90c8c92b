package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.stats.Interval;
import darwin.core.stats.Noise;
import darwin.memory.ConfirmedGain;
import darwin.memory.NoiseFloor;
import java.util.Locale;

/**
 * How sure a run's figures are, as {@code darwin status} says it: the noise floor (how much the
 * seed's figures scatter when it is evaluated again; a standard deviation of a log is a relative
 * one, so 0.012 reads as ±1.2%) and the confirmed gain (the best variant and the seed measured
 * again, interleaved, with the 95% interval of the change). Either may not be measured yet.
 */
final class Confidence {

    private Confidence() {}

    /** {@code noise floor: …}, one line. */
    static String noiseFloor(NoiseFloor floor) {
        if (floor == null) {
            return "noise floor: not measured yet";
        }
        return String.format(Locale.ROOT, "noise floor: seed evaluated %d time%s at %s: perplexity %s, MFU %s"
                + " (relative sd of one evaluation)", floor.replicates(), floor.replicates() == 1 ? "" : "s", floor.budget(),
                spread(floor.loss()), spread(floor.logMfu()));
    }

    /** {@code confirmed gain: …}, one line. */
    static String confirmed(ConfirmedGain gain) {
        if (gain == null) {
            return "confirmed gain: not measured yet (the best figure is unconfirmed)";
        }
        return String.format(Locale.ROOT, "confirmed gain: %s against the seed %s, %d evaluation%s each at %s: perplexity %s, %s;"
                + " MFU %s", gain.variant(), gain.seed(), gain.repeat(), gain.repeat() == 1 ? "" : "s", gain.budget(),
                gain.perplexity().percent(), gain.significant() ? "significant at 95%" : "not significant at 95%",
                gain.mfu().percent());
    }

    private static String spread(Noise noise) {
        return noise.known()
                ? String.format(Locale.ROOT, "±%.1f%% (%d degree%s of freedom)", 100 * noise.sd(), noise.degreesOfFreedom(),
                        noise.degreesOfFreedom() == 1 ? "" : "s")
                : "spread unknown";
    }

    /** {@code {"measured": false}}, or the floor with its spreads in percent ({@code null} when unknown). */
    static ObjectNode json(NoiseFloor floor, ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("measured", floor != null);
        if (floor != null) {
            node.put("budget", floor.budget()).put("replicates", floor.replicates());
            spread(node, "perplexity", floor.loss());
            spread(node, "mfu", floor.logMfu());
        }
        return node;
    }

    /** {@code {"measured": false}}, or the confirmed gain with its changes and bounds in percent. */
    static ObjectNode json(ConfirmedGain gain, ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("measured", gain != null);
        if (gain != null) {
            node.put("variant", gain.variant()).put("seed", gain.seed()).put("budget", gain.budget())
                    .put("repeat", gain.repeat()).put("significant", gain.significant()).put("at", gain.at().toString());
            change(node, "perplexity", gain.perplexity());
            change(node, "mfu", gain.mfu());
        }
        return node;
    }

    private static void spread(ObjectNode node, String figure, Noise noise) {
        if (noise.known()) {
            node.put(figure + "SdPercent", 100 * noise.sd());
        } else {
            node.putNull(figure + "SdPercent");
        }
        node.put(figure + "DegreesOfFreedom", noise.degreesOfFreedom());
    }

    private static void change(ObjectNode node, String figure, Interval change) {
        number(node, figure + "ChangePercent", change.estimate());
        number(node, figure + "ChangeLowPercent", change.low());
        number(node, figure + "ChangeHighPercent", change.high());
    }

    private static void number(ObjectNode node, String key, double relative) {
        if (Double.isFinite(relative)) {
            node.put(key, 100 * relative);
        } else {
            node.putNull(key);
        }
    }
}
