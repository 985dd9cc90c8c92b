package darwin.memory;

import darwin.core.stats.Noise;
import java.util.Objects;

/**
 * How much a run's measurements scatter: the seed evaluated {@code replicates} times with
 * different seeds at the run's budget, and the spread of each objective on the log scale (a
 * standard deviation there is a relative one: 0.01 is about 1%).
 *
 * @param budget the key of the budget it was measured at
 * @param replicates how many times the seed was evaluated
 * @param loss the spread of the held-out loss, the log of perplexity
 * @param logMfu the spread of the log of MFU
 */
public record NoiseFloor(String budget, int replicates, Noise loss, Noise logMfu) {

    public NoiseFloor {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(logMfu, "logMfu");
        if (replicates < 1) {
            throw new IllegalArgumentException("a noise floor rests on at least one evaluation");
        }
    }
}
