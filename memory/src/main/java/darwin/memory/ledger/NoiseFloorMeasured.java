package darwin.memory.ledger;

import darwin.core.stats.Noise;
import darwin.memory.NoiseFloor;
import java.util.Objects;
import java.util.Optional;

/**
 * The seed's replicates gave the run's noise floor at a budget ({@code NOISE_FLOOR}): the fields of
 * {@link NoiseFloor} and the seed variant's id. Once per budget.
 *
 * @param budget the key of the budget
 * @param replicates how many times the seed was evaluated
 * @param loss the spread of the held-out loss
 * @param logMfu the spread of the log of MFU
 * @param variant the seed variant's id
 */
public record NoiseFloorMeasured(String budget, int replicates, Noise loss, Noise logMfu, String variant)
        implements LedgerEvent {

    public NoiseFloorMeasured {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(logMfu, "logMfu");
        Objects.requireNonNull(variant, "variant");
        if (replicates < 1) {
            throw new IllegalArgumentException("a noise floor rests on at least one evaluation");
        }
    }

    /** The event of a floor measured on the seed variant {@code variant}. */
    public static NoiseFloorMeasured of(NoiseFloor floor, String variant) {
        return new NoiseFloorMeasured(floor.budget(), floor.replicates(), floor.loss(), floor.logMfu(), variant);
    }

    /** The floor itself. */
    public NoiseFloor floor() {
        return new NoiseFloor(budget, replicates, loss, logMfu);
    }

    @Override
    public Optional<String> identity() {
        return Optional.of(budget);
    }
}
